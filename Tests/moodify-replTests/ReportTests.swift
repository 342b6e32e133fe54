import Foundation
import Testing

@Suite struct ReportTests {
    /// A notebook with a plot, a failing cell and a cell after it, in `folder`.
    private func notebook(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("nb.moodify").path
        try """
        %% Counts <per> emotion
        counts = ["ANG": 4, "HAP": 6]
        plot_bar(counts, to: "\(folder.path)/plots/bars.png")
        %% Broken
        1 / 0
        %% After
        print("still here")
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func reportFlagWritesOnePageWithThePlotsAndTheFailure() throws {
        let folder = Repl.scratch("report-flag")
        let path = try notebook(in: folder)
        let out = folder.appendingPathComponent("out/report.html").path
        let result = try Repl.run([path, "--keep-going", "--report", out])
        #expect(result.status == 1)  // a cell failed; the report is written all the same
        #expect(result.out.contains("report: \(out)\n"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("Counts &lt;per&gt; emotion"))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"))  // the PNG signature, base64
        #expect(html.contains("<section class=\"cell failed\" id=\"cell-2\">"))
        #expect(html.contains("still here"))

        // Stopping at the failure, the cell after it is listed as not run.
        let stopped = try Repl.run([path, "--report", out])
        #expect(stopped.status == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<section class=\"cell skipped\" id=\"cell-3\">"))

        let snippet = try Repl.run(["-e", "1", "--report", out])
        #expect(snippet.status != 0)
        #expect(snippet.err.contains("--report needs a notebook file"))
    }

    @Test func reportCommandAtThePrompt() throws {
        let folder = Repl.scratch("report-command")
        let path = try notebook(in: folder)
        let first = folder.appendingPathComponent("first.html").path
        let result = try Repl.run([], input: """
            :report \(first)
            :load \(path)
            :run 1
            :report \(first)
            :report \(path)
            """)
        #expect(result.err.hasPrefix("no cells have run yet"))
        #expect(result.out.contains("report: \(first)\n"))
        let html = try String(contentsOfFile: first, encoding: .utf8)
        #expect(html.contains("id=\"cell-1\"") && html.contains("<section class=\"cell skipped\" id=\"cell-2\">"))
        // A notebook named: run whole (going on after failures) and reported beside it.
        let beside = folder.appendingPathComponent("nb.html").path
        #expect(result.out.contains("report: \(beside)\n"))
        #expect(try String(contentsOfFile: beside, encoding: .utf8).contains("still here"))
        #expect(result.status == 1)
    }

    @Test func inlinePlotsUseTheTerminalsProtocolOrPrintThePath() throws {
        let folder = Repl.scratch("inline")
        let code = "p = plot_bar([\"a\"], [1], to: \"\(folder.path)/a.png\")\n"
        let iterm = try Repl.run([], input: ":inline on\n" + code, environment: ["TERM_PROGRAM": "iTerm.app", "TERM": "xterm-256color"])
        #expect(iterm.out.contains("\u{1B}]1337;File=name=YS5wbmc=;size="))  // "a.png" in base64
        #expect(iterm.out.contains(";inline=1:iVBORw0KGgo"))
        let kitty = try Repl.run([], input: ":inline on\n" + code, environment: ["TERM": "xterm-kitty"])
        #expect(kitty.out.contains("\u{1B}_Ga=T,f=100,c="))
        let plain = try Repl.run([], input: ":inline on\n" + code, environment: ["TERM": "dumb", "TERM_PROGRAM": "none"])
        #expect(plain.out.contains("this terminal shows no inline images"))
        #expect(plain.out.contains("plot: \(folder.path)/a.png\n"))
        let off = try Repl.run([], input: code, environment: ["TERM_PROGRAM": "iTerm.app"])
        #expect(off.out == "")
    }
}
