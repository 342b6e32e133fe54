import Foundation

/// A mood map: for each strategy, the genres and mood tags that answer each of the six emotions.
///
/// Maps are JSON (see `Resources/mood-map-default.json`); the built-in ones are `"original"`
/// (one genre per emotion, as the original project had) and `"default"` (several genres and
/// mood tags, with `match` and `uplift`).
public struct MoodMap: Sendable, Hashable, CustomStringConvertible {
    /// The six emotion codes every strategy must answer, in sorted order.
    public static let emotions = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]
    /// The key of the optional entry used for emotions outside the six.
    public static let unknownKey = "unknown"
    /// The names of the maps shipped with Moodify.
    public static let builtinNames = ["default", "original"]

    /// The map's name ("default", "original", or what a user map calls itself).
    public var name: String
    /// A one-line description of the map.
    public var summary: String
    /// The strategy used when the caller names none.
    public var defaultStrategy: MoodStrategy
    /// Each strategy's entries, keyed by emotion code, plus optionally `unknown`.
    public var strategies: [MoodStrategy: [String: MoodEntry]]

    /// A map from its parts; `MoodMap(json:source:)` validates user input, this does not.
    public init(name: String, summary: String, defaultStrategy: MoodStrategy, strategies: [MoodStrategy: [String: MoodEntry]]) {
        self.name = name
        self.summary = summary
        self.defaultStrategy = defaultStrategy
        self.strategies = strategies
    }

    /// The strategies this map defines, in declaration order of `MoodStrategy`.
    public var availableStrategies: [MoodStrategy] {
        MoodStrategy.allCases.filter { strategies[$0] != nil }
    }

    /// Every genre any strategy of this map uses, sorted.
    public var genres: [String] {
        Array(Set(strategies.values.flatMap { $0.values.flatMap(\.genres) })).sorted()
    }

    /// The emotion code for a label: a code in any case ("hap") or an English name ("happy", "sadness").
    public static func emotionCode(for label: String) -> String? {
        let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let names: [String: String] = [
            "ang": "ANG", "anger": "ANG", "angry": "ANG",
            "dis": "DIS", "disgust": "DIS", "disgusted": "DIS",
            "fea": "FEA", "fear": "FEA", "fearful": "FEA", "afraid": "FEA", "scared": "FEA",
            "hap": "HAP", "happy": "HAP", "happiness": "HAP", "joy": "HAP",
            "neu": "NEU", "neutral": "NEU",
            "sad": "SAD", "sadness": "SAD",
        ]
        return names[key]
    }

    /// What the map answers for an emotion label under a strategy (the map's default when nil).
    ///
    /// An unknown emotion gets the strategy's `unknown` entry (the original's "pop when unknown"),
    /// else the neutral entry. A strategy the map lacks is replaced by the map's default, and the
    /// resolution's `note` says so.
    public func resolve(emotion label: String, strategy requested: MoodStrategy? = nil) -> MoodResolution {
        var strategy = requested ?? defaultStrategy
        var note: String?
        if strategies[strategy] == nil {
            note = "the \"\(name)\" map has no \"\(strategy.rawValue)\" strategy, so \"\(defaultStrategy.rawValue)\" was used"
            strategy = defaultStrategy
        }
        let table = strategies[strategy] ?? [:]
        let code = Self.emotionCode(for: label)
        let entry: MoodEntry
        if let code, let known = table[code] {
            entry = known
        } else if let unknown = table[Self.unknownKey] {
            entry = unknown
        } else {
            entry = table["NEU"] ?? MoodEntry(genres: ["pop"])
        }
        return MoodResolution(emotion: code ?? label, isKnownEmotion: code != nil, strategy: strategy, entry: entry, note: note)
    }

    /// A readable table of the map: one line per strategy and emotion.
    public var description: String {
        var lines = ["Mood map \"\(name)\": \(summary)"]
        for strategy in availableStrategies {
            let marker = strategy == defaultStrategy ? " (default)" : ""
            lines.append("\(strategy.rawValue)\(marker):")
            let table = strategies[strategy] ?? [:]
            for key in Self.emotions + [Self.unknownKey] {
                guard let entry = table[key] else { continue }
                let label = key.padding(toLength: 9, withPad: " ", startingAt: 0)
                let genres = entry.genres.joined(separator: ", ")
                let moods = entry.moods.isEmpty ? "" : "  moods: " + entry.moods.joined(separator: ", ")
                lines.append("  \(label)\(genres)\(moods)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The answer of a mood map for one emotion: the entry to use and the strategy that produced it.
public struct MoodResolution: Sendable, Hashable {
    /// The emotion code ("HAP"), or the label as given when it is not one of the six.
    public var emotion: String
    /// Whether the label named one of the six emotions.
    public var isKnownEmotion: Bool
    /// The strategy actually used.
    public var strategy: MoodStrategy
    /// The genres and mood tags to draw from.
    public var entry: MoodEntry
    /// Set when the requested strategy was replaced by the map's default.
    public var note: String?
}
