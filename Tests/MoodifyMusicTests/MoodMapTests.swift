import Foundation
import Testing
@testable import MoodifyMusic

@Suite("Mood maps")
struct MoodMapTests {
    @Test("the original map is the original project's one genre per emotion")
    func originalMap() throws {
        let map = try MoodMap.builtin(named: "original")
        let expected = ["HAP": "pop", "SAD": "classical", "ANG": "rock", "NEU": "chill", "FEA": "metal", "DIS": "emo"]
        for (emotion, genre) in expected {
            #expect(map.resolve(emotion: emotion).entry.genres == [genre])
        }
        #expect(map.resolve(emotion: "CALM").entry.genres == ["pop"])
        #expect(map.resolve(emotion: "CALM").isKnownEmotion == false)
        #expect(map.availableStrategies == [.match])
    }

    @Test("the default map has both strategies, several genres and mood tags per emotion")
    func defaultMap() throws {
        let map = try MoodMap.builtin(named: "default")
        #expect(map.availableStrategies == [.match, .uplift])
        #expect(map.defaultStrategy == .match)
        for strategy in MoodStrategy.allCases {
            for emotion in MoodMap.emotions {
                let entry = map.resolve(emotion: emotion, strategy: strategy).entry
                #expect(entry.genres.count >= 3, "\(strategy) \(emotion)")
                #expect(!entry.moods.isEmpty, "\(strategy) \(emotion)")
            }
        }
        #expect(map.resolve(emotion: "SAD", strategy: .match).entry.moods.contains("sad"))
        #expect(map.resolve(emotion: "SAD", strategy: .uplift).entry.moods.contains("hopeful"))
    }

    @Test("emotion labels: codes in any case and English names", arguments: [
        ("HAP", "HAP"), ("hap", "HAP"), ("happy", "HAP"), ("Sadness", "SAD"), (" angry ", "ANG"),
        ("disgust", "DIS"), ("fearful", "FEA"), ("neutral", "NEU"),
    ])
    func emotionLabels(label: String, code: String) {
        #expect(MoodMap.emotionCode(for: label) == code)
    }

    @Test("a strategy the map lacks falls back to its default, with a note")
    func missingStrategy() throws {
        let resolution = try MoodMap.builtin(named: "original").resolve(emotion: "SAD", strategy: .uplift)
        #expect(resolution.strategy == .match)
        #expect(resolution.entry.genres == ["classical"])
        #expect(resolution.note?.contains("uplift") == true)
    }

