import Foundation
import MoodifyAudio
import Testing
@testable import MoodifyDSP

/// A matrix stored whole by Scripts/goldens_chroma.py (row-major).
struct ChromaMatrixGolden: Decodable {
    var rows: Int
    var columns: Int
    var values: [Double]
}

/// A matrix summarised by Scripts/goldens_chroma.py: per-row means and stds and a few whole frames.
struct ChromaSummaryGolden: Decodable {
    var rows: Int
    var columns: Int
    var rowMean: [Double]
    var rowStd: [Double]
    var frameIndex: [Int]
    var frames: [[Double]]
}

/// A chroma matrix stored whole (synthetic signals) or summarised (corpus clips).
enum ChromaMatrixOrSummary: Decodable {
    case whole(ChromaMatrixGolden)
    case summary(ChromaSummaryGolden)

    init(from decoder: any Decoder) throws {
        if let m = try? ChromaMatrixGolden(from: decoder) { self = .whole(m) } else { self = .summary(try ChromaSummaryGolden(from: decoder)) }
    }
}

/// librosa.piptrack's result on a signal, reduced to the number of peaks and two sums.
struct PiptrackGolden: Decodable {
    var count: Int
    var pitchSum: Double
    var magnitudeSum: Double
}

/// Everything signals.json holds for one signal.
struct ChromaSignalGolden: Decodable {
    var length: Int
    var sum: Double
    var tuning12: Double
    var tuning36: Double
    var tuningPower: Double
    var piptrack: PiptrackGolden
    var chromaSTFT: ChromaMatrixOrSummary
    var chromaCQT: ChromaMatrixOrSummary
    var tonnetz: ChromaMatrixGolden
    var cqt: ChromaSummaryGolden
    var cqt252: ChromaSummaryGolden
}

/// |cqt| in another layout (variants.json): per-row means and stds and the middle frame.
struct CQTVariantGolden: Decodable {
    var rows: Int
    var columns: Int
    var rowMean: [Double]
    var rowStd: [Double]
    var middleFrame: [Double]
}

/// One clip of clips.json: load check, tunings and the per-row means method 1 keeps.
struct ChromaClipGolden: Decodable {
    var length: Int
    var sum: Double
    var tuning12: Double
    var tuning36: Double
    var tuningPower: Double
    var chromaSTFTMean: [Double]
    var chromaCQTMean: [Double]
    var tonnetzMean: [Double]
}

/// filters.json: chroma filter banks, cq_to_chroma layouts and pitch_tuning cases.
struct ChromaFiltersGolden: Decodable {
    struct Strided: Decodable { var rows: Int; var columns: Int; var rowSum: [Double]; var stride: Int; var strided: [Double] }
    struct Layout: Decodable { var nInput: Int; var binsPerOctave: Int; var nChroma: Int; var fmin: Double?; var row: [Int] }
    struct PitchCase: Decodable { var frequencies: [Double]; var tuning12: Double; var tuning36: Double; var tuning12coarse: Double }
    var chroma2048: Strided
    var chroma512: ChromaMatrixGolden
    var cqToChroma: [Layout]
    var pitchTuning: [String: PitchCase]
}

