import Foundation
import MoodifyAudio
import Testing
@testable import MoodifyDSP

/// A matrix as Scripts/goldens_dsp.py summarises it: per-row means and stds, per-column means, every k-th value.
struct MatrixSummary: Decodable {
    var rows: Int
    var columns: Int
    var rowMean: [Double]
    var rowStd: [Double]
    var columnMean: [Double]
    var stride: Int
    var strided: [Double]
}

/// A signal as the generator summarises it: length, mean, std and every k-th sample.
struct SignalSummary: Decodable {
    var length: Int
    var mean: Double
    var std: Double
    var stride: Int
    var strided: [Double]
}

/// librosa's STFT of one signal: |X| sums over every 4th bin's row and over each column, strided complex values.
struct STFTGolden: Decodable {
    var rows: Int
    var columns: Int
    var magnitudeRowSum: [Double]
    var magnitudeColumnSum: [Double]
    var stride: Int
    var real: [Double]
    var imag: [Double]
}

/// Every function's librosa output for one signal (functions.json).
struct FunctionGolden: Decodable {
    var length: Int
    var stft: STFTGolden
    var istft: SignalSummary
    var melspectrogram: MatrixSummary
    var powerToDB: MatrixSummary
    var powerToDBMax: MatrixSummary
    var mfcc20: MatrixSummary
    var mfcc40: MatrixSummary
    var centroid: [Double]
    var bandwidth: [Double]
    var rolloff: [Double]
    var contrast: MatrixSummary
    var zcr: [Double]
    var rms: [Double]
    var trim: [Int]
    var harmonic: SignalSummary
    var percussive: SignalSummary
    var stretchSlow: SignalSummary
    var stretchFast: SignalSummary
    var pitchUp: SignalSummary

    enum CodingKeys: String, CodingKey {
        case length, stft, istft, melspectrogram, powerToDB, powerToDBMax, mfcc20, mfcc40, centroid, bandwidth,
             rolloff, contrast, zcr, rms, trim, harmonic, percussive
        case stretchSlow = "stretch0.8", stretchFast = "stretch1.25", pitchUp = "pitch+2"
    }
}

/// Non-zero entries of one librosa mel filter bank (mel_basis.json).
struct MelBasisGolden: Decodable {
    var sr: Double
    var nFFT: Int
    var nMels: Int
    var mel: [Int]
    var bin: [Int]
    var weight: [Double]
}

/// One real clip's trim range and feature vectors (features.json).
struct FeatureGolden: Decodable {
    var file: String
    var loadedLength: Int
    var loadedSum: Double
    var trim: [Int]
    var method1: [Double]
    var method2: [Double]
    var method2Pitch: [Double]
    var method2Stretch: [Double]
}

/// Loading of the golden files and the signals they were made from.
enum Golden {
    /// Decodes `name` from the test bundle's Golden folder.
    static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
                               "Golden/\(name) is missing; run python3 Scripts/goldens_dsp.py")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// functions.json, by signal name.
    static func functions() throws -> [String: FunctionGolden] { try load([String: FunctionGolden].self, "functions.json") }

    /// The synthetic signals of Scripts/goldens_dsp.py, rebuilt with the same float64 formulas.
    static let synthetic: [String: [Float]] = {
        let sr = 22050.0
        func tone(_ count: Int, _ amplitude: Double, _ hz: Double) -> [Float] {
            (0..<count).map { Float(amplitude * sin(2 * Double.pi * hz * Double($0) / sr)) }
        }
        let chirp = (0..<22050).map { n -> Float in
            let t = Double(n) / sr
            return Float(0.5 * sin(2 * Double.pi * (100 * t + (8000 - 100) * t * t / 2)))
        }
        var state: UInt64 = 12345
        let noise = (0..<11025).map { _ -> Float in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float((Double(state >> 11) / 9007199254740992 - 0.5) * 0.5)
        }
        let gated = [Float](repeating: 0, count: 5000) + tone(10000, 0.4, 300) + [Float](repeating: 0, count: 7000)
        return ["sine440": tone(11025, 0.5, 440), "chirp": chirp, "noise": noise,
                "silence": [Float](repeating: 0, count: 8000), "short": tone(300, 0.3, 1000), "gated": gated]
    }()

    /// The samples of signal `name`: a synthetic one, or a corpus clip loaded at 22,050 Hz.
    static func signal(_ name: String) throws -> [Float] {
        if let y = synthetic[name] { return y }
        return try AudioBuffer(contentsOf: TestCorpus.clip(name), sampleRate: 22050).samples
    }
}

