import ArgumentParser
import Foundation
import Moodify
import MoodifyScript

/// `moodify-repl`: runs a .moodify notebook cell by cell, a snippet, or the interactive prompt.
@main
struct MoodifyRepl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moodify-repl",
        abstract: "Run Moodify cell scripts: a notebook, a snippet, or the interactive prompt.",
        discussion: """
        moodify-repl FILE.moodify [ARGS…]   runs the notebook cell by cell (ARGS become `args`)
        moodify-repl FILE.moodify --report out.html
                                            also writes an HTML report: code, output, plots, times
        moodify-repl -e 'CODE' [ARGS…]      runs one snippet
        moodify-repl                        opens the prompt (reads statements from stdin when it is not a terminal)
        """)

    @Option(name: .short, help: ArgumentHelp("Run CODE instead of a file.", valueName: "CODE"))
    var e: String?

    @Flag(help: "Run the remaining cells after a failing one (the exit status still reports the failure).")
    var keepGoing = false

    @Option(help: ArgumentHelp("Run only these cells: 3, 2-4, 2- or -3.", valueName: "RANGE"))
    var cells: String?

    @Option(help: ArgumentHelp("Write an HTML report of the notebook run (code, output, plots, times) to PATH.", valueName: "PATH"))
    var report: String?

    @Argument(help: "The notebook to run.")
    var file: String?

    @Argument(parsing: .allUnrecognized, help: "Arguments for the script, as `args`.")
    var arguments: [String] = []

    mutating func run() throws {
        keepLargeBuffersInHeap()
        var scriptArguments = arguments
        if e != nil, let file { scriptArguments.insert(file, at: 0) }
        let interpreter = Interpreter(arguments: scriptArguments, output: Console.out)
        if report != nil && (e != nil || file == nil) {
            throw ValidationError("--report needs a notebook file: moodify-repl FILE.moodify --report out.html")
        }
        if let code = e {
            do {
                if let value = try interpreter.run(code, file: "<-e>") { Console.line(Display.show(value)) }
            } catch {
                Console.report(error)
                throw ExitCode(1)
            }
            return
        }
        guard let file else {
            let session = Session(interpreter: interpreter)
            if isatty(STDIN_FILENO) != 0 {
                Prompt.run(session)
            } else {
                while !session.finished, let line = readLine(strippingNewline: true) { session.enter(line) }
                session.flush()
                if session.failures > 0 { throw ExitCode(1) }
            }
            return
        }
        var range: ClosedRange<Int>? = nil
        if let cells {
            guard let parsed = CellRange.parse(cells) else {
                throw ValidationError("--cells takes a cell number or a range like 2-4, 2- or -3, got '\(cells)'")
            }
            range = parsed
        }
        let notebook: Notebook
        do {
            notebook = try Notebook(contentsOf: file)
        } catch {
            Console.error("moodify-repl: \(error)")
            throw ExitCode(1)
        }
        let record = interpreter.run(notebook, cells: range, keepGoing: keepGoing, observe: NotebookPrinter.show)
        let failed = record.cells.filter { $0.error != nil }.map { "[\($0.index)]" }
        var summary = "\(record.cells.count) of \(notebook.cells.count) cells in " + String(format: "%.1f s", record.seconds)
        if !failed.isEmpty { summary += "; failed: " + failed.joined(separator: " ") }
        Console.line(Console.bold("── " + summary))
        if let report {
            let page = RunReport(run: record, notebook: notebook, context: .current(date: record.started),
                                 builtins: interpreter.builtins)
            do {
                Console.line("report: " + (try page.write(to: report)))
            } catch {
                Console.error("moodify-repl: \(error)")
                throw ExitCode(1)
            }
        }
        if record.failed { throw ExitCode(1) }
    }
}

/// The interactive prompt on a terminal.
enum Prompt {
    /// Reads, runs and shows statements until `:quit` or Ctrl-D.
    static func run(_ session: Session) {
        let environment = ProcessInfo.processInfo.environment
        let historyPath = environment["MOODIFY_HISTORY"] ?? (NSHomeDirectory() + "/.moodify_history")
        let interpreter = session.interpreter
        Interrupt.install()
        interpreter.interruption = { Interrupt.requested }
        let editor = LineEditor(name: "moodify-repl", historyPath: historyPath) { before in
            if before.hasPrefix(":") && !before.contains(" ") {
                return (before, Session.commandNames.filter { $0.hasPrefix(before) })
            }
            if before.hasPrefix(":load ") {
                let word = String(before.dropFirst(6))
                return (word, Interpreter.paths(startingWith: word))
            }
            if before.hasPrefix(":help ") {
                let word = String(before.dropFirst(6))
                return (word, (interpreter.builtins.names + interpreter.variableNames).filter { $0.hasPrefix(word) }.sorted())
            }
            return interpreter.completions(for: before)
        }
        Console.line("Moodify — :help lists builtins and commands, TAB completes, Ctrl-D leaves.")
        while !session.finished {
            Interrupt.clear()
            switch editor.read(prompt: session.prompt) {
            case .line(let line):
                editor.remember(line)
                session.enter(line)
            case .cancelled:
                Console.line("^C")
                session.cancel()
            case .end:
                Console.line()
                return
            }
        }
    }
}