/// The golden files of Scripts/goldens_chroma.py and the signals they were made from.
enum ChromaGoldens {
    /// Decodes `name` from the test bundle's Golden/chroma folder.
    static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden/chroma"),
                               "Golden/chroma/\(name) is missing; run python3 Scripts/goldens_chroma.py")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// The signals of signals.json whose samples are at hand (synthetic always, clips when the corpus is there),
    /// sorted by name.
    static func signals() throws -> [(name: String, golden: ChromaSignalGolden, y: [Float])] {
        try load([String: ChromaSignalGolden].self, "signals.json").sorted { $0.key < $1.key }.compactMap { name, golden in
            guard let y = try signal(name) else { return nil }
            return (name, golden, y)
        }
    }

    /// The synthetic signals of Scripts/goldens_chroma.py, rebuilt with the same float64 formulas.
    static let synthetic: [String: [Float]] = {
        let sr = 22050.0
        func tone(_ count: Int, _ amplitude: Double, _ hz: Double) -> [Double] {
            (0..<count).map { amplitude * sin(2 * Double.pi * hz * Double($0) / sr) }
        }
        func sum(_ parts: [Double]...) -> [Double] { (0..<parts[0].count).map { i in parts.reduce(0) { $0 + $1[i] } } }
        let midi = { (m: Double) in 440.0 * pow(2.0, (m - 69) / 12) }
        let chord = sum(tone(22050, 0.2, midi(60)), tone(22050, 0.2, midi(64)), tone(22050, 0.2, midi(67)))
        let f = 440.0 * pow(2.0, 0.3 / 12)
        let detuned = sum(tone(22050, 0.4, f), tone(22050, 0.2, 2 * f), tone(22050, 0.1, 3 * f))
        let k = log(7000.0 / 55)
        let chirp = (0..<33075).map { n -> Double in
            let t = Double(n) / sr
            return 0.5 * sin(2 * Double.pi * 55 * 1.5 / k * (exp(t / 1.5 * k) - 1))
        }
        var state: UInt64 = 777
        let noise = (0..<16384).map { _ -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) / 9007199254740992 - 0.5) * 0.5
        }
        let all: [String: [Double]] = [
            "chord": chord, "detuned": detuned, "chirp": chirp, "noise": noise,
            "silence": [Double](repeating: 0, count: 22050), "short": tone(1000, 0.3, 1000), "few": tone(5, 0.3, 440),
        ]
        return all.mapValues { $0.map { Float($0) } }
    }()

    /// The samples of signal `name`: a synthetic one, a corpus clip loaded at 22,050 Hz, or nil without the corpus.
    static func signal(_ name: String) throws -> [Float]? {
        if let y = synthetic[name] { return y }
        guard TestCorpus.available else { return nil }
        return try AudioBuffer(contentsOf: TestCorpus.clip(name), sampleRate: 22050).samples
    }
}

/// Per-row means and population stds of a matrix, in double precision.
func chromaRowStats(_ m: Spectrogram) -> (mean: [Double], std: [Double]) {
    let stats = (0..<m.bins).map { meanStd(m.row($0)) }
    return (stats.map(\.mean), stats.map(\.std))
}

/// Column `t` of a matrix.
func chromaColumn(_ m: Spectrogram, _ t: Int) -> [Float] { (0..<m.bins).map { m[$0, t] } }

/// Checks `ours` against a summarised librosa matrix: shape, per-row means and stds, and the stored frames, each
/// within `tolerance`.
func expectChromaClose(_ ours: Spectrogram, _ golden: ChromaSummaryGolden, tolerance: Double, _ label: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(ours.bins == golden.rows && ours.frames == golden.columns,
            "\(label): \(ours.bins)×\(ours.frames), librosa \(golden.rows)×\(golden.columns)", sourceLocation: sourceLocation)
    guard ours.bins == golden.rows && ours.frames == golden.columns else { return }
    let stats = chromaRowStats(ours)
    expectClose(stats.mean, golden.rowMean, tolerance: tolerance, "\(label) row means", sourceLocation: sourceLocation)
    expectClose(stats.std, golden.rowStd, tolerance: tolerance, "\(label) row stds", sourceLocation: sourceLocation)
    for (t, frame) in zip(golden.frameIndex, golden.frames) {
        expectClose(chromaColumn(ours, t), frame, tolerance: tolerance, "\(label) frame \(t)", sourceLocation: sourceLocation)
    }
}

/// Checks `ours` against a librosa matrix stored whole or summarised.
func expectChromaClose(_ ours: Spectrogram, _ golden: ChromaMatrixOrSummary, tolerance: Double, _ label: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    switch golden {
    case .summary(let s):
        expectChromaClose(ours, s, tolerance: tolerance, label, sourceLocation: sourceLocation)
    case .whole(let m):
        #expect(ours.bins == m.rows && ours.frames == m.columns,
                "\(label): \(ours.bins)×\(ours.frames), librosa \(m.rows)×\(m.columns)", sourceLocation: sourceLocation)
        expectClose(ours.values, m.values, tolerance: tolerance, label, sourceLocation: sourceLocation)
    }
}

/// The largest value a summary holds (row means and stored frames): the scale for absolute tolerances.
func chromaPeak(_ golden: ChromaSummaryGolden) -> Double {
    max(golden.rowMean.max() ?? 0, golden.frames.joined().max() ?? 0)
}
