import Foundation
import Moodify

/// A notebook run as one self-contained HTML page: each cell's title, highlighted source, printed output,
/// displayed value or error, the PNGs it wrote (embedded as base64), and its run time, under a header with the
/// run's date, machine and Moodify version. Every piece of text from the script or a file name is escaped.
public struct RunReport {
    /// The cells that ran.
    public let run: NotebookRun
    /// The whole notebook, to list the cells that did not run (nil: list only those that ran).
    public let notebook: Notebook?
    /// Date, machine and version for the header.
    public let context: ReportContext
    /// Names highlighted as builtin calls.
    private let builtins: Set<String>

    /// A report of `run` (of `notebook`, when given) with `context`'s header, highlighting `builtins`' names.
    public init(run: NotebookRun, notebook: Notebook? = nil, context: ReportContext, builtins: Builtins = Builtins()) {
        self.run = run
        self.notebook = notebook
        self.context = context
        self.builtins = Set(builtins.names)
    }

    /// Writes the page to `path` (creating its folder) and returns the path.
    @discardableResult
    public func write(to path: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html().utf8).write(to: url, options: .atomic)
        } catch {
            throw ValueError.invalid("cannot write the report \(path): \((error as NSError).localizedDescription)")
        }
        return path
    }

    /// The page.
    public func html() -> String {
        let name = (run.file as NSString).lastPathComponent
        let failed = run.cells.filter { $0.error != nil }
        let ran = Set(run.cells.map(\.index))
        let skipped = notebook?.cells.filter { !ran.contains($0.index) } ?? []
        var status = "\(run.cells.count) cell\(run.cells.count == 1 ? "" : "s") in \(RunReport.seconds(run.seconds))"
        status += failed.isEmpty ? " · all succeeded" : " · failed: " + failed.map { "[\($0.index)]" }.joined(separator: " ")
        if !skipped.isEmpty { status += " · not run: \(skipped.count)" }

        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Moodify \(context.version.htmlEscaped)">
        <title>\(name.htmlEscaped) · Moodify run report</title>
        <style>\(RunReport.style)</style>
        </head>
        <body>
        <header>
        <h1>\(name.htmlEscaped)</h1>
        <p class="path">\(run.file.htmlEscaped)</p>
        <dl>
        <dt>Run</dt><dd>\(context.dateText.htmlEscaped)</dd>
        <dt>Machine</dt><dd>\(context.machine.htmlEscaped)</dd>
        <dt>Moodify</dt><dd>\(context.version.htmlEscaped)</dd>
        <dt>Result</dt><dd class="\(failed.isEmpty ? "ok" : "bad")">\(status.htmlEscaped)</dd>
        </dl>
        <nav><ol>\n
        """
        for cell in run.cells {
            page += "<li><a href=\"#cell-\(cell.index)\"><span class=\"num\">[\(cell.index)]</span> "
                + RunReport.title(of: cell.title).htmlEscaped + "</a><span class=\"time\">"
                + (cell.error == nil ? "" : "<span class=\"badge bad\">failed</span> ")
                + RunReport.seconds(cell.seconds).htmlEscaped + "</span></li>\n"
        }
        page += "</ol></nav>\n</header>\n<main>\n"
        let highlighter = ReportHighlighter(builtins: builtins)
        for cell in run.cells { page += section(cell, highlighter: highlighter) }
        for cell in skipped {
            page += "<section class=\"cell skipped\" id=\"cell-\(cell.index)\">\n<h2><span><span class=\"num\">[\(cell.index)]</span> "
                + RunReport.title(of: cell.title).htmlEscaped + "</span><span class=\"time\">not run</span></h2>\n"
                + "<pre class=\"code\">\(highlighter.html(cell.source))</pre>\n</section>\n"
        }
        page += "</main>\n<footer>Written by Moodify \(context.version.htmlEscaped) · moodify-repl --report</footer>\n</body>\n</html>\n"
        return page
    }

    /// One cell's section.
    private func section(_ cell: CellResult, highlighter: ReportHighlighter) -> String {
        let failed = cell.error != nil
        var html = "<section class=\"cell\(failed ? " failed" : "")\" id=\"cell-\(cell.index)\">\n"
        html += "<h2><span><span class=\"num\">[\(cell.index)]</span> " + RunReport.title(of: cell.title).htmlEscaped
        html += "</span><span class=\"time\">" + (failed ? "<span class=\"badge bad\">failed</span> " : "")
            + RunReport.seconds(cell.seconds).htmlEscaped + "</span></h2>\n"
        html += "<pre class=\"code\">\(highlighter.html(RunReport.trimmed(cell.source)))</pre>\n"
        let output = RunReport.trimmed(cell.output)
        if !output.isEmpty { html += "<pre class=\"output\">\(output.htmlEscaped)</pre>\n" }
        if let display = cell.display { html += "<pre class=\"output display\">\(display.htmlEscaped)</pre>\n" }
        if let error = cell.error { html += "<pre class=\"error\">\(error.htmlEscaped)</pre>\n" }
        for file in cell.files { html += figure(file) }
        return html + "</section>\n"
    }

    /// A written file: a PNG embedded as an image with its path as caption; other files (or a PNG that is gone) as their path.
    private func figure(_ path: String) -> String {
        let caption = "<figcaption>\(path.htmlEscaped)</figcaption>"
        guard path.lowercased().hasSuffix(".png") else {
            return "<figure class=\"file\">\(caption)</figure>\n"
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return "<figure class=\"file missing\">\(caption)<p>(the file is no longer there)</p></figure>\n"
        }
        let alt = (path as NSString).lastPathComponent.htmlEscaped
        return "<figure><img alt=\"\(alt)\" src=\"data:image/png;base64,\(data.base64EncodedString())\">\(caption)</figure>\n"
    }

    /// A cell's title, or "(untitled)".
    private static func title(of title: String) -> String { title.isEmpty ? "(untitled)" : title }

    /// `text` without leading and trailing blank lines.
    private static func trimmed(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// A duration as "0.42 s", "12.3 s" or "2 min 05 s".
    static func seconds(_ s: Double) -> String {
        if s < 10 { return String(format: "%.2f s", s) }
        if s < 60 { return String(format: "%.1f s", s) }
        return String(format: "%d min %02d s", Int(s) / 60, Int(s) % 60)
    }

    private static let style = """

    :root { --ink: #1d2330; --muted: #667085; --line: #e3e6ec; --code: #f6f8fa; --accent: #3b5bdb; --bad: #c92a2a; --ok: #2b8a3e; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #fbfbfd; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
    header, main, footer { max-width: 1040px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 28px; }
    h1 { margin: 0; font-size: 26px; }
    .path { margin: 2px 0 14px; color: var(--muted); font: 13px "DejaVu Sans Mono", ui-monospace, monospace; overflow-wrap: anywhere; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 16px; }
    dt { color: var(--muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
    .ok { color: var(--ok); } .bad { color: var(--bad); }
    nav ol { list-style: none; margin: 0 0 8px; padding: 10px 14px; background: #fff; border: 1px solid var(--line); border-radius: 8px; columns: 2; column-gap: 32px; }
    nav li { display: flex; justify-content: space-between; gap: 12px; break-inside: avoid; }
    nav a { color: var(--accent); text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .num { color: var(--muted); font-weight: normal; }
    .time { color: var(--muted); font-size: 13px; font-weight: normal; white-space: nowrap; }
    .badge { display: inline-block; padding: 0 7px; border-radius: 9px; background: #ffe3e3; font-size: 12px; }
    .cell { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; margin: 18px 0; padding: 12px 16px; }
    .cell.failed { border-left-color: var(--bad); }
    .cell.skipped { border-left-color: var(--line); opacity: 0.6; }
    h2 { display: flex; justify-content: space-between; gap: 16px; margin: 0 0 10px; font-size: 17px; overflow-wrap: anywhere; }
    pre { margin: 8px 0; padding: 10px 12px; border-radius: 6px; font: 13px/1.45 "DejaVu Sans Mono", ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
    pre.code { background: var(--code); border: 1px solid var(--line); }
    pre.output { background: #fff; border-left: 3px solid var(--line); border-radius: 0; padding: 2px 12px; }
    pre.display { color: #364fc7; }
    pre.error { background: #fff5f5; color: var(--bad); border: 1px solid #ffc9c9; }
    .k { color: #9c36b5; font-weight: 600; } .c { color: #c2255c; } .n { color: #e8590c; } .s { color: #2b8a3e; }
    .i { color: #c2255c; } .m { color: #868e96; font-style: italic; } .b { color: #1864ab; }
    figure { margin: 12px 0 4px; }
    figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
    figcaption { color: var(--muted); font: 12px "DejaVu Sans Mono", ui-monospace, monospace; overflow-wrap: anywhere; }
    footer { color: var(--muted); font-size: 12px; padding-bottom: 28px; }

    """
}
