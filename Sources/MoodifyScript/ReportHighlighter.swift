import Moodify

/// Cell-script source as HTML with `<span class="…">` around keywords (`k`), constants (`c`), numbers (`n`),
/// strings (`s`), interpolations (`i`), comments (`m`) and calls of builtins (`b`); everything else escaped as is.
///
/// It never fails: code that does not lex (an unclosed string …) is still shown whole, highlighted as far as it goes.
struct ReportHighlighter {
    /// Names coloured as builtins when they are called.
    let builtins: Set<String>

    private static let keywords: Set<String> = Set(Keyword.allCases.map(\.rawValue)).subtracting(constants)
    private static let constants: Set<String> = ["true", "false", "nil"]

    /// `source` as highlighted, escaped HTML.
    func html(_ source: String) -> String {
        var scanner = Scanner(text: Array(source), builtins: builtins)
        return scanner.code(until: nil)
    }

    private struct Scanner {
        let text: [Character]
        let builtins: Set<String>
        var at = 0
        var out = ""

        init(text: [Character], builtins: Set<String>) {
            self.text = text
            self.builtins = builtins
        }

        private func peek(_ offset: Int = 0) -> Character? {
            at + offset < text.count ? text[at + offset] : nil
        }

        private mutating func span(_ kind: String, from start: Int) {
            out += "<span class=\"\(kind)\">" + String(text[start..<at]).htmlEscaped + "</span>"
        }

        /// Code up to (not including) the `)` that closes an interpolation when `closing` is set, else to the end.
        mutating func code(until closing: Character?) -> String {
            var depth = 0
            while let c = peek() {
                let start = at
                if c == closing && depth == 0 { break }
                if c == "#" {
                    while let d = peek(), d != "\n" { at += 1 }
                    span("m", from: start)
                } else if c == "\"" {
                    string()
                } else if c.isNumber && c.isASCII {
                    while let d = peek(), d.isASCII && (d.isNumber || d == "." || d == "_" || d == "e" || d == "E") {
                        if (d == "e" || d == "E"), let sign = peek(1), sign == "-" || sign == "+" { at += 1 }
                        at += 1
                    }
                    span("n", from: start)
                } else if c.isLetter || c == "_" {
                    while let d = peek(), d.isLetter || d.isNumber || d == "_" { at += 1 }
                    let word = String(text[start..<at])
                    var next = at
                    while next < text.count, text[next] == " " { next += 1 }
                    let called = next < text.count && text[next] == "("
                    let previous = start > 0 ? text[start - 1] : " "
                    if ReportHighlighter.constants.contains(word) {
                        span("c", from: start)
                    } else if ReportHighlighter.keywords.contains(word) {
                        span("k", from: start)
                    } else if called && previous != "." && builtins.contains(word) {
                        span("b", from: start)
                    } else {
                        out += word.htmlEscaped
                    }
                } else {
                    if c == "(" { depth += 1 }
                    if c == ")" { depth -= 1 }
                    at += 1
                    out += String(c).htmlEscaped
                }
            }
            return out
        }

        /// A string literal: its text as one span, each `\(…)` interpolation highlighted as code.
        private mutating func string() {
            var start = at
            at += 1
            while let c = peek() {
                if c == "\\" && peek(1) == "(" {
                    if at > start { span("s", from: start) }
                    at += 2
                    out += "<span class=\"i\">\\(</span>"
                    var inner = Scanner(text: text, builtins: builtins)
                    inner.at = at
                    out += inner.code(until: ")")
                    at = inner.at
                    if peek() == ")" {
                        at += 1
                        out += "<span class=\"i\">)</span>"
                    }
                    start = at
                } else if c == "\\" {
                    at = min(at + 2, text.count)
                } else if c == "\n" {
                    break
                } else {
                    at += 1
                    if c == "\"" { break }
                }
            }
            if at > start { span("s", from: start) }
        }
    }
}

