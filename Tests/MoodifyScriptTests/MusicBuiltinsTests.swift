import Foundation
import Testing
@testable import MoodifyScript

@Suite("Music builtins")
struct MusicBuiltinsTests {
    @Test("recommend from the catalog prints the original's block and says which source answered")
    func catalogDisplay() throws {
        let lines = try shown(#"recommend("ANG", source: "catalog", seed: 7)"#).split(separator: "\n").map(String.init)
        #expect(lines.first == "Top tracks for ANG mood:")
        #expect(lines.count == 7)
        #expect(lines[1...5].allSatisfy { $0.contains(" by ") })
        #expect(lines.last == "source: catalog (the catalog was requested)")
    }

    @Test("tracks are dictionaries with title, artist, url, genre and year; source and emotion are properties")
    func properties() throws {
        let code = """
        r = recommend("happy", limit: 3, source: "catalog", seed: 1)
        t = r.tracks[0]
        [len(r.tracks), r.source, r.emotion, type(t["title"]), type(t["artist"]), type(t["year"]), t["genre"] != nil]
        """
        #expect(try shown(code) == #"[3, "catalog", "HAP", "string", "string", "number", true]"#)
        let url = try shown(#"recommend("SAD", source: "catalog", seed: 1).tracks[0]["url"]"#)
        #expect(url.hasPrefix("\"https://open.spotify.com/search/"))
    }

    @Test("many recommends at once, each blocking its thread, all finish (the recommender runs off the cooperative pool)",
          .timeLimit(.minutes(1)))
    func concurrentCalls() async throws {
        try await withThrowingTaskGroup(of: String.self) { group in
            for seed in 0..<8 {
                group.addTask { try shown(#"recommend("FEA", source: "catalog", seed: \#(seed))"#) }
            }
            var count = 0
            for try await display in group {
                #expect(display.hasPrefix("Top tracks for FEA mood:"))
                count += 1
            }
            #expect(count == 8)
        }
    }

    @Test("the same seed gives the same tracks; a clip name works as a seed; different seeds differ")
    func seeded() throws {
        let pick = { (seed: String) throws -> String in
            try shown("""
            out = []
            for t in recommend("NEU", limit: 5, source: "catalog", seed: \(seed)).tracks { out = out + [t["title"]] }
            out
            """)
        }
        #expect(try pick("42") == pick("42"))
        #expect(try pick(#""1002_IEO_ANG_HI.flac""#) == pick(#""1002_IEO_ANG_HI.flac""#))
        let picks = try Set((1...5).map { try pick(String($0)) })
        #expect(picks.count > 1)
    }

    @Test("no artist appears twice, at the largest limit and under every strategy")
    func distinctArtists() throws {
        for strategy in ["match", "uplift"] {
            for emotion in ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"] {
                let counts = try shown("""
                out = []
                for t in recommend("\(emotion)", limit: 10, strategy: "\(strategy)", source: "catalog", seed: 3) { out = out + [t["artist"]] }
                [len(out), len(unique(out))]
                """)
                #expect(counts == "[10, 10]", "\(emotion) \(strategy)")
            }
        }
    }

    @Test("the original map answers anger with rock only")
    func originalMap() throws {
        let code = """
        genres = []
        for t in recommend("ANG", map: "original", source: "catalog", seed: 5) { genres = genres + [t["genre"]] }
        [recommend("ANG", map: "original", source: "catalog").genres, len(genres)]
        """
        #expect(try shown(code) == #"[["rock"], 5]"#)
    }

    @Test("mood_map returns the map as a dictionary shaped like its JSON")
    func moodMapDictionary() throws {
        #expect(try shown(#"mood_map("original")["strategies"]["match"]["SAD"]["genres"]"#) == #"["classical"]"#)
        #expect(try shown(#"mood_map("default")["default_strategy"]"#) == #""match""#)
        #expect(try shown(#"len(mood_map("default")["strategies"])"#) == "2")
    }

    @Test("bad maps and choices are one-sentence errors naming the fault")
    func errors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-music-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.json").path
        try #"{"strategies": {"match": {"HAPPY": {"genres": ["pop"]}}}}"#.write(toFile: path, atomically: true, encoding: .utf8)

        #expect(errorMessage(#"mood_map("\#(path)")"#).contains(#"unknown key "strategies.match.HAPPY""#))
        #expect(errorMessage(#"recommend("HAP", map: "\#(path)")"#).hasPrefix("recommend: The mood map"))
        #expect(errorMessage(#"mood_map("sunny")"#) == #"mood_map: There is no built-in mood map named "sunny" (available: default, original; or give a path to a JSON file)."#)
        #expect(errorMessage(#"recommend("HAP", strategy: "cheer")"#) == #"recommend: strategy must be one of "match", "uplift", got "cheer""#)
        #expect(errorMessage(#"recommend("HAP", source: "radio")"#) == #"recommend: source must be one of "auto", "catalog", "spotify", got "radio""#)
    }
}

@Suite("print of host objects")
struct PrintObjectTests {
    @Test("print shows a host object's display, as Python's print shows str(x); inside a list it is its summary")
    func printShowsDisplay() throws {
        let printed = try evaluate(#"r = recommend("SAD", source: "catalog", seed: 2)"# + "\nprint(r)\nprint([r])").output
        let lines = printed.split(separator: "\n")
        #expect(lines.first == "Top tracks for SAD mood:")
        #expect(lines.count == 8)
        #expect(lines.last == "[Recommendation of 5 tracks for SAD from catalog]")
    }
}
