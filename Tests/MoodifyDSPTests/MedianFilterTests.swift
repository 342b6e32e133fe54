import Testing
@testable import MoodifyDSP

/// The sliding median against sorting each reflect-extended window, for line counts around the vector widths the
/// lane loops run in and beyond one chunk of lines (600 lines at width 31 make three). Medians are values of the
/// input, so they must match exactly.
@Suite struct MedianFilterTests {
    /// The median of each window of line `l` (value `i` at `values[i * lines + l]`), by sorting.
    private func reference(_ values: [Float], lines: Int, length: Int, width: Int) -> [Float] {
        var out = [Float](repeating: 0, count: values.count)
        for l in 0..<lines {
            for i in 0..<length {
                let window = (i - width / 2...i + width / 2).map {
                    values[MedianFilter.reflect($0, count: length) * lines + l]
                }.sorted()
                out[i * lines + l] = window[width / 2]
            }
        }
        return out
    }

    @Test(arguments: [1, 15, 16, 17, 40, 600])
    func matchesSortedWindows(lines: Int) {
        var state: UInt64 = 99
        let length = 45
        // Values with many ties (multiples of 1/8) and zeros, as quiet spectrogram cells have.
        let values = (0..<(lines * length)).map { _ -> Float in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int(state >> 59)) / 8
        }
        for width in [1, 3, 31] {
            #expect(MedianFilter.apply(values, lines: lines, length: length, width: width)
                == reference(values, lines: lines, length: length, width: width))
        }
    }

    @Test func windowsLongerThanTheLineReflectSeveralTimes() {
        let values: [Float] = [3, 1, 2]
        #expect(MedianFilter.apply(values, lines: 1, length: 3, width: 9)
            == reference(values, lines: 1, length: 3, width: 9))
    }
}
