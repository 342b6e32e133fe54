import Foundation

extension MoodMap {
    /// The environment variable naming the active map: a built-in name or a path to a JSON file.
    public static let environmentKey = "MOODIFY_MOOD_MAP"

    /// A map shipped with Moodify ("default" or "original").
    public static func builtin(named name: String) throws(MoodMapError) -> MoodMap {
        guard builtinNames.contains(name) else { throw .unknownMap(name: name, available: builtinNames) }
        guard let url = Bundle.module.url(forResource: "mood-map-\(name)", withExtension: "json") else {
            throw .unreadable(path: "mood-map-\(name).json", detail: "the resource is missing from the MoodifyMusic bundle")
        }
        return try MoodMap(contentsOf: url, source: "\"\(name)\"")
    }

    /// The map a name or path refers to: a built-in name, else a JSON file at that path.
    public static func named(_ nameOrPath: String) throws(MoodMapError) -> MoodMap {
        if builtinNames.contains(nameOrPath) { return try builtin(named: nameOrPath) }
        guard nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") else {
            throw .unknownMap(name: nameOrPath, available: builtinNames)
        }
        return try MoodMap(contentsOf: URL(fileURLWithPath: nameOrPath))
    }

    /// The active map: `MOODIFY_MOOD_MAP` when set (a name or a path), else "default".
    public static func active(environment: [String: String] = ProcessInfo.processInfo.environment) throws(MoodMapError) -> MoodMap {
        let value = environment[environmentKey]?.trimmingCharacters(in: .whitespaces) ?? ""
        return try named(value.isEmpty ? "default" : value)
    }

    /// Reads and validates a map file; `source` names it in errors (the path by default).
    public init(contentsOf url: URL, source: String? = nil) throws(MoodMapError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, detail: error.localizedDescription)
        }
        try self.init(json: data, source: source ?? url.path)
    }

    /// Parses and validates map JSON; every error names the key at fault.
    public init(json: Data, source: String = "(inline)") throws(MoodMapError) {
        self = try MoodMapParser(source: source).parse(json)
    }
}
