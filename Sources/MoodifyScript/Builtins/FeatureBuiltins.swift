import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

extension Builtins {
    /// Spectral analysis as librosa's: STFT, mel, MFCC, spectral shape, HPSS, trim, effects and the feature sets.
    static let features: [Builtin] = spectrogramBuiltins + shapeBuiltins + effectBuiltins + featureSetBuiltins

    /// STFT, its inverse, mel spectrograms, decibels and MFCCs.
    private static let spectrogramBuiltins: [Builtin] = [
        Builtin("stft", [.required("y"), .named("n_fft", 2048), .named("hop_length", nil), .named("win_length", nil),
                         .named("window", "hann"), .named("center", true)],
                doc: "Short-time Fourier transform as librosa.stft: an STFT object (.magnitude, .power, .shape: frequency × frames).") { args in
            let (y, rate) = try args.samples("y")
            let nFFT = try args.positiveInt("n_fft")
            let winLength = try args.optionalInt("win_length").map { _ in try args.positiveInt("win_length") } ?? nFFT
            guard winLength <= nFFT else { throw ValueError.invalid("win_length \(winLength) exceeds n_fft \(nFFT)") }
            let hop = try args.optionalInt("hop_length").map { _ in try args.positiveInt("hop_length") } ?? winLength / 4
            guard hop > 0 else { throw ValueError.invalid("win_length \(winLength) is too short for the default hop_length (win_length / 4)") }
            let framing = STFTFraming(nFFT: nFFT, hopLength: hop, winLength: winLength, window: try args.window("window"),
                                      center: try args.bool("center"))
            return .object(STFTObject(spectrum: framing.transform(y), framing: framing, sampleRate: rate))
        },
        Builtin("istft", [.required("stft_matrix"), .named("hop_length", nil), .named("win_length", nil), .named("n_fft", nil),
                          .named("window", nil), .named("center", nil), .named("length", nil)],
                doc: "Inverse STFT as librosa.istft (framing defaults to the STFT's own); an AudioBuffer of length samples if given.") { args in
            let d = try args.stftObject("stft_matrix")
            let own = d.framing
            let nFFT = try args.optionalInt("n_fft").map { _ in try args.positiveInt("n_fft") } ?? own.nFFT
            guard nFFT / 2 + 1 == d.spectrum.bins else {
                throw ValueError.invalid("an STFT of \(d.spectrum.bins) rows cannot come from n_fft \(nFFT)")
            }
            let winLength = try args.optionalInt("win_length").map { _ in try args.positiveInt("win_length") }
                ?? min(own.winLength, nFFT)
            guard winLength <= nFFT else { throw ValueError.invalid("win_length \(winLength) exceeds n_fft \(nFFT)") }
            let hop = try args.optionalInt("hop_length").map { _ in try args.positiveInt("hop_length") } ?? own.hopLength
            let length = try args.optionalInt("length")
            guard (length ?? 0) >= 0 else { throw ValueError.invalid("length must not be negative") }
            let window = args.optional("window") == nil ? own.window : try args.window("window")
            let center = args.optional("center") == nil ? own.center : try args.bool("center")
            let y = istft(d.spectrum, hopLength: hop, winLength: winLength, nFFT: nFFT, window: window, center: center,
                          length: length)
            return .audio(AudioBuffer(samples: y, sampleRate: Int((d.sampleRate ?? 22050).rounded())))
        },
        Builtin("melspectrogram", [.optional("y", nil), .named("sr", nil), .named("S", nil)] + framingParameters
                    + [.named("n_mels", 128), .named("power", 2), .named("fmin", 0), .named("fmax", nil)],
                doc: "Mel spectrogram as librosa.feature.melspectrogram (Slaney mels) of audio or of S = |STFT|^power: n_mels × frames.") { args in
            let input = try SpectralInput(args)
            let sr = try input.sampleRate(args)
            let power = try args.number("power")
            guard power > 0 else { throw ValueError.invalid("power must be positive, got \(power)") }
            let s = input.spectrogram(power: Float(power), framing: try STFTFraming(args))
            return .spectrogram(try melFilters(args, bins: s.bins, sr: sr).apply(to: s))
        },
        Builtin("power_to_db", [.required("S"), .named("ref", 1), .named("amin", 1e-10), .named("top_db", 80)],
                doc: "Power to decibels as librosa.power_to_db: 10·log10(max(amin, S) / ref), ref a number or \"max\", floored top_db below the peak.") { args in
            let (values, wrap) = try decibelInput(args)
            let (ref, amin, topDB) = try decibelOptions(args)
            return wrap(powerToDB(values, ref: ref, amin: amin, topDB: topDB))
        },
        Builtin("amplitude_to_db", [.required("S"), .named("ref", 1), .named("amin", 1e-5), .named("top_db", 80)],
                doc: "Amplitude to decibels as librosa.amplitude_to_db: power_to_db of S² with ref² and amin².") { args in
            let (values, wrap) = try decibelInput(args)
            let (ref, amin, topDB) = try decibelOptions(args)
            return wrap(amplitudeToDB(values, ref: ref, amin: amin, topDB: topDB))
        },
        Builtin("mfcc", [.optional("y", nil), .named("sr", nil), .named("S", nil), .named("n_mfcc", 20)] + framingParameters
                    + [.named("n_mels", 128), .named("fmin", 0), .named("fmax", nil)],
                doc: "MFCCs as librosa.feature.mfcc: orthonormal DCT-II of power_to_db(melspectrogram), or of a log-mel S: n_mfcc × frames.") { args in
            let input = try SpectralInput(args)
            let logMel: Spectrogram
            if case .spectrogram(let s) = input {
                logMel = s
            } else {
                let power = input.spectrogram(power: 2, framing: try STFTFraming(args))
                logMel = powerToDB(try melFilters(args, bins: power.bins, sr: try input.sampleRate(args)).apply(to: power))
            }
            let count = try args.positiveInt("n_mfcc")
            guard count <= logMel.bins else {
                throw ValueError.invalid("n_mfcc \(count) exceeds the \(logMel.bins) mel bands")
            }
            return .spectrogram(mfcc(logMelSpectrogram: logMel, nMFCC: count))
        },
    ]

