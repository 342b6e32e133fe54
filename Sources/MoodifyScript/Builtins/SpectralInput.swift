import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

/// A complex short-time Fourier transform as scripts see it: frequency × frames, as `librosa.stft` returns it.
struct STFTObject: HostObject {
    /// The complex values, `n_fft / 2 + 1` rows by frames.
    let spectrum: ComplexSpectrogram
    /// How the signal was framed (the defaults `istft` inverts with).
    let framing: STFTFraming
    /// The rate of the analysed audio, when it came from an AudioBuffer.
    let sampleRate: Double?

    var typeName: String { "STFT" }
    var summary: String {
        "STFT \(spectrum.bins)×\(spectrum.frames) · n_fft \(framing.nFFT) · hop \(framing.hopLength)"
    }
    var propertyNames: [String] { ["hop_length", "imag", "magnitude", "n_fft", "power", "real", "shape", "sr", "win_length"] }

    func property(_ name: String) throws -> Value? {
        switch name {
        case "hop_length": return .number(Double(framing.hopLength))
        case "imag": return .spectrogram(Spectrogram(bins: spectrum.bins, frames: spectrum.frames, values: spectrum.imag))
        case "magnitude": return .spectrogram(spectrum.magnitude())
        case "n_fft": return .number(Double(framing.nFFT))
        case "power": return .spectrogram(spectrum.power())
        case "real": return .spectrogram(Spectrogram(bins: spectrum.bins, frames: spectrum.frames, values: spectrum.real))
        case "shape": return .ints([spectrum.bins, spectrum.frames])
        case "sr": return sampleRate.map(Value.number) ?? .null
        case "win_length": return .number(Double(framing.winLength))
        default: return nil
        }
    }

    /// `len(D)` is the number of frequency rows, as NumPy's `len` of the array.
    var length: Int? { spectrum.bins }
    /// As a matrix (plots, `matrix(D)`), an STFT is its magnitude.
    var matrixValue: Matrix? { Matrix(spectrogram: spectrum.magnitude()) }
}

/// The framing parameters of an STFT.
struct STFTFraming: Sendable {
    var nFFT: Int, hopLength: Int, winLength: Int, window: Window, center: Bool
}

/// What a spectral builtin was given: samples (`y`, with the rate they came with) or a spectrogram (`S`).
enum SpectralInput {
    /// Audio samples, and the AudioBuffer's rate when they came in one.
    case samples([Float], rate: Double?)
    /// A complex STFT object.
    case stft(STFTObject)
    /// A real matrix, frequency × frames, already in the form the function expects.
    case spectrogram(Spectrogram)

    /// The input of a builtin with a signal parameter `y` and a spectrogram parameter `S`: exactly one of them.
    /// `y` takes an AudioBuffer or a list of samples (an STFT object is accepted as if passed as `S`).
    init(_ args: Arguments, signal: String = "y", spectrogram: String = "S") throws {
        switch (args.optional(signal), args.optional(spectrogram)) {
        case (nil, nil):
            throw ValueError.invalid("give audio as \(signal) or a spectrogram as \(spectrogram):")
        case (.some, .some):
            throw ValueError.invalid("give either \(signal) or \(spectrogram), not both")
        case (.some(let y), nil):
            if case .object(let o) = y, let d = o as? STFTObject {
                self = .stft(d)
            } else if case .matrix(let m) = y, m.rows > 1 {
                throw ValueError.invalid("\(signal) is a \(m.rows)×\(m.cols) matrix; pass a spectrogram as \(spectrogram):")
            } else {
                let (samples, rate) = try args.samples(signal)
                self = .samples(samples, rate: rate)
            }
        case (nil, .some(let s)):
            if case .object(let o) = s, let d = o as? STFTObject {
                self = .stft(d)
            } else {
                self = .spectrogram(try args.spectrogram(spectrogram))
            }
        }
    }

    /// The rate to analyse at: the `sr` argument when given, else the audio's or STFT's own rate, else 22,050 Hz.
    func sampleRate(_ args: Arguments, parameter: String = "sr") throws -> Double {
        if let sr = try args.optionalNumber(parameter) {
            guard sr > 0, sr.isFinite else { throw ValueError.invalid("\(parameter) must be a positive number of Hz, got \(sr)") }
            return sr
        }
        switch self {
        case .samples(_, let rate): return rate ?? 22050
        case .stft(let d): return d.sampleRate ?? 22050
        case .spectrogram: return 22050
        }
    }

