import Foundation
import Testing
@testable import MoodifyDSP

/// The chroma filter bank and the CQT-to-chroma folding against librosa 0.11 (Golden/chroma/filters.json).
@Suite struct ChromaFilterTests {
    let golden: ChromaFiltersGolden

    init() throws { golden = try ChromaGoldens.load(ChromaFiltersGolden.self, "filters.json") }

    @Test func smallFilterBankMatchesLibrosaWeightForWeight() {
        let bank = ChromaFilterBank(sr: 16000, nFFT: 512, tuning: 0.1)
        #expect(bank.nChroma == golden.chroma512.rows && bank.bins == golden.chroma512.columns)
        // Weights ≤ 1 computed in float64 by the same formulas, then rounded to float32: at most an ulp apart.
        expectClose(bank.weights, golden.chroma512.values, tolerance: 1.2e-7, "chroma filters sr 16000, n_fft 512")
    }

    @Test func defaultFilterBankMatchesLibrosa() {
        let bank = ChromaFilterBank(sr: 22050, nFFT: 2048, tuning: -0.2)
        let g = golden.chroma2048
        #expect(bank.nChroma == g.rows && bank.bins == g.columns)
        let rowSums = (0..<bank.nChroma).map { c in bank.weights[(c * bank.bins)..<((c + 1) * bank.bins)].reduce(0.0) { $0 + Double($1) } }
        // Sums of ~1,000 float32 weights: rounding differences add up to ~1e-6 of a sum of ~10.
        expectClose(rowSums, g.rowSum, tolerance: 1e-5, "row sums")
        let strided = Swift.stride(from: 0, to: bank.weights.count, by: g.stride).map { bank.weights[$0] }
        // As above: float32 roundings of the same float64 values.
        expectClose(strided, g.strided, tolerance: 1.2e-7, "every 7th weight")
    }

    @Test func sharedFilterBankIsTheSameBank() {
        #expect(ChromaFilterBank.shared(sr: 22050, nFFT: 2048, tuning: 0.07) == ChromaFilterBank(sr: 22050, nFFT: 2048, tuning: 0.07))
    }

    @Test func cqToChromaMatchesLibrosa() throws {
        #expect(golden.cqToChroma.count == 3)
        for layout in golden.cqToChroma {
            let m = try cqToChroma(nInput: layout.nInput, binsPerOctave: layout.binsPerOctave, nChroma: layout.nChroma,
                                   fmin: layout.fmin)
            #expect(m.bins == layout.nChroma && m.frames == layout.nInput)
            let rows = (0..<m.frames).map { b in (0..<m.bins).first { m[$0, b] == 1 } ?? -1 }
            #expect(rows == layout.row, "\(layout.nInput) bins, \(layout.binsPerOctave) per octave")
            #expect(m.values.reduce(0, +) == Float(layout.nInput), "every CQT bin lands in exactly one chroma bin")
        }
    }

    @Test func cqToChromaRejectsUnevenLayouts() {
        #expect(throws: ChromaError.incompatibleChromaBins(binsPerOctave: 30, nChroma: 12)) {
            try cqToChroma(nInput: 84, binsPerOctave: 30)
        }
    }
}
