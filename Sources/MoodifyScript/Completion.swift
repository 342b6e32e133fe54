import Foundation

extension Interpreter {
    /// Completions for the word at the end of `text` (the line up to the cursor): the word being completed
    /// and the full words that could replace it, sorted. After `x.` (or `a.b.`) the candidates are the
    /// members of that value; inside a string, file paths; otherwise keywords, builtins and variables.
    /// Nothing is called to find them.
    public func completions(for text: String) -> (word: String, candidates: [String]) {
        switch openString(text) {
        case .comment: return ("", [])
        case .string(let partial): return (partial, Interpreter.paths(startingWith: partial))
        case .code: break
        }
        let word = String(text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }.reversed())
        if word.first?.isNumber ?? false { return (word, []) }
        guard let dot = word.lastIndex(of: ".") else {
            let names = Set(Keyword.allCases.map(\.rawValue) + builtins.names + variableNames)
            return (word, names.filter { $0.hasPrefix(word) }.sorted())
        }
        let prefix = String(word[word.index(after: dot)...])
        let path = word[..<dot].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = path.first, !head.isEmpty, var value = variable(head) ?? builtins[head].map({ .function(.builtin($0)) }) else {
            return (prefix, [])
        }
        for name in path.dropFirst() {
            guard let next = try? Members.member(name, of: value) else { return (prefix, []) }
            value = next
        }
        return (prefix, Members.names(of: value).filter { $0.hasPrefix(prefix) })
    }

    private enum Tail {
        case code, comment, string(String)
    }

    /// Whether `text` ends in code, in a comment, or inside a string literal (and that string's text so far).
    private func openString(_ text: String) -> Tail {
        var quote: Character? = nil
        var escaped = false
        var content = ""
        for c in text {
            if let q = quote {
                if escaped {
                    escaped = false
                    content.append(c)
                } else if c == "\\" {
                    escaped = true
                } else if c == q {
                    quote = nil
                } else {
                    content.append(c)
                }
            } else if c == "\"" || c == "'" {
                quote = c
                content = ""
            } else if c == "#" {
                return .comment
            }
        }
        return quote == nil ? .code : .string(content)
    }

    /// Files and folders whose path starts with `partial` (folders end in "/"), sorted; a leading "~/" means home.
    public static func paths(startingWith partial: String) -> [String] {
        let fm = FileManager.default
        let slash = partial.lastIndex(of: "/")
        let folder = slash.map { String(partial[...$0]) } ?? ""
        let prefix = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        var directory = folder.isEmpty ? "." : folder
        if directory.hasPrefix("~/") { directory = NSHomeDirectory() + directory.dropFirst() }
        guard let entries = try? fm.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { entry in
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: directory + "/" + entry, isDirectory: &isDirectory)
            return folder + entry + (isDirectory.boolValue ? "/" : "")
        }
    }
}

extension Interpreter {
    /// Whether `code` stops inside an open bracket or brace, so a prompt should read another line.
    public static func isIncomplete(_ code: String) -> Bool {
        Lexer.isIncomplete(code)
    }
}
