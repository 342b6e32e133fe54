import Foundation
import Testing
@testable import MoodifyScript

@Suite struct ReportHTMLTests {
    /// A fixed header so pages do not depend on the machine or the clock.
    private let context = ReportContext(version: "9.9.9", machine: "testbox · Linux x86_64 · 2 cores",
                                        date: Date(timeIntervalSince1970: 1_767_323_045), timeZone: TimeZone(identifier: "UTC")!)

    /// Runs `text` as a notebook named `file` and returns the run and its report page.
    private func page(_ text: String, file: String = "nb.moodify", keepGoing: Bool = false) -> (run: NotebookRun, html: String) {
        let notebook = Notebook(text: text, file: file)
        let run = Interpreter { _ in }.run(notebook, keepGoing: keepGoing)
        return (run, RunReport(run: run, notebook: notebook, context: context).html())
    }

    private func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("moodify-report-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))").path
    }

    @Test func headerNamesTheNotebookDateMachineAndVersion() {
        let (_, html) = page("%% One\nx = 1\n", file: "Notebooks/first.moodify")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>first.moodify · Moodify run report</title>"))
        #expect(html.contains("<dd>2026-01-02 03:04:05 GMT</dd>"))
        #expect(html.contains("<dd>testbox · Linux x86_64 · 2 cores</dd>"))
        #expect(html.contains("<dt>Moodify</dt><dd>9.9.9</dd>"))
        #expect(html.contains("1 cell in 0.") && html.contains("all succeeded"))
        // Self-contained: no external script, style sheet or image.
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"))
    }

    @Test func everyPieceOfScriptTextIsEscaped() {
        let (_, html) = page("""
            %% <script>alert("title")</script> & more
            print("<img src=x onerror=alert(1)>")
            "</pre><b>bold</b>"
            """, file: "a<b>&'c\".moodify")
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("<b>bold"))
        #expect(html.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; more"))
        #expect(html.contains("<pre class=\"output\">&lt;img src=x onerror=alert(1)&gt;</pre>"))
        #expect(html.contains("<pre class=\"output display\">&quot;&lt;/pre&gt;&lt;b&gt;bold&lt;/b&gt;&quot;</pre>"))
        #expect(html.contains("<h1>a&lt;b&gt;&amp;&#39;c&quot;.moodify</h1>"))
    }

    @Test func plotsAreEmbeddedAsBase64Images() throws {
        let folder = scratch("images")
        let (run, html) = page("""
            %% A chart
            plot_bar(["ANG", "HAP"], [3, 5], to: "\(folder)/<odd> name.png")
            """)
        let path = "\(folder)/<odd> name.png"
        #expect(run.cells[0].files == [path])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(html.contains("<img alt=\"&lt;odd&gt; name.png\" src=\"data:image/png;base64,\(bytes.base64EncodedString())\">"))
        #expect(html.contains("<figcaption>\(folder)/&lt;odd&gt; name.png</figcaption>"))
        // A PNG deleted since the run is named, not embedded.
        try FileManager.default.removeItem(atPath: path)
        let later = RunReport(run: run, context: context).html()
        #expect(!later.contains("data:image/png") && later.contains("(the file is no longer there)"))
    }

    @Test func aFailingCellIsShownAsFailedAndTheRestAsNotRun() {
        let (run, html) = page("""
            %% Fine
            x = 1
            %% Broken
            y = x / 0
            %% Never
            y + 1
            """)
        #expect(run.cells.count == 2)
        #expect(html.contains("<section class=\"cell failed\" id=\"cell-2\">"))
        #expect(html.contains("<span class=\"badge bad\">failed</span>"))
        #expect(html.contains("<pre class=\"error\">nb.moodify:4:7: division by zero\n    y = x / 0\n          ^</pre>"))
        #expect(html.contains("failed: [2] · not run: 1"))
        #expect(html.contains("<section class=\"cell skipped\" id=\"cell-3\">"))
        #expect(html.contains("<section class=\"cell\" id=\"cell-1\">"))
    }

    @Test func sourceIsHighlightedByTokenKind() {
        let highlighter = ReportHighlighter(builtins: ["load", "print"])
        #expect(highlighter.html(#"a = load("x\(n + 1)<") # 1 < 2"#) == """
            a = <span class="b">load</span>(<span class="s">&quot;x</span><span class="i">\\(</span>n + <span class="n">1</span>\
            <span class="i">)</span><span class="s">&lt;&quot;</span>) <span class="m"># 1 &lt; 2</span>
            """)
        #expect(highlighter.html("for v in xs { if not v { print(nil, 2.5e-3) } }") == """
            <span class="k">for</span> v <span class="k">in</span> xs { <span class="k">if</span> <span class="k">not</span> v { \
            <span class="b">print</span>(<span class="c">nil</span>, <span class="n">2.5e-3</span>) } }
            """)
        // A method named like a builtin is not a builtin call; an unclosed string still shows whole.
        #expect(highlighter.html("m.load(1)") == "m.load(<span class=\"n\">1</span>)")
        #expect(highlighter.html("\"open") == "<span class=\"s\">&quot;open</span>")
    }

    @Test func writeCreatesTheFolder() throws {
        let (run, _) = page("%% One\n1\n")
        let path = scratch("write") + "/sub/report.html"
        #expect(try RunReport(run: run, context: context).write(to: path) == path)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<pre class=\"output display\">1</pre>"))
    }
}
