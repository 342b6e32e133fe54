/// A position in a source file: 1-based line and column (columns count characters).
public struct SourcePosition: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// A position at `line`, `column`.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `LINE:COL`.
    public var description: String { "\(line):\(column)" }

    /// Earlier lines first, then earlier columns.
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The text of one source file (or snippet), kept to show the failing line under an error.
public struct SourceText: Sendable {
    /// The file name errors print ("<input>" for typed code).
    public let file: String
    /// The lines of the whole file, so line numbers of later cells stay true.
    public let lines: [Substring]

    /// The source `text` of `file`.
    public init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text of line `n` (1-based), or "" past the end.
    public func line(_ n: Int) -> String {
        n >= 1 && n <= lines.count ? String(lines[n - 1]) : ""
    }
}
