import Foundation

/// Validates mood-map JSON and builds a `MoodMap`, naming the exact key of any fault.
struct MoodMapParser {
    /// How the map is named in error messages (a path or a built-in name).
    let source: String

    private static let topKeys = ["name", "description", "default_strategy", "strategies"]
    private static let entryKeys = ["genres", "moods"]

    func parse(_ data: Data) throws(MoodMapError) -> MoodMap {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .notJSON(source: source, detail: (error as NSError).localizedDescription)
        }
        guard let object = root as? [String: Any] else {
            throw .invalidValue(source: source, key: "(top level)", problem: "expected an object")
        }
        try rejectUnknownKeys(object, allowed: Self.topKeys, path: "")

        let name = try optionalString(object["name"], key: "name") ?? "custom"
        let summary = try optionalString(object["description"], key: "description") ?? "a user-supplied mood map"

        guard let strategiesValue = object["strategies"] else { throw .missingKey(source: source, key: "strategies") }
        guard let strategiesObject = strategiesValue as? [String: Any] else {
            throw .invalidValue(source: source, key: "strategies", problem: "expected an object keyed by strategy (match, uplift)")
        }
        if strategiesObject.isEmpty {
            throw .invalidValue(source: source, key: "strategies", problem: "define at least one strategy")
        }
        var strategies: [MoodStrategy: [String: MoodEntry]] = [:]
        for key in strategiesObject.keys.sorted() {
            guard let strategy = MoodStrategy(rawValue: key) else {
                throw .unknownKey(source: source, key: "strategies.\(key)", allowed: MoodStrategy.allCases.map(\.rawValue))
            }
            strategies[strategy] = try parseStrategy(strategiesObject[key] as Any, path: "strategies.\(key)")
        }

        let defaultStrategy: MoodStrategy
        if let raw = try optionalString(object["default_strategy"], key: "default_strategy") {
            guard let strategy = MoodStrategy(rawValue: raw) else {
                throw .invalidValue(source: source, key: "default_strategy", problem: "\"\(raw)\" is not a strategy (match, uplift)")
            }
            guard strategies[strategy] != nil else {
                throw .invalidValue(source: source, key: "default_strategy", problem: "the map does not define \"\(raw)\" under strategies")
            }
            defaultStrategy = strategy
        } else if strategies[.match] != nil {
            defaultStrategy = .match
        } else {
            defaultStrategy = .uplift
        }
        return MoodMap(name: name, summary: summary, defaultStrategy: defaultStrategy, strategies: strategies)
    }

    private func parseStrategy(_ value: Any, path: String) throws(MoodMapError) -> [String: MoodEntry] {
        guard let object = value as? [String: Any] else {
            throw .invalidValue(source: source, key: path, problem: "expected an object keyed by emotion (ANG, DIS, FEA, HAP, NEU, SAD, unknown)")
        }
        let allowed = MoodMap.emotions + [MoodMap.unknownKey]
        try rejectUnknownKeys(object, allowed: allowed, path: path + ".")
        var entries: [String: MoodEntry] = [:]
        for emotion in allowed {
            guard let entryValue = object[emotion] else {
                if emotion == MoodMap.unknownKey { continue }
                throw .missingKey(source: source, key: "\(path).\(emotion)")
            }
            entries[emotion] = try parseEntry(entryValue, path: "\(path).\(emotion)")
        }
        return entries
    }

    private func parseEntry(_ value: Any, path: String) throws(MoodMapError) -> MoodEntry {
        guard let object = value as? [String: Any] else {
            throw .invalidValue(source: source, key: path, problem: "expected an object with \"genres\" and optionally \"moods\"")
        }
        try rejectUnknownKeys(object, allowed: Self.entryKeys, path: path + ".")
        guard let genresValue = object["genres"] else { throw .missingKey(source: source, key: "\(path).genres") }
        let genres = try stringList(genresValue, path: "\(path).genres")
        if genres.isEmpty {
            throw .invalidValue(source: source, key: "\(path).genres", problem: "list at least one genre")
        }
        for (index, genre) in genres.enumerated() where genre.contains("\"") {
            throw .invalidValue(source: source, key: "\(path).genres[\(index)]", problem: "a genre name cannot contain a double quote")
        }
        let moods = try object["moods"].map { value throws(MoodMapError) in try stringList(value, path: "\(path).moods") } ?? []
        return MoodEntry(genres: genres, moods: moods)
    }

    /// A list of non-empty strings, trimmed and lower-cased.
    private func stringList(_ value: Any, path: String) throws(MoodMapError) -> [String] {
        guard let array = value as? [Any] else {
            throw .invalidValue(source: source, key: path, problem: "expected a list of strings")
        }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element as? String else {
                throw .invalidValue(source: source, key: "\(path)[\(index)]", problem: "expected a string")
            }
            let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if cleaned.isEmpty {
                throw .invalidValue(source: source, key: "\(path)[\(index)]", problem: "the string is empty")
            }
            result.append(cleaned)
        }
        return result
    }

    private func optionalString(_ value: Any?, key: String) throws(MoodMapError) -> String? {
        guard let value else { return nil }
        guard let text = value as? String else {
            throw .invalidValue(source: source, key: key, problem: "expected a string")
        }
        return text
    }

    private func rejectUnknownKeys(_ object: [String: Any], allowed: [String], path: String) throws(MoodMapError) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw .unknownKey(source: source, key: path + key, allowed: allowed)
        }
    }
}
