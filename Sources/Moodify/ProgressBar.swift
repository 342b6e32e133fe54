import Foundation
import Synchronization

/// A one-line progress bar on standard error ("method1 [#####.....] 120/3760 · 3.2 clips/s · 2 min 10 s left"),
/// drawn only when standard error is a terminal so logs and pipes stay clean. Safe to advance from many threads.
public final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var lastDraw = 0.0
    }

    private let title: String
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private let state = Mutex(State())

    /// A bar counting up to `total`; drawn when `enabled` (by default, when standard error is a terminal).
    public init(title: String, total: Int, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.title = title
        self.total = total
        self.enabled = enabled && total > 0
    }

    /// Counts one more item done, redrawing at most ten times a second.
    public func advance() {
        let line: String? = state.withLock { state in
            state.done += 1
            let now = Date().timeIntervalSince(start)
            guard enabled, state.done == total || now - state.lastDraw >= 0.1 else { return nil }
            state.lastDraw = now
            return "\r" + render(done: state.done, elapsed: now) + (state.done == total ? "\n" : "")
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// The bar's text after `done` items in `elapsed` seconds.
    func render(done: Int, elapsed: Double) -> String {
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = "\(title) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(done)/\(total)"
        if rate > 0 {
            line += String(format: " · %.1f clips/s", rate)
            if done < total { line += " · " + Self.format(seconds: Double(total - done) / rate) + " left" }
        }
        return line
    }

    /// "2 min 10 s" or "42 s".
    static func format(seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
    }
}
