import Dispatch
import Foundation
import MoodifyMusic
import Synchronization

/// Tracks recommended for an emotion as scripts see it: displayed as the original printed them,
/// with a `source:` line saying which source answered and why.
struct RecommendationObject: HostObject {
    /// The tracks, where they came from and why.
    let recommendation: Recommendation

    var typeName: String { "Recommendation" }

    var summary: String {
        "Recommendation of \(recommendation.tracks.count) tracks for \(recommendation.emotion) from \(recommendation.source)"
    }

    /// "Top tracks for ANG mood:", one "<title> by <first artist>" line per track, notes, then the source line.
    var display: String {
        let tracks = recommendation.tracks.map { track in
            track.artists.first.map { "\(track.title) by \($0)" } ?? track.title
        }
        let notes = recommendation.notes.map { "note: \($0)" }
        return (["Top tracks for \(recommendation.emotion) mood:"] + tracks + notes + [recommendation.sourceLine])
            .joined(separator: "\n")
    }

    var propertyNames: [String] { ["emotion", "genres", "map", "notes", "reason", "source", "strategy", "tracks"] }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "emotion": return .string(recommendation.emotion)
        case "genres": return .strings(recommendation.genres)
        case "map": return .string(recommendation.mapName)
        case "notes": return .strings(recommendation.notes)
        case "reason": return .string(recommendation.reason)
        case "source": return .string(recommendation.source.rawValue)
        case "strategy": return .string(recommendation.strategy.rawValue)
        case "tracks": return .list(recommendation.tracks.map(Self.trackValue))
        default: return nil
        }
    }

    var length: Int? { recommendation.tracks.count }
    /// `for t in r` visits the tracks as dictionaries.
    var elements: [Value]? { recommendation.tracks.map(Self.trackValue) }

    /// A track as a dictionary: title, artist (the first), artists, url, genre (the first), year.
    static func trackValue(_ track: Track) -> Value {
        .dictionary(ValueDictionary([
            ("title", .string(track.title)),
            ("artist", track.artists.first.map(Value.string) ?? .null),
            ("artists", .strings(track.artists)),
            ("url", .string(track.openURL.absoluteString)),
            ("genre", track.genres.first.map(Value.string) ?? .null),
            ("year", track.year.map { .number(Double($0)) } ?? .null),
        ]))
    }
}

extension MoodMap {
    /// The map as a script dictionary, shaped like its JSON: name, description, default_strategy, strategies.
    var scriptValue: Value {
        let strategies = availableStrategies.map { strategy -> (String, Value) in
            let table = self.strategies[strategy] ?? [:]
            let keys = MoodMap.emotions + [MoodMap.unknownKey]
            let entries = keys.compactMap { key in
                table[key].map { entry in
                    (key, Value.dictionary(ValueDictionary([("genres", .strings(entry.genres)), ("moods", .strings(entry.moods))])))
                }
            }
            return (strategy.rawValue, .dictionary(ValueDictionary(entries)))
        }
        return .dictionary(ValueDictionary([
            ("name", .string(name)),
            ("description", .string(summary)),
            ("default_strategy", .string(defaultStrategy.rawValue)),
            ("strategies", .dictionary(ValueDictionary(strategies))),
        ]))
    }
}

extension Arguments {
    /// The optional choice `name` among the raw values of `T` ("strategy must be one of match, uplift").
    func optionalChoice<T: RawRepresentable & CaseIterable>(_ name: String, of type: T.Type) throws -> T? where T.RawValue == String {
        guard let raw = try optionalString(name) else { return nil }
        guard let choice = T(rawValue: raw) else {
            let allowed = T.allCases.map { Display.quoted($0.rawValue) }.joined(separator: ", ")
            throw ValueError.invalid("\(name) must be one of \(allowed), got \(Display.quoted(raw))")
        }
        return choice
    }

    /// The recommendation seed `name`: a whole number, a text (hashed, e.g. a clip's file name), or nil for a fresh random seed.
    func recommendationSeed(_ name: String) throws -> UInt64 {
        switch optional(name) {
        case nil, .null?: return UInt64.random(in: .min ... .max)
        case .string(let text)?: return RecommendationSeed.from(text)
        default:
            let value = try int(name)
            guard value >= 0 else { throw ValueError.invalid("\(name) must be a non-negative whole number or a text, got \(value)") }
            return UInt64(value)
        }
    }
}

/// Runs an async operation to completion from synchronous builtin code. The operation runs on its own serial
/// dispatch queue (a task executor preference, which the Spotify client actor also honours), never on the
/// cooperative pool, so waiting here cannot starve it even when the caller is itself on a pool thread.
private func awaitResult<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
    let result = Mutex<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached(executorPreference: QueueExecutor()) {
        let value = await operation()
        result.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return result.withLock { $0! }
}

/// A task executor that runs every job on one serial dispatch queue of its own.
private final class QueueExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "moodify.script.recommend")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

extension Builtins {
    /// Music for a mood: the mood maps, the embedded catalog and Spotify.
    static let music: [Builtin] = [
        Builtin("recommend", [.required("emotion"), .optional("limit", 5), .named("map", nil), .named("strategy", nil),
                              .named("source", "auto"), .named("seed", nil)],
                doc: "Tracks for an emotion (\"ANG\" or \"angry\"): map \"original\"/\"default\"/a JSON path, strategy \"match\"/\"uplift\", source \"auto\"/\"catalog\"/\"spotify\", seed for reproducible picks.") { args in
            let emotion = try args.string("emotion")
            let limit = try args.int("limit")
            let map = try args.optionalString("map").map { try MoodMap.named($0) }
            let strategy = try args.optionalChoice("strategy", of: MoodStrategy.self)
            let source = try args.optionalChoice("source", of: SourcePreference.self) ?? .auto
            let seed = try args.recommendationSeed("seed")
            let recommender = try Recommender()
            let recommendation = awaitResult {
                await recommender.recommend(emotion: emotion, limit: limit, map: map, strategy: strategy, source: source, seed: seed)
            }
            return .object(RecommendationObject(recommendation: recommendation))
        },
        Builtin("mood_map", [.optional("name", nil)],
                doc: "A mood map as a dictionary: \"original\", \"default\", a JSON path, or nil for the active one (MOODIFY_MOOD_MAP).") { args in
            let map = try args.optionalString("name").map { try MoodMap.named($0) } ?? MoodMap.active()
            return map.scriptValue
        },
    ]
}
