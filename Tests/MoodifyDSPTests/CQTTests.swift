import Foundation
import MoodifyAudio
import Testing
@testable import MoodifyDSP

/// `cqt` against librosa 0.11's `cqt` (Golden/chroma): defaults, the 252-bin layout of `chroma_cqt`, and layouts
/// that exercise early downsampling, an odd hop, a partial octave, another sample rate and the other options.
@Suite struct CQTTests {
    @Test func matchesLibrosaOnEverySignal() throws {
        for (name, golden, y) in try ChromaGoldens.signals() {
            let c = try cqt(y).magnitude()
            let c252 = try cqt(y, nBins: 252, binsPerOctave: 36, tuning: nil).magnitude()
            // float32 FFTs and sparse sums against librosa's float64 STFT and complex64 products: differences stay
            // ~1e-7 of the loudest bin, in quiet bins too (they are absolute, not relative); 1e-5 of the peak.
            expectChromaClose(c, golden.cqt, tolerance: 1e-5 * chromaPeak(golden.cqt) + 1e-12, "\(name) cqt")
            expectChromaClose(c252, golden.cqt252, tolerance: 1e-5 * chromaPeak(golden.cqt252) + 1e-12, "\(name) cqt 252 bins")
        }
    }

    @Test func otherLayoutsMatchLibrosa() throws {
        let variants = try ChromaGoldens.load([String: [String: CQTVariantGolden]].self, "variants.json")
        var checked = 0
        for (signalName, layouts) in variants {
            guard let y = try ChromaGoldens.signal(signalName) else { continue }
            for (name, golden) in layouts {
                let c: Spectrogram
                switch name {
                case "early": c = try cqt(y, nBins: 48).magnitude()
                case "oddhop": c = try cqt(y, hopLength: 384, nBins: 100).magnitude()
                case "partial": c = try cqt(y, fmin: 50, nBins: 90, binsPerOctave: 24, tuning: 0.13).magnitude()
                case "sr16k":
                    c = try cqt(Resampler.resample(y, from: 22050, to: 16000), sr: 16000, hopLength: 256, nBins: 72).magnitude()
                case "options":
                    c = try cqt(y, nBins: 60, filterScale: 2, norm: 2, sparsity: 0.05, window: .ones, scale: false).magnitude()
                default: Issue.record("unknown layout \(name)"); continue
                }
                #expect(c.bins == golden.rows && c.frames == golden.columns, "\(signalName) \(name) shape")
                guard c.bins == golden.rows && c.frames == golden.columns else { continue }
                let stats = chromaRowStats(c)
                // As above: 1e-5 of the loudest value stored.
                let tolerance = 1e-5 * max(golden.middleFrame.max() ?? 0, golden.rowMean.max() ?? 0)
                expectClose(stats.mean, golden.rowMean, tolerance: tolerance, "\(signalName) \(name) row means")
                expectClose(stats.std, golden.rowStd, tolerance: tolerance, "\(signalName) \(name) row stds")
                expectClose(chromaColumn(c, c.frames / 2), golden.middleFrame, tolerance: tolerance,
                            "\(signalName) \(name) middle frame")
                checked += 1
            }
        }
        #expect(checked >= 5)
    }

    @Test func shapeFollowsTheHop() throws {
        let y = [Float](repeating: 0.1, count: 10_000)
        let c = try cqt(y)
        #expect(c.bins == 84 && c.frames == 1 + 10_000 / 512)
        #expect(try cqt(y, hopLength: 256, nBins: 36).frames == 1 + 10_000 / 256)
    }

    @Test func sineLandsInItsBin() throws {
        // A4 = 440 Hz is bin 45 above C1 (3 octaves and 9 semitones).
        let y = (0..<22050).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 22050)) }
        let c = try cqt(y).magnitude()
        let means = chromaRowStats(c).mean
        #expect(means.indices.max { means[$0] < means[$1] } == 45)
    }

    @Test func concurrentCallsAgree() async throws {
        let y = try #require(ChromaGoldens.synthetic["chirp"])
        let reference = try cqt(y, nBins: 252, binsPerOctave: 36, tuning: 0.11)
        // Fresh plans for several tunings built concurrently: the shared caches must hand out identical plans.
        let results = try await withThrowingTaskGroup(of: ComplexSpectrogram.self) { group in
            for _ in 0..<4 { group.addTask { try cqt(y, nBins: 252, binsPerOctave: 36, tuning: 0.11) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for r in results { #expect(r == reference) }
    }

    @Test func rejectsImpossibleLayouts() {
        let y = [Float](repeating: 0.1, count: 4096)
        do {
            _ = try cqt(y, fmin: 5000)
            Issue.record("84 bins from 5 kHz cannot fit below 11,025 Hz")
        } catch {
            guard case .filterAboveNyquist(let cutoff, let nyquist) = error else { Issue.record("\(error)"); return }
            #expect(nyquist == 11025 && cutoff > nyquist)
        }
        // 48 bins at 22,050 Hz downsample by 8 before the first octave: 5 samples are too few (as librosa says).
        #expect(throws: ChromaError.tooShortForCQT(length: 5, octaves: 4)) { try cqt([0.1, 0.2, 0.3, 0.2, 0.1], nBins: 48) }
        #expect(throws: ChromaError.emptySignal) { try cqt([]) }
        do {
            _ = try cqt([0, .nan])
            Issue.record("a NaN sample must be refused")
        } catch {
            guard case .nonFiniteSample(let index, let value) = error else { Issue.record("\(error)"); return }
            #expect(index == 1 && value.isNaN)
        }
    }
}
