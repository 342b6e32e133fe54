import Foundation
import Moodify
import MoodifyScript

/// The interactive session: collects lines into complete statements (while brackets are open),
/// runs them, and handles the `:` commands. Errors end the statement, never the session.
final class Session {
    /// The interpreter holding the session's variables.
    let interpreter: Interpreter
    /// The notebook `:load` read, for `:cells` and `:run`.
    private var notebook: Notebook?
    /// Lines of a statement still open.
    private var pending = [String]()
    /// How many inputs failed (the exit status without a terminal).
    private(set) var failures = 0
    /// Set by `:quit`.
    private(set) var finished = false
    /// The loaded notebook's cells run with `:run` (the latest result of each, in cell order), for `:report`.
    private var collected: NotebookRun?
    /// Whether plots are shown in the terminal (`:inline on`).
    private(set) var inline = false
    /// The terminal's inline image protocol, if it has one.
    private let imageProtocol: InlineImage.Kind?

    /// A session over `interpreter` in the terminal described by `environment` (TERM, TERM_PROGRAM …).
    init(interpreter: Interpreter, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.interpreter = interpreter
        imageProtocol = InlineImage.detect(environment)
    }

    /// The prompt for the next line: a fresh one, or a continuation while a statement is open.
    var prompt: String { pending.isEmpty ? "moodify> " : "     ... " }

    /// Forgets a half-entered statement (Ctrl-C).
    func cancel() { pending.removeAll() }