    /// The samples, or an error when a spectrogram was given instead.
    func samples() throws -> [Float] {
        guard case .samples(let y, _) = self else {
            throw ValueError.invalid("needs audio samples, not a spectrogram")
        }
        return y
    }

    /// |STFT|^power: of the samples (framed by `framing`), of the STFT object, or the matrix as given.
    func spectrogram(power: Float, framing: STFTFraming) -> Spectrogram {
        switch self {
        case .samples(let y, _):
            return STFTObject.spectrogram(of: framing.transform(y), power: power)
        case .stft(let d):
            return STFTObject.spectrogram(of: d.spectrum, power: power)
        case .spectrogram(let s):
            return s
        }
    }
}

extension STFTObject {
    /// |D|^power, with |D|² computed as re² + im² (as `spectrogram(power: 2)` does).
    static func spectrogram(of d: ComplexSpectrogram, power: Float) -> Spectrogram {
        if power == 2 { return d.power() }
        var m = d.magnitude()
        if power != 1 { m.values = m.values.map { Foundation.pow($0, power) } }
        return m
    }
}

extension STFTFraming {
    /// librosa's framing of the spectral features: `n_fft`, `hop_length`, Hann window of `n_fft`, `center`.
    init(_ args: Arguments) throws {
        let nFFT = try args.positiveInt("n_fft")
        self.init(nFFT: nFFT, hopLength: try args.positiveInt("hop_length"), winLength: nFFT, window: .hann,
                  center: try args.bool("center"))
    }

    /// The STFT of `y` with this framing.
    func transform(_ y: [Float]) -> ComplexSpectrogram {
        stft(y, nFFT: nFFT, hopLength: hopLength, winLength: winLength, window: window, center: center)
    }
}

/// The framing parameters of the spectral-feature builtins, librosa's defaults.
let framingParameters: [Parameter] = [.named("n_fft", 2048), .named("hop_length", 512), .named("center", true)]

extension Value {
    /// A frequency × frames matrix.
    static func spectrogram(_ s: Spectrogram) -> Value { .matrix(Matrix(spectrogram: s)) }

    /// A per-frame feature as librosa returns it: a 1 × frames matrix.
    static func frameFeature(_ x: [Float]) -> Value { .matrix(Matrix(rows: 1, cols: x.count, values: x)) }
}

extension Matrix {
    /// The spectrogram's rows and columns as they are (both row-major).
    init(spectrogram s: Spectrogram) { self.init(rows: s.bins, cols: s.frames, values: s.values) }
}

extension Arguments {
    /// The signal argument `name`: an AudioBuffer's samples and rate, or a list of samples (rate nil).
    func samples(_ name: String) throws -> (samples: [Float], rate: Double?) {
        if case .object(let o) = self[name], let audio = o as? AudioBufferObject {
            return (audio.buffer.samples, Double(audio.buffer.sampleRate))
        }
        do {
            return (try floats(name), nil)
        } catch ValueError.argumentType {
            throw ValueError.argumentType(function: function, parameter: name, expected: "an AudioBuffer or a list of samples",
                                          got: self[name].kindDescription)
        }
    }

    /// The argument `name` as a frequency × frames spectrogram (a matrix, or an STFT's magnitude).
    func spectrogram(_ name: String) throws -> Spectrogram {
        let m = try matrix(name)
        return Spectrogram(bins: m.rows, frames: m.cols, values: m.values)
    }

    /// The integer argument `name`, which must be at least 1.
    func positiveInt(_ name: String) throws -> Int {
        let n = try int(name)
        guard n > 0 else { throw ValueError.invalid("\(name) must be a positive integer, got \(n)") }
        return n
    }

    /// The number argument `name`, or nil when it is `nil`, which must be positive.
    func optionalPositiveNumber(_ name: String) throws -> Double? {
        guard let x = try optionalNumber(name) else { return nil }
        guard x > 0, x.isFinite else { throw ValueError.invalid("\(name) must be a positive number, got \(x)") }
        return x
    }

    /// The window named by the string argument `name`: "hann", or "boxcar" / "ones" / "rectangular".
    func window(_ name: String) throws -> Window {
        switch try string(name) {
        case "hann": return .hann
        case "boxcar", "ones", "rectangular": return .ones
        case let other:
            throw ValueError.invalid("\(name) must be \"hann\" or \"boxcar\", got \(Display.quoted(other))")
        }
    }

    /// The STFT object argument `name`.
    func stftObject(_ name: String) throws -> STFTObject {
        try object(name, as: STFTObject.self, expected: "an STFT (from stft)")
    }
}
