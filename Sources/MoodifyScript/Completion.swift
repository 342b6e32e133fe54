extension Interpreter {
    /// Completions for the word at the end of `text` (the line up to the cursor): the word being completed
    /// and the full words that could replace it, sorted. After `x.` (or `a.b.`) the candidates are the
    /// members of that value; otherwise keywords, builtins and variables. Nothing is called to find them.
    public func completions(for text: String) -> (word: String, candidates: [String]) {
        if isInsideString(text) { return ("", []) }
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

    /// Whether `text` ends inside a string literal.
    private func isInsideString(_ text: String) -> Bool {
        var quote: Character? = nil
        var escaped = false
        for c in text {
            if escaped {
                escaped = false
            } else if c == "\\" {
                escaped = quote != nil
            } else if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return true
            }
        }
        return quote != nil
    }
}

extension Interpreter {
    /// Whether `code` stops inside an open bracket or brace, so a prompt should read another line.
    public static func isIncomplete(_ code: String) -> Bool {
        Lexer.isIncomplete(code)
    }
}