    /// Spectral shape, frame energy and zero crossings, one row per feature (librosa's 1 × frames arrays).
    private static let shapeBuiltins: [Builtin] = [
        Builtin("spectral_centroid", [.optional("y", nil), .named("sr", nil), .named("S", nil)] + framingParameters,
                doc: "Spectral centroid per frame as librosa.feature.spectral_centroid of audio or a magnitude S: 1 × frames, in Hz.") { args in
            let (s, sr) = try magnitudeInput(args)
            return .frameFeature(spectralCentroid(magnitude: s, sr: sr))
        },
        Builtin("spectral_bandwidth", [.optional("y", nil), .named("sr", nil), .named("S", nil)] + framingParameters + [.named("p", 2)],
                doc: "Spectral bandwidth per frame as librosa.feature.spectral_bandwidth (order p about the centroid): 1 × frames, in Hz.") { args in
            let (s, sr) = try magnitudeInput(args)
            let p = try args.number("p")
            guard p > 0, p.isFinite else { throw ValueError.invalid("p must be a positive number, got \(p)") }
            return .frameFeature(spectralBandwidth(magnitude: s, sr: sr, p: p))
        },
        Builtin("spectral_rolloff", [.optional("y", nil), .named("sr", nil), .named("S", nil)] + framingParameters
                    + [.named("roll_percent", 0.85)],
                doc: "Roll-off frequency per frame as librosa.feature.spectral_rolloff (roll_percent of the energy below it): 1 × frames.") { args in
            let (s, sr) = try magnitudeInput(args)
            let percent = try args.number("roll_percent")
            guard percent > 0, percent < 1 else { throw ValueError.invalid("roll_percent must lie strictly between 0 and 1, got \(percent)") }
            return .frameFeature(spectralRolloff(magnitude: s, sr: sr, rollPercent: Float(percent)))
        },
        Builtin("spectral_contrast", [.optional("y", nil), .named("sr", nil), .named("S", nil)] + framingParameters
                    + [.named("fmin", 200), .named("n_bands", 6), .named("quantile", 0.02)],
                doc: "Spectral contrast as librosa.feature.spectral_contrast: peak minus valley in dB per octave band, (n_bands + 1) × frames.") { args in
            let (s, sr) = try magnitudeInput(args)
            let fmin = try args.number("fmin"), bands = try args.positiveInt("n_bands"), quantile = try args.number("quantile")
            guard quantile > 0, quantile < 1 else { throw ValueError.invalid("quantile must lie strictly between 0 and 1, got \(quantile)") }
            try checkContrastBands(bins: s.bins, sr: sr, fmin: fmin, nBands: bands)
            return .spectrogram(spectralContrast(magnitude: s, sr: sr, fmin: fmin, nBands: bands, quantile: quantile))
        },
        Builtin("zero_crossing_rate", [.required("y"), .named("frame_length", 2048), .named("hop_length", 512), .named("center", true)],
                doc: "Zero-crossing rate per frame as librosa.feature.zero_crossing_rate: 1 × frames fractions.") { args in
            let y = try args.samples("y").samples
            return .frameFeature(zeroCrossingRate(y, frameLength: try args.positiveInt("frame_length"),
                                                  hopLength: try args.positiveInt("hop_length"), center: try args.bool("center")))
        },
        Builtin("rms", [.required("y"), .named("frame_length", 2048), .named("hop_length", 512), .named("center", true)],
                doc: "Root-mean-square energy per frame as librosa.feature.rms(y=…): 1 × frames.") { args in
            let y = try args.samples("y").samples
            return .frameFeature(rms(y, frameLength: try args.positiveInt("frame_length"),
                                     hopLength: try args.positiveInt("hop_length"), center: try args.bool("center")))
        },
    ]

