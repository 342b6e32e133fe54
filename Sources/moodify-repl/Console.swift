import Foundation
import MoodifyScript

/// Writes to the terminal or pipe unbuffered, so printed output, displays and errors keep their order,
/// with bold and red only when the stream is a terminal.
enum Console {
    /// Whether standard output is a terminal.
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) != 0
    /// Whether standard error is a terminal.
    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    /// Writes `text` to standard output as is.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` and a newline to standard output.
    static func line(_ text: String = "") { out(text + "\n") }

    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A script error for standard error: the headline in red on a terminal, then the line and caret.
    static func report(_ error: ScriptError) {
        guard stderrIsTerminal else { return Console.error(error.description) }
        let rest = error.description.dropFirst(error.headline.count)
        Console.error("\u{1B}[1;31m\(error.headline)\u{1B}[0m\(rest)")
    }

    /// `text` in bold on a terminal.
    static func bold(_ text: String) -> String {
        stdoutIsTerminal ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// The terminal's width in columns (80 when unknown).
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// `items` laid out in columns across the terminal.
    static func columns(_ items: [String]) -> String {
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / max(cell, 1))
        var lines = [String]()
        for start in stride(from: 0, to: items.count, by: perLine) {
            let row = items[start..<min(start + perLine, items.count)]
            lines.append(row.map { $0.padding(toLength: cell, withPad: " ", startingAt: 0) }.joined()
                .trimmingCharacters(in: .whitespaces))
        }
        return lines.joined(separator: "\n")
    }
}
