import Foundation

/// A Python format specification (`format(x, ".4f")`): `[fill][<>^][+][width][,][.precision][f%edgs]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var plusSign = false
    var width = 0
    var grouping = false
    var precision: Int?
    var type: Character?

    /// Parses `spec`, or throws naming it.
    init(_ spec: String) throws {
        var rest = Substring(spec)
        let aligns: Set<Character> = ["<", ">", "^"]
        if rest.count >= 2, aligns.contains(rest[rest.index(after: rest.startIndex)]) {
            fill = rest.removeFirst()
            align = rest.removeFirst()
        } else if let first = rest.first, aligns.contains(first) {
            align = rest.removeFirst()
        }
        if rest.first == "+" {
            plusSign = true
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isNumber }
        width = Int(digits) ?? 0
        rest = rest.dropFirst(digits.count)
        if rest.first == "," {
            grouping = true
            rest = rest.dropFirst()
        }
        if rest.first == "." {
            let decimals = rest.dropFirst().prefix { $0.isNumber }
            guard let value = Int(decimals) else { throw ValueError.invalid("format: \(Display.quoted(spec)) has a '.' without a precision") }
            precision = value
            rest = rest.dropFirst(1 + decimals.count)
        }
        if let last = rest.first, "f%edgs".contains(last) {
            type = last
            rest = rest.dropFirst()
        }
        guard rest.isEmpty else {
            throw ValueError.invalid("format: \(Display.quoted(spec)) is not a format like \".4f\", \">8\", \".1%\" or \",d\"")
        }
    }

    /// A number formatted by this specification.
    func format(_ x: Double) throws -> String {
        var text: String
        switch type {
        case "f": text = String(format: "%.\(precision ?? 6)f", x)
        case "%": text = String(format: "%.\(precision ?? 6)f", x * 100) + "%"
        case "e": text = String(format: "%.\(precision ?? 6)e", x)
        case "g": text = String(format: "%.\(precision ?? 6)g", x)
        case "d":
            guard x == x.rounded(), abs(x) < 1e18 else { throw ValueError.invalid("format: \"d\" needs a whole number, got \(Display.str(.number(x)))") }
            text = String(Int(x))
        case "s": throw ValueError.invalid("format: \"s\" formats text, got a number")
        default: text = precision.map { String(format: "%.\($0)g", x) } ?? Display.str(.number(x))
        }
        if grouping { text = Self.grouped(text) }
        if plusSign, !text.hasPrefix("-") { text = "+" + text }
        return pad(text, defaultAlign: ">")
    }

    /// A string formatted by this specification (width, alignment and precision as a maximum length).
    func format(_ s: String) throws -> String {
        guard type == nil || type == "s" else { throw ValueError.invalid("format: \"\(type!)\" formats numbers, got a string") }
        guard !plusSign else { throw ValueError.invalid("format: a sign (\"+\") formats numbers, got a string") }
        return pad(precision.map { String(s.prefix($0)) } ?? s, defaultAlign: "<")
    }

    private func pad(_ text: String, defaultAlign: Character) -> String {
        let missing = width - text.count
        guard missing > 0 else { return text }
        switch align ?? defaultAlign {
        case "<": return text + String(repeating: fill, count: missing)
        case "^": return String(repeating: fill, count: missing / 2) + text + String(repeating: fill, count: missing - missing / 2)
        default: return String(repeating: fill, count: missing) + text
        }
    }

    /// Digits before the decimal point grouped by thousands with commas.
    private static func grouped(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let body = text.dropFirst(sign.count)
        let integer = body.prefix { $0.isNumber }
        var out = ""
        for (i, digit) in integer.enumerated() {
            if i > 0, (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return sign + out + body.dropFirst(integer.count)
    }
}