    /// HPSS, trimming and the augmentation effects; audio in, audio out.
    private static let effectBuiltins: [Builtin] = [
        Builtin("hpss", [.required("y"), .named("kernel_size", 31), .named("n_fft", 2048), .named("hop_length", 512)],
                doc: "Harmonic/percussive separation as librosa: audio gives [harmonic, percussive] audio (effects.hpss), an STFT or matrix gives two of the same (decompose.hpss).") { args in
            let kernel = try args.positiveInt("kernel_size")
            guard kernel % 2 == 1 else { throw ValueError.invalid("kernel_size must be odd, got \(kernel)") }
            switch args["y"] {
            case .object(let o as STFTObject):
                let (h, p) = hpss(o.spectrum, kernelSize: kernel)
                return .list([h, p].map { .object(STFTObject(spectrum: $0, framing: o.framing, sampleRate: o.sampleRate)) })
            case .matrix:
                let s = try args.spectrogram("y")
                let zero = [Float](repeating: 0, count: s.values.count)
                let (h, p) = hpss(ComplexSpectrogram(bins: s.bins, frames: s.frames, real: s.values, imag: zero), kernelSize: kernel)
                return .list([h, p].map { .spectrogram(Spectrogram(bins: $0.bins, frames: $0.frames, values: $0.real)) })
            default:
                let audio = try args.audio("y")
                let (h, p) = hpss(audio.samples, nFFT: try args.positiveInt("n_fft"), hopLength: try args.positiveInt("hop_length"),
                                  kernelSize: kernel)
                return .list([h, p].map { .audio(AudioBuffer(samples: $0, sampleRate: audio.sampleRate)) })
            }
        },
        Builtin("trim", [.required("y"), .optional("top_db", 30), .named("frame_length", 2048), .named("hop_length", 512)],
                doc: "The audio without leading and trailing silence (frames top_db below the loudest), as librosa.effects.trim.") { args in
            let audio = try args.audio("y")
            let kept = trim(audio.samples, topDB: try args.number("top_db"), frameLength: try args.positiveInt("frame_length"),
                            hopLength: try args.positiveInt("hop_length"))
            return .audio(AudioBuffer(samples: kept.samples, sampleRate: audio.sampleRate))
        },
        Builtin("add_noise", [.required("y"), .optional("noise_factor", 0.005), .named("seed", nil)],
                doc: "The audio plus noise_factor·N(0, 1) white noise (the notebook's augmentation); seed makes it repeatable.") { args in
            let audio = try args.audio("y")
            let amount = try args.number("noise_factor")
            let noisy: [Float]
            if let seed = try args.optionalInt("seed") {
                guard seed >= 0 else { throw ValueError.invalid("seed must not be negative, got \(seed)") }
                var rng = SeededGenerator(seed: UInt64(seed))
                noisy = addNoise(audio.samples, amount: amount, using: &rng)
            } else {
                var rng = SystemRandomNumberGenerator()
                noisy = addNoise(audio.samples, amount: amount, using: &rng)
            }
            return .audio(AudioBuffer(samples: noisy, sampleRate: audio.sampleRate))
        },
        Builtin("pitch_shift", [.required("y"), .required("n_steps"), .named("bins_per_octave", 12)],
                doc: "The audio shifted by n_steps semitones at the same length, as librosa.effects.pitch_shift (phase vocoder, soxr HQ).") { args in
            let audio = try nonEmptyAudio(args)
            let steps = try args.number("n_steps"), perOctave = try args.positiveInt("bins_per_octave")
            guard steps.isFinite, abs(steps / Double(perOctave)) <= 8 else {
                throw ValueError.invalid("n_steps must be a number of at most 8 octaves, got \(steps)")
            }
            let shifted = pitchShift(audio.samples, sr: Double(audio.sampleRate), steps: steps, binsPerOctave: Double(perOctave))
            return .audio(AudioBuffer(samples: shifted, sampleRate: audio.sampleRate))
        },
        Builtin("time_stretch", [.required("y"), .required("rate"), .named("n_fft", 2048)],
                doc: "The audio played rate times faster at the same pitch, as librosa.effects.time_stretch (phase vocoder).") { args in
            let audio = try nonEmptyAudio(args)
            let rate = try args.number("rate")
            guard rate > 0, rate.isFinite else { throw ValueError.invalid("rate must be a positive number, got \(rate)") }
            let stretched = timeStretch(audio.samples, rate: rate, nFFT: try args.positiveInt("n_fft"))
            return .audio(AudioBuffer(samples: stretched, sampleRate: audio.sampleRate))
        },
    ]

