import Foundation

/// What running one cell gave: its printed output, displayed value, files written, time and error.
public struct CellResult: Sendable {
    /// The cell's number, from 1.
    public let index: Int
    /// The cell's title.
    public let title: String
    /// The cell's code.
    public let source: String
    /// Everything the cell printed.
    public let output: String
    /// The display of the cell's last value (nil when it had none).
    public let display: String?
    /// Files the cell's builtins wrote (plots …), in order.
    public let files: [String]
    /// Wall-clock seconds the cell took.
    public let seconds: Double
    /// The error that stopped the cell (`FILE:LINE:COL: message`, line, caret), nil when it succeeded.
    public let error: String?
}

/// The record of a notebook run: every cell run, in order.
public struct NotebookRun: Sendable {
    /// The notebook's file name.
    public let file: String
    /// When the run started.
    public let started: Date
    /// The cells that ran.
    public var cells: [CellResult]

    /// Whether any cell failed.
    public var failed: Bool { cells.contains { $0.error != nil } }

    /// Total seconds over all cells.
    public var seconds: Double { cells.reduce(0) { $0 + $1.seconds } }
}

/// What happens during a notebook run, for a caller that shows it as it goes.
public enum NotebookEvent {
    /// A cell is about to run.
    case cellStarted(NotebookCell)
    /// The cell printed text.
    case output(String)
    /// The cell's last value, displayed.
    case display(String)
    /// The cell stopped with an error.
    case error(ScriptError)
    /// The cell finished (successfully or not).
    case cellFinished(CellResult)
}

extension Interpreter {
    /// Runs `cell` of `notebook`, reporting printed output and the displayed value to `observe` as they come.
    public func run(_ cell: NotebookCell, of notebook: Notebook,
                    observe: @escaping (NotebookEvent) -> Void = { _ in }) -> CellResult {
        observe(.cellStarted(cell))
        var printed = ""
        let savedOutput = output
        output = { text in
            printed += text
            observe(.output(text))
        }
        defer { output = savedOutput }
        let filesBefore = filesWritten.count
        let start = DispatchTime.now().uptimeNanoseconds
        var display: String? = nil
        var failure: ScriptError? = nil
        do {
            let program = try parse(cell.source, firstLine: cell.firstLine, source: notebook.text)
            if let value = try run(program) {
                display = Display.show(value)
                observe(.display(display!))
            }
        } catch {
            failure = error
            observe(.error(error))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let result = CellResult(index: cell.index, title: cell.title, source: cell.source, output: printed,
                                display: display, files: filesWritten[filesBefore...].reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, seconds: seconds,
                                error: failure?.description)
        observe(.cellFinished(result))
        return result
    }

    /// Runs the cells of `notebook` numbered in `range` (all by default) in order, stopping after the
    /// first failing cell unless `keepGoing`.
    public func run(_ notebook: Notebook, cells range: ClosedRange<Int>? = nil, keepGoing: Bool = false,
                    observe: @escaping (NotebookEvent) -> Void = { _ in }) -> NotebookRun {
        var record = NotebookRun(file: notebook.file, started: Date(), cells: [])
        for cell in notebook.cells where range?.contains(cell.index) ?? true {
            let result = run(cell, of: notebook, observe: observe)
            record.cells.append(result)
            if result.error != nil && !keepGoing { break }
        }
        return record
    }
}
