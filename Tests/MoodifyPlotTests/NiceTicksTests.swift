import Testing
@testable import MoodifyPlot

struct NiceTicksTests {
    @Test("steps round up to 1, 2 or 5 times a power of ten", arguments: [
        (0.7, 1.0), (1.0, 1.0), (1.01, 2.0), (2.2, 5.0), (6.0, 10.0), (0.013, 0.02), (0.04, 0.05), (140.0, 200.0),
    ])
    func steps(raw: Double, expected: Double) {
        // 1e-12 relative: the steps are products of exact small integers and powers of ten.
        #expect(abs(NiceTicks.step(atLeast: raw) - expected) <= expected * 1e-12)
    }

    @Test func nextStepClimbsTheSeries() {
        #expect(NiceTicks.step(after: 1) == 2)
        #expect(NiceTicks.step(after: 2) == 5)
        #expect(NiceTicks.step(after: 5) == 10)
    }

    @Test func valuesAreMultiplesInsideTheRange() {
        let values = NiceTicks.values(from: 0.27, to: 0.93, step: 0.1)
        #expect(values.count == 7)
        // 1e-12: multiples of 0.1 carry only binary rounding of the product k × 0.1.
        #expect(abs(values[0] - 0.3) < 1e-12 && abs(values[6] - 0.9) < 1e-12)
        #expect(NiceTicks.values(from: -1, to: 1, step: 1) == [-1, 0, 1])
    }

    @Test func labelsUseJustEnoughDecimals() {
        #expect(TickFormat.plain.label(0.30000000000000004, step: 0.1) == "0.3")
        #expect(TickFormat.plain.label(40, step: 20) == "40")
        #expect(TickFormat.plain.label(0.05, step: 0.05) == "0.05")
        #expect(TickFormat.plain.label(-2, step: 1) == "\u{2212}2")
        #expect(TickFormat.plain.label(-0.0000001, step: 1) == "0")
    }

    @Test func decibelLabelsAreSigned() {
        #expect(TickFormat.signed(unit: "dB").label(0, step: 20) == "+0 dB")
        #expect(TickFormat.signed(unit: "dB").label(-40, step: 20) == "\u{2212}40 dB")
    }
}
