import Foundation

/// Reads `.env` files (`KEY=value` lines, as python-dotenv writes them) and merges them under the process environment.
public enum DotEnv {
    /// The variables a `.env` text defines: `#` comments, optional `export`, single quotes
    /// (literal), double quotes (with `\n`, `\"`, `\\` escapes), unquoted values cut at ` #`.
    public static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = Substring(rawLine).trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isValidKey(key) else { continue }
            result[key] = parseValue(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
        return result
    }

    /// The variables of `<directory>/.env`, or none when the file is absent or unreadable.
    public static func load(directory: URL) -> [String: String] {
        let url = directory.appendingPathComponent(".env")
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { return [:] }
        return parse(text)
    }

    /// The process environment with `<directory>/.env` underneath it: a variable set in the process wins.
    public static func environment(process: [String: String] = ProcessInfo.processInfo.environment,
                                   directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> [String: String] {
        load(directory: directory).merging(process) { _, fromProcess in fromProcess }
    }

    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0 == "." || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    private static func parseValue(_ raw: String) -> String {
        if raw.hasPrefix("'") {
            let body = raw.dropFirst()
            return String(body.prefix { $0 != "'" })
        }
        if raw.hasPrefix("\"") {
            var value = ""
            var escaping = false
            for character in raw.dropFirst() {
                if escaping {
                    switch character {
                    case "n": value.append("\n")
                    case "t": value.append("\t")
                    default: value.append(character)
                    }
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else if character == "\"" {
                    break
                } else {
                    value.append(character)
                }
            }
            return value
        }
        if let comment = raw.range(of: " #") {
            return raw[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
        }
        return raw
    }
}
