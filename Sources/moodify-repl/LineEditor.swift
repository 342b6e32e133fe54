import CEditLine
import Foundation

/// The prompt's line editor on libedit: editing keys, persistent history, and tab completion.
final class LineEditor {
    /// What one read gave.
    enum Input {
        /// A line (without its newline).
        case line(String)
        /// Ctrl-C: the line was cancelled.
        case cancelled
        /// Ctrl-D on an empty line, or the input closed.
        case end
    }

    private let editLine: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let history: OpaquePointer
    private var event = HistEvent()
    private let historyPath: String
    private var promptText: UnsafeMutablePointer<CChar>
    private let complete: (String) -> (word: String, candidates: [String])

    /// An editor for program `name`, keeping history in `historyPath`, completing with `complete`
    /// (given the line up to the cursor, it answers the word there and its candidates).
    init(name: String, historyPath: String, complete: @escaping (String) -> (word: String, candidates: [String])) {
        self.historyPath = historyPath
        self.complete = complete
        promptText = strdup("")
        // libedit's own streams on the standard descriptors (never closed: they outlive the editor).
        output = fdopen(STDOUT_FILENO, "w")
        editLine = el_init(name, fdopen(STDIN_FILENO, "r"), output, fdopen(STDERR_FILENO, "w"))
        history = history_init()
        moodify_history_setsize(history, &event, 2000)
        moodify_history_setunique(history, &event, 1)
        moodify_history_load(history, &event, historyPath)
        moodify_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        moodify_el_set_editor(editLine, "emacs")
        moodify_el_set_history(editLine, history)
        moodify_el_set_prompt(editLine) { el in
            LineEditor.owner(of: el)?.promptText
        }
        moodify_el_addfn(editLine, "moodify-complete", "Complete the word at the cursor") { el, _ in
            LineEditor.owner(of: el)?.completeAtCursor() ?? UInt8(CC_ERROR)
        }
        moodify_el_bind(editLine, "^I", "moodify-complete")
        // Read ~/.editrc (or $EDITRC) for the user's own bindings, as other libedit programs do.
        el_source(editLine, nil)
    }

    deinit {
        moodify_history_save(history, &event, historyPath)
        history_end(history)
        el_end(editLine)
        free(promptText)
    }

    private static func owner(of el: OpaquePointer?) -> LineEditor? {
        guard let el, let data = moodify_el_get_clientdata(el) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Reads one line after showing `prompt`.
    func read(prompt: String) -> Input {
        free(promptText)
        promptText = strdup(prompt)
        fflush(output)
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count) else {
            return count < 0 && errno == EINTR ? .cancelled : .end
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds `line` to the history and saves the history file.
    func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        moodify_history_enter(history, &event, line)
        moodify_history_save(history, &event, historyPath)
    }

    /// The tab key: inserts the candidates' common prefix, or lists the candidates when there is nothing to insert.
    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = info.buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        let (word, candidates) = complete(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = candidates.dropFirst().reduce(candidates[0]) { String($0.commonPrefix(with: $1)) }
        if common.count > word.count {
            el_insertstr(editLine, String(common.dropFirst(word.count)))
            return UInt8(CC_REFRESH)
        }
        if candidates.count == 1 { return UInt8(CC_REFRESH) }
        FileHandle.standardOutput.write(Data(("\n" + Console.columns(candidates) + "\n").utf8))
        return UInt8(CC_REDISPLAY)
    }
}