    @Test("MOODIFY_MOOD_MAP selects a built-in map or a file; unset means default")
    func activeMap() throws {
        #expect(try MoodMap.active(environment: [:]).name == "default")
        #expect(try MoodMap.active(environment: ["MOODIFY_MOOD_MAP": "original"]).name == "original")
        let directory = try SpotifyFixtures.emptyDirectory()
        let file = directory.appendingPathComponent("mine.json")
        try Data(Self.validUserMap.utf8).write(to: file)
        let map = try MoodMap.active(environment: ["MOODIFY_MOOD_MAP": file.path])
        #expect(map.name == "mine")
        #expect(map.resolve(emotion: "HAP").entry == MoodEntry(genres: ["k-pop", "pop"], moods: ["happy"]))
        #expect(map.resolve(emotion: "XYZ").entry.genres == ["chill"], "no unknown entry: the neutral one answers")
        #expect(throws: MoodMapError.unknownMap(name: "cheerful", available: MoodMap.builtinNames)) {
            try MoodMap.active(environment: ["MOODIFY_MOOD_MAP": "cheerful"])
        }
        #expect(throws: MoodMapError.self) { try MoodMap.named(directory.appendingPathComponent("absent.json").path) }
    }

    @Test("the map's description lists every strategy and emotion")
    func description() throws {
        let text = try MoodMap.builtin(named: "default").description
        #expect(text.contains("match (default):"))
        #expect(text.contains("uplift:"))
        #expect(text.contains("SAD      classical, blues, folk  moods: sad, melancholic, longing, heartbroken"))
    }

    static let validUserMap = """
        {"name": "mine", "strategies": {"match": {
          "ANG": {"genres": ["rock"]}, "DIS": {"genres": ["emo"]}, "FEA": {"genres": ["metal"]},
          "HAP": {"genres": ["K-Pop", "pop"], "moods": ["Happy"]}, "NEU": {"genres": ["chill"]}, "SAD": {"genres": ["classical"]}}}}
        """

    /// Malformed maps and the key each error must name.
    static let malformed: [(json: String, key: String)] = [
        (#"["not", "an", "object"]"#, "(top level)"),
        (#"{"name": "x"}"#, "strategies"),
        (#"{"strategy": {}}"#, "strategy"),
        (#"{"strategies": []}"#, "strategies"),
        (#"{"strategies": {}}"#, "strategies"),
        (#"{"strategies": {"mirror": {}}}"#, "strategies.mirror"),
        (validUserMap.replacingOccurrences(of: #""HAP""#, with: #""HAPPY""#), "strategies.match.HAPPY"),
        (validUserMap.replacingOccurrences(of: #""SAD": {"genres": ["classical"]}"#, with: #""CALM": {"genres": ["x"]}"#), "strategies.match.CALM"),
        (validUserMap.replacingOccurrences(of: #", "SAD": {"genres": ["classical"]}"#, with: ""), "strategies.match.SAD"),
        (validUserMap.replacingOccurrences(of: #"{"genres": ["rock"]}"#, with: #"{"genres": "rock"}"#), "strategies.match.ANG.genres"),
        (validUserMap.replacingOccurrences(of: #"["K-Pop", "pop"]"#, with: #"["K-Pop", 7]"#), "strategies.match.HAP.genres[1]"),
        (validUserMap.replacingOccurrences(of: #"{"genres": ["emo"]}"#, with: #"{"genres": []}"#), "strategies.match.DIS.genres"),
        (validUserMap.replacingOccurrences(of: #"{"genres": ["emo"]}"#, with: #"{"moods": ["sad"]}"#), "strategies.match.DIS.genres"),
        (validUserMap.replacingOccurrences(of: #"["Happy"]"#, with: #"["  "]"#), "strategies.match.HAP.moods[0]"),
        (validUserMap.replacingOccurrences(of: #"{"genres": ["metal"]}"#, with: #"{"genres": ["metal"], "mood": ["x"]}"#), "strategies.match.FEA.mood"),
        (validUserMap.replacingOccurrences(of: #"{"genres": ["metal"]}"#, with: #"["metal"]"#), "strategies.match.FEA"),
        (validUserMap.replacingOccurrences(of: #"["chill"]"#, with: #"["say \"hi\""]"#), "strategies.match.NEU.genres[0]"),
        (validUserMap.replacingOccurrences(of: #""name": "mine""#, with: #""name": 3"#), "name"),
        (validUserMap.replacingOccurrences(of: #""name": "mine""#, with: #""default_strategy": "uplift""#), "default_strategy"),
    ]

    @Test("a malformed map is rejected naming the key at fault", arguments: malformed)
    func malformedMaps(json: String, key: String) {
        #expect {
            try MoodMap(json: Data(json.utf8), source: "test.json")
        } throws: { error in
            let text = String(describing: error)
            return text.contains("\"\(key)\"") && text.contains("test.json")
        }
    }

    @Test("text that is not JSON is rejected as such")
    func notJSON() {
        #expect {
            try MoodMap(json: Data("{ genres: pop".utf8), source: "broken.json")
        } throws: { error in
            guard case .notJSON(source: "broken.json", _) = error as? MoodMapError else { return false }
            return true
        }
    }

    @Test("the valid user map parses, lower-casing genres and moods")
    func userMap() throws {
        let map = try MoodMap(json: Data(Self.validUserMap.utf8))
        #expect(map.genres == ["chill", "classical", "emo", "k-pop", "metal", "pop", "rock"])
        #expect(map.summary == "a user-supplied mood map")
    }
}