    /// Takes one line of input; runs it when it completes a statement.
    func enter(_ line: String) {
        if pending.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(":") { return command(trimmed) }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
        }
        pending.append(line)
        let code = pending.joined(separator: "\n")
        if Interpreter.isIncomplete(code) { return }
        pending.removeAll()
        execute(code)
    }

    /// Runs whatever is still pending (the input ended inside brackets: report the error).
    func flush() {
        guard !pending.isEmpty else { return }
        let code = pending.joined(separator: "\n")
        pending.removeAll()
        execute(code)
    }

    private func execute(_ code: String) {
        Interrupt.clear()
        let filesBefore = interpreter.filesWritten.count
        defer { showPlots(since: filesBefore) }
        do {
            if let value = try interpreter.run(code) { Console.line(Display.show(value)) }
        } catch {
            failures += 1
            if Interrupt.requested { Console.line() }
            Console.report(error)
        }
    }

    private static let commands: [(name: String, usage: String, doc: String)] = [
        (":help", ":help [name | model]", "list builtins and commands, show what name does, or the default model's card"),
        (":vars", ":vars", "list the session's variables and their values"),
        (":load", ":load FILE", "read a .moodify notebook (then :cells, :run)"),
        (":cells", ":cells", "list the loaded notebook's cells"),
        (":run", ":run N | N-M | all", "run cells of the loaded notebook"),
        (":report", ":report OUT.html | NB.moodify", "write an HTML report of the cells run, or run a notebook and report it"),
        (":inline", ":inline on | off", "show plots in the terminal (kitty, iTerm2) or print their paths"),
        (":quit", ":quit", "leave (Ctrl-D does too)"),
    ]

    /// Names of the `:` commands, for completion.
    static var commandNames: [String] { commands.map(\.name) }

    private func command(_ line: String) {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case ":help", ":h": help(argument)
        case ":vars": vars()
        case ":load": load(argument)
        case ":cells": cells()
        case ":run": run(argument)
        case ":report": report(argument)
        case ":inline": setInline(argument)
        case ":quit", ":q", ":exit": finished = true
        default:
            failures += 1
            Console.error("unknown command \(parts[0]) (commands: \(Session.commandNames.joined(separator: " ")))")
        }
    }

    private func help(_ name: String) {
        if name.isEmpty {
            Console.line("Commands:")
            for c in Session.commands { Console.line("  " + c.usage.padding(toLength: 30, withPad: " ", startingAt: 0) + c.doc) }
            Console.line("\nBuiltins (:help NAME for one; TAB completes names and x. members):")
            Console.line(interpreter.helpIndex().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            return
        }
        if name == "model" { return modelCard() }
        if let text = interpreter.helpText(for: name) { return Console.line(text) }
        if let value = interpreter.variable(name) {
            let members = interpreter.completions(for: name + ".").candidates
            Console.line("\(name): \(value.typeName)" + (members.isEmpty ? "" : "\nmembers: " + members.joined(separator: ", ")))
            return
        }
        failures += 1
        Console.error("no builtin or variable named '\(name)'")
    }

    /// The default bundle's card (MOODIFY_MODEL or Models/default.moodify), or why it cannot be read.
    private func modelCard() {
        do {
            Console.line(try EmotionClassifier(contentsOf: DefaultModel.path).card(path: DefaultModel.path))
        } catch {
            failures += 1
            Console.error("\(error)")
        }
    }

    private func vars() {
        let names = interpreter.variableNames
        let width = (names.map(\.count).max() ?? 0) + 2
        let room = max(20, Console.width - width - 2)
        for name in names {
            var text = Display.repr(interpreter.variable(name) ?? .null)
            if text.count > room { text = String(text.prefix(room - 1)) + "…" }
            Console.line(name.padding(toLength: width, withPad: " ", startingAt: 0) + text)
        }
    }

    private func load(_ path: String) {
        guard !path.isEmpty else {
            failures += 1
            return Console.error(":load needs a file name")
        }
        do {
            let loaded = try Notebook(contentsOf: path)
            notebook = loaded
            collected = nil
            Console.line("\(path): \(loaded.cells.count) cells (:cells lists them, :run N runs one, :run all runs them all)")
        } catch {
            failures += 1
            Console.error("\(error)")
        }
    }

    private func cells() {
        guard let notebook else { return Console.error("no notebook loaded (:load FILE)") }
        for cell in notebook.cells {
            let lines = cell.source.split(separator: "\n").count
            Console.line("  [\(cell.index)] \(cell.title.isEmpty ? "(untitled)" : cell.title)  · \(lines) line\(lines == 1 ? "" : "s")")
        }
    }

    private func run(_ argument: String) {
        guard let notebook else {
            failures += 1
            return Console.error("no notebook loaded (:load FILE)")
        }
        guard let range = argument == "all" ? 1...max(1, notebook.cells.count) : CellRange.parse(argument) else {
            failures += 1
            return Console.error(":run takes a cell number, a range like 2-4, or all")
        }
        Interrupt.clear()
        let filesBefore = interpreter.filesWritten.count
        let record = interpreter.run(notebook, cells: range, observe: NotebookPrinter.show)
        showPlots(since: filesBefore)
        if record.cells.isEmpty { Console.error("no cells numbered \(argument) (the notebook has \(notebook.cells.count))") }
        if record.failed { failures += 1 }
        guard !record.cells.isEmpty else { return }
        var merged = collected ?? record
        let rerun = Set(record.cells.map(\.index))
        merged.cells = (merged.cells.filter { !rerun.contains($0.index) } + record.cells).sorted { $0.index < $1.index }
        collected = merged
    }

    /// `:report OUT.html` reports the loaded notebook's cells run so far; `:report NB.moodify [OUT.html]` runs a
    /// notebook (all cells, going on after failures) and reports it, by default beside it as NB.html.
    private func report(_ argument: String) {
        let words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first, words.count <= 2 else {
            failures += 1
            return Console.error(":report takes OUT.html (the cells run so far) or NB.moodify [OUT.html]")
        }
        let page: RunReport, output: String
        if first.lowercased().hasSuffix(".moodify") {
            let loaded: Notebook
            do {
                loaded = try Notebook(contentsOf: first)
            } catch {
                failures += 1
                return Console.error("\(error)")
            }
            output = words.count > 1 ? words[1] : String(first.dropLast(".moodify".count)) + ".html"
            Interrupt.clear()
            let filesBefore = interpreter.filesWritten.count
            let record = interpreter.run(loaded, keepGoing: true, observe: NotebookPrinter.show)
            showPlots(since: filesBefore)
            if record.failed { failures += 1 }
            page = RunReport(run: record, notebook: loaded, context: .current(date: record.started), builtins: interpreter.builtins)
        } else {
            guard words.count == 1 else {
                failures += 1
                return Console.error(":report takes OUT.html (the cells run so far) or NB.moodify [OUT.html]")
            }
            guard let notebook, let collected else {
                failures += 1
                return Console.error("no cells have run yet (:load FILE, :run all), or use :report NB.moodify")
            }
            output = first
            page = RunReport(run: collected, notebook: notebook, context: .current(date: collected.started),
                             builtins: interpreter.builtins)
        }
        do {
            Console.line("report: " + (try page.write(to: output)))
        } catch {
            failures += 1
            Console.error("\(error)")
        }
    }

    private func setInline(_ argument: String) {
        switch argument {
        case "on":
            inline = true
            if imageProtocol == nil {
                Console.line("this terminal shows no inline images (kitty and iTerm2 do): plot paths are printed instead")
            }
        case "off":
            inline = false
        case "":
            Console.line("inline plots are \(inline ? "on" : "off")")
        default:
            failures += 1
            Console.error(":inline takes on or off")
        }
    }

    /// With `:inline on`, shows the PNGs written since `count` files: in the terminal when it can, else their paths.
    private func showPlots(since count: Int) {
        guard inline else { return }
        var seen = Set<String>()
        for path in interpreter.filesWritten[count...] where path.lowercased().hasSuffix(".png") && seen.insert(path).inserted {
            if let imageProtocol, let data = FileManager.default.contents(atPath: path) {
                Console.out(InlineImage.sequence(png: data, name: (path as NSString).lastPathComponent,
                                                 columns: min(Console.width, 100), protocol: imageProtocol))
            } else {
                Console.line("plot: \(path)")
            }
        }
    }
}

/// Cell ranges as `--cells` and `:run` take them: `3`, `2-4`, `2-` (to the end), `-3` (from the start).
enum CellRange {
    /// The range `text` names, or nil when it is malformed.
    static func parse(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        switch parts.count {
        case 1:
            guard let n = Int(parts[0]), n >= 1 else { return nil }
            return n...n
        case 2:
            let low = parts[0].isEmpty ? 1 : Int(parts[0])
            let high = parts[1].isEmpty ? Int.max : Int(parts[1])
            guard let low, let high, low >= 1, low <= high else { return nil }
            return low...high
        default:
            return nil
        }
    }
}
