import Foundation
import Testing

@Suite(.serialized) struct PromptTests {
    @Test func completionMultiLineInputErrorsAndHistory() throws {
        let history = Repl.scratch("prompt").appendingPathComponent("history").path
        let terminal = try Terminal(historyPath: history)
        terminal.expect("moodify> ")
        // Multi-line input while a bracket is open, with a continuation prompt.
        terminal.type("xs = [1, 2,\r")
        terminal.expect("     ... ")
        terminal.type("3]\r")
        terminal.expect("moodify> ", count: 2)
        // Tab completes a member of the value in xs, then a builtin.
        terminal.type("xs.co\t\r")
        terminal.expect("xs.count\n3\n")
        terminal.type("ran\t(2)\r")
        terminal.expect("range(2)\n[0, 1]\n")
        // Several candidates: a second tab lists them.
        terminal.type("m = matrix([[1]])\r")
        terminal.type("m.\t")
        terminal.expect("T      cols   rows   shape")
        terminal.type("shape\r")
        terminal.expect("[1, 1]\n")
        // An error shows the caret and keeps the session and its variables.
        terminal.type("len(xs) + nope\r")
        terminal.expect("<input>:1:11: unknown name 'nope'")
        terminal.type("marker = len(xs) * 14\r")
        terminal.type("marker\r")
        terminal.expect("42\n")
        terminal.type(":quit\r")
        #expect(terminal.exitStatus() == 0)
        // libedit stores lines vis(3)-encoded: a space is \040.
        let saved = try String(contentsOfFile: history, encoding: .utf8).replacingOccurrences(of: "\\040", with: " ")
        #expect(saved.contains("marker = len(xs) * 14"))

        // A new session recalls the history: up arrow three times is "marker = …" (before "marker" and ":quit").
        let again = try Terminal(historyPath: history)
        again.expect("moodify> ")
        again.type("xs = [0, 1, 2, 3, 4]\r")
        again.expect("moodify> ", count: 2)
        again.settle()
        again.type("\u{1B}[A\u{1B}[A\u{1B}[A\u{1B}[A\r")
        again.type("marker\r")
        again.expect("70\nmoodify> ")
        again.settle()
        again.type("\u{04}")
        #expect(again.exitStatus() == 0)
    }

    @Test func commandsAndHelp() throws {
        let folder = Repl.scratch("commands")
        let notebook = folder.appendingPathComponent("nb.moodify")
        try "%% One\nx = 20\n%% Two\nx * 2 + 2\n".write(to: notebook, atomically: true, encoding: .utf8)
        let terminal = try Terminal(historyPath: folder.appendingPathComponent("history").path)
        terminal.expect("moodify> ")
        terminal.type(":help range\r")
        terminal.expect("range(start, stop: nil, step: 1)\n    The integers from start")
        terminal.type(":load \(notebook.path)\r")
        terminal.expect("2 cells")
        terminal.type(":cells\r")
        terminal.expect("[2] Two")
        terminal.type(":run all\r")
        terminal.expect("42\n")
        terminal.type(":vars\r")
        terminal.expect("x     20")
        terminal.type(":he\t\r")
        terminal.expect("Commands:")
        terminal.type(":bogus\r")
        terminal.expect("unknown command :bogus")
        terminal.type(":quit\r")
        #expect(terminal.exitStatus() == 0)
    }

    @Test func ctrlCCancelsTheLineOrStopsTheRunningCode() throws {
        let folder = Repl.scratch("interrupt")
        let terminal = try Terminal(historyPath: folder.appendingPathComponent("history").path)
        terminal.expect("moodify> ")
        terminal.type("half = [1,\r")
        terminal.expect("     ... ")
        // A signal that lands before the editor blocks in read() is only seen at the next key, as in any
        // libedit program; a person is never that fast, so give the editor a moment.
        terminal.settle()
        terminal.interrupt()
        terminal.expect("^C\nmoodify> ")
        terminal.type("n = 0\r")
        terminal.type("while true { n += 1 }\r")
        Thread.sleep(forTimeInterval: 0.5)
        terminal.interrupt()
        terminal.expect("interrupted")
        terminal.expect("^\nmoodify> ")
        terminal.type("n > 0\r")
        terminal.expect("true\n")
        terminal.type("half\r")
        terminal.expect("unknown name 'half'")
        terminal.expect("^\nmoodify> ")
        terminal.settle()
        terminal.type("\u{04}")
        #expect(terminal.exitStatus() == 0)
    }
}