/// Where the real CREMA-D clips are: `$MOODIFY_AUDIO`, else `../shared/corpus/crema-d-dev` from the package root.
enum TestCorpus {
    /// The package root, derived from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The corpus folder.
    static var path: String {
        if let env = ProcessInfo.processInfo.environment["MOODIFY_AUDIO"], !env.isEmpty { return env }
        return packageRoot.appendingPathComponent("../shared/corpus/crema-d-dev").standardizedFileURL.path
    }

    /// Whether the corpus folder is there.
    static var available: Bool { FileManager.default.fileExists(atPath: path) }

    /// The full path of one clip.
    static func clip(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}

/// The largest |ours − theirs| over paired values, with where it happened, for readable failures.
struct Deviation: CustomStringConvertible {
    var worst = 0.0
    var index = -1
    var ours = 0.0
    var theirs = 0.0

    init<A: Collection, B: Collection>(_ ours: A, _ theirs: B) where A.Element: BinaryFloatingPoint, B.Element: BinaryFloatingPoint {
        for (i, (a, b)) in zip(ours, theirs).enumerated() {
            let d = abs(Double(a) - Double(b))
            if d > worst || (d.isNaN && !worst.isNaN) { worst = d; index = i; self.ours = Double(a); self.theirs = Double(b) }
        }
    }

    var description: String { "worst |Δ| \(worst) at \(index) (ours \(ours), librosa \(theirs))" }
}

/// Checks that `ours` matches `theirs` value for value within `tolerance`, with equal counts.
func expectClose<A: Collection, B: Collection>(_ ours: A, _ theirs: B, tolerance: Double, _ label: String,
                                               sourceLocation: SourceLocation = #_sourceLocation)
where A.Element: BinaryFloatingPoint, B.Element: BinaryFloatingPoint {
    #expect(ours.count == theirs.count, "\(label): \(ours.count) values, librosa has \(theirs.count)", sourceLocation: sourceLocation)
    let d = Deviation(ours, theirs)
    #expect(d.worst <= tolerance, "\(label): \(d), tolerance \(tolerance)", sourceLocation: sourceLocation)
}

/// Mean and (population) standard deviation in double precision.
func meanStd<C: Collection>(_ x: C) -> (mean: Double, std: Double) where C.Element: BinaryFloatingPoint {
    guard !x.isEmpty else { return (0, 0) }
    var sum = 0.0
    for v in x { sum += Double(v) }
    let mean = sum / Double(x.count)
    var sq = 0.0
    for v in x { sq += (Double(v) - mean) * (Double(v) - mean) }
    return (mean, (sq / Double(x.count)).squareRoot())
}

/// Checks a spectrogram against librosa's summary of the same matrix, every statistic within `tolerance`.
func expectClose(_ ours: Spectrogram, _ golden: MatrixSummary, tolerance: Double, _ label: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(ours.bins == golden.rows && ours.frames == golden.columns,
            "\(label): \(ours.bins)×\(ours.frames), librosa \(golden.rows)×\(golden.columns)", sourceLocation: sourceLocation)
    guard ours.bins == golden.rows && ours.frames == golden.columns else { return }
    if ours.frames > 0 {
        let rows = (0..<ours.bins).map { meanStd(ours.row($0)) }
        expectClose(rows.map(\.mean), golden.rowMean, tolerance: tolerance, "\(label) row means", sourceLocation: sourceLocation)
        expectClose(rows.map(\.std), golden.rowStd, tolerance: tolerance, "\(label) row stds", sourceLocation: sourceLocation)
    }
    let columns = (0..<ours.frames).map { t in meanStd((0..<ours.bins).map { ours[$0, t] }).mean }
    expectClose(columns, golden.columnMean, tolerance: tolerance, "\(label) column means", sourceLocation: sourceLocation)
    let strided = Swift.stride(from: 0, to: ours.values.count, by: golden.stride).map { ours.values[$0] }
    expectClose(strided, golden.strided, tolerance: tolerance, "\(label) strided values", sourceLocation: sourceLocation)
}

/// Checks a signal against librosa's summary of it: same length, and mean, std and strided samples within `tolerance`.
func expectClose(_ ours: [Float], _ golden: SignalSummary, tolerance: Double, _ label: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(ours.count == golden.length, "\(label): \(ours.count) samples, librosa \(golden.length)", sourceLocation: sourceLocation)
    let (mean, std) = meanStd(ours)
    expectClose([mean, std], [golden.mean, golden.std], tolerance: tolerance, "\(label) mean and std", sourceLocation: sourceLocation)
    let strided = Swift.stride(from: 0, to: ours.count, by: golden.stride).map { ours[$0] }
    expectClose(strided, golden.strided, tolerance: tolerance, "\(label) strided samples", sourceLocation: sourceLocation)
}
