import Testing
@testable import Moodify

@Suite struct ProgressBarTests {
    @Test func rendersCountRateAndTimeLeft() {
        let bar = ProgressBar(title: "method1", total: 10, enabled: false)
        #expect(bar.render(done: 5, elapsed: 2) == "method1 [###############...............] 5/10 · 2.5 clips/s · 2 s left")
        #expect(bar.render(done: 10, elapsed: 4) == "method1 [##############################] 10/10 · 2.5 clips/s")
        #expect(bar.render(done: 0, elapsed: 0) == "method1 [..............................] 0/10")
        #expect(ProgressBar.format(seconds: 130.4) == "2 min 10 s")
    }
}