    /// The notebooks' named feature sets.
    private static let featureSetBuiltins: [Builtin] = [
        Builtin("feature_names", [.optional("set", "method1")],
                doc: "The column names of a feature set, one per value of its vector.") { args in
            .strings(try FeatureSet.named(try args.string("set")).columns)
        },
    ]

    /// The mel filter bank for a spectrogram of `bins` rows, from `n_mels`, `fmin` and `fmax`.
    private static func melFilters(_ args: Arguments, bins: Int, sr: Double) throws -> MelFilterBank {
        guard bins >= 2 else { throw ValueError.invalid("S has \(bins) rows; a spectrogram needs n_fft / 2 + 1 ≥ 2") }
        let mels = try args.positiveInt("n_mels"), fmin = try args.number("fmin")
        let fmax = try args.optionalNumber("fmax") ?? sr / 2
        guard fmin >= 0, fmax > fmin else { throw ValueError.invalid("the mel bands need 0 ≤ fmin < fmax, got \(fmin) and \(fmax)") }
        return MelFilterBank.shared(sr: sr, nFFT: 2 * (bins - 1), nMels: mels, fmin: fmin, fmax: fmax)
    }

    /// The magnitude spectrogram (of `y` or `S`) and sample rate of a spectral-shape builtin.
    private static func magnitudeInput(_ args: Arguments) throws -> (Spectrogram, Double) {
        let input = try SpectralInput(args)
        let s = input.spectrogram(power: 1, framing: try STFTFraming(args))
        guard s.bins >= 2 else { throw ValueError.invalid("S has \(s.bins) rows; a spectrogram needs n_fft / 2 + 1 ≥ 2") }
        return (s, try input.sampleRate(args))
    }

    /// Throws unless every octave band of spectral contrast lies below Nyquist and holds an FFT bin.
    private static func checkContrastBands(bins: Int, sr: Double, fmin: Double, nBands: Int) throws {
        guard fmin > 0 else { throw ValueError.invalid("fmin must be positive, got \(fmin)") }
        let edges = [0] + (0...nBands).map { fmin * pow(2, Double($0)) }
        guard edges[nBands] < sr / 2 else {
            throw ValueError.invalid("the band edge \(edges[nBands]) Hz (fmin·2^(n_bands−1)) is above Nyquist \(sr / 2) Hz; lower fmin or n_bands")
        }
        let frequencies = fftFrequencies(sr: sr, nFFT: 2 * (bins - 1))
        for k in 0...nBands where !frequencies.contains(where: { $0 >= edges[k] && $0 <= edges[k + 1] }) {
            throw ValueError.invalid("contrast band \(k) (\(edges[k])–\(edges[k + 1]) Hz) holds no FFT bin; use a larger n_fft")
        }
    }

    /// The values of `S` for the decibel builtins and how to give the result back: a list stays a list, anything
    /// else (a matrix, an STFT's magnitude) becomes a matrix of the same shape.
    private static func decibelInput(_ args: Arguments) throws -> ([Float], ([Float]) -> Value) {
        if case .list = args["S"], let values = try? args.floats("S") { return (values, { .floats($0) }) }
        let m = try args.matrix("S")
        return (m.values, { .matrix(Matrix(rows: m.rows, cols: m.cols, values: $0)) })
    }

    /// `ref` (a number or "max"), `amin` (positive) and `top_db` (nil or not negative).
    private static func decibelOptions(_ args: Arguments) throws -> (DecibelReference, Double, Double?) {
        let ref: DecibelReference
        switch args["ref"] {
        case .string("max"): ref = .max
        case .number(let x): ref = .value(x)
        default: throw ValueError.argumentType(function: args.function, parameter: "ref", expected: "a number or \"max\"",
                                               got: args["ref"].kindDescription)
        }
        let amin = try args.number("amin")
        guard amin > 0 else { throw ValueError.invalid("amin must be positive, got \(amin)") }
        let topDB = try args.optionalNumber("top_db")
        guard (topDB ?? 0) >= 0 else { throw ValueError.invalid("top_db must not be negative") }
        return (ref, amin, topDB)
    }

    /// The AudioBuffer `y`, which must hold samples.
    private static func nonEmptyAudio(_ args: Arguments) throws -> AudioBuffer {
        let audio = try args.audio("y")
        guard !audio.samples.isEmpty else { throw ValueError.invalid("the audio holds no samples") }
        return audio
    }
}
