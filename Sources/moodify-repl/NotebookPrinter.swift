import Foundation
import MoodifyScript

/// Shows a notebook run as it goes: a rule with each cell's number and title, its output, its displayed value, errors.
enum NotebookPrinter {
    /// Prints `event`.
    static func show(_ event: NotebookEvent) {
        switch event {
        case .cellStarted(let cell):
            let title = cell.title.isEmpty ? "" : " \(cell.title)"
            let head = "── [\(cell.index)]\(title) "
            Console.line(Console.bold(head + String(repeating: "─", count: max(3, 64 - head.count))))
        case .output(let text):
            Console.out(text)
        case .display(let text):
            Console.line(text)
        case .error(let error):
            Console.report(error)
        case .cellFinished(let result):
            if result.seconds >= 1 { Console.line(String(format: "(%.1f s)", result.seconds)) }
        }
    }
}
