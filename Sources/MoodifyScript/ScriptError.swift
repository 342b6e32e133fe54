/// A syntax or runtime error at a place in a source file.
///
/// Its description is `FILE:LINE:COL: message`, then the source line and a caret under the column.
public struct ScriptError: Error, CustomStringConvertible, Sendable {
    /// Whether the parser or the interpreter found the problem.
    public enum Kind: Sendable, Equatable {
        /// Found while reading the code (nothing in the cell ran).
        case syntax
        /// Found while running it.
        case runtime
    }

    /// Syntax or runtime.
    public let kind: Kind
    /// One sentence saying what is wrong.
    public let message: String
    /// The file name.
    public let file: String
    /// Where in the file.
    public let position: SourcePosition
    /// The text of the line at `position`.
    public let lineText: String

    /// An error of `kind` at `position` in `source`.
    public init(_ kind: Kind, _ message: String, at position: SourcePosition, in source: SourceText) {
        self.kind = kind
        self.message = message
        self.file = source.file
        self.position = position
        self.lineText = source.line(position.line)
    }

    /// `FILE:LINE:COL: message` alone.
    public var headline: String { "\(file):\(position.line):\(position.column): \(message)" }

    /// The headline, the source line and a caret under the column.
    public var description: String {
        let line = lineText.replacingOccurrences(of: "\t", with: " ")
        let caret = String(repeating: " ", count: max(0, position.column - 1)) + "^"
        return "\(headline)\n    \(line)\n    \(caret)"
    }
}
