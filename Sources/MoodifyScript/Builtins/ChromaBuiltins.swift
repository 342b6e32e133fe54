import MoodifyDSP

extension Builtins {
    /// Pitch-class analysis as librosa's: chroma from the STFT or the constant-Q transform, tonnetz, tuning.
    static let chroma: [Builtin] = [
        Builtin("chroma_stft", [.optional("y", nil), .named("sr", nil), .named("S", nil), .named("norm", .number(.infinity))]
                    + framingParameters + [.named("tuning", nil), .named("n_chroma", 12)],
                doc: "Chromagram as librosa.feature.chroma_stft of audio or a power S (tuning estimated unless given): n_chroma × frames, C first.") { args in
            let input = try SpectralInput(args)
            let power = input.spectrogram(power: 2, framing: try STFTFraming(args))
            return .spectrogram(try chromaSTFT(power: power, sr: try input.sampleRate(args), tuning: try args.optionalNumber("tuning"),
                                               nChroma: try args.positiveInt("n_chroma"), norm: try args.optionalNumber("norm")))
        },
        Builtin("cqt", [.required("y"), .named("sr", nil), .named("hop_length", 512), .named("fmin", nil), .named("n_bins", 84),
                        .named("bins_per_octave", 12), .named("tuning", 0), .named("filter_scale", 1), .named("norm", 1),
                        .named("sparsity", 0.01), .named("window", "hann"), .named("scale", true)],
                doc: "Constant-Q transform magnitude as abs(librosa.cqt): n_bins × frames from fmin (C1 by default), tuning nil estimates it.") { args in
            let (y, rate) = try args.samples("y")
            let input = SpectralInput.samples(y, rate: rate)
            let c = try cqt(y, sr: try input.sampleRate(args), hopLength: try args.int("hop_length"),
                            fmin: try args.optionalNumber("fmin"), nBins: try args.int("n_bins"),
                            binsPerOctave: try args.int("bins_per_octave"), tuning: try args.optionalNumber("tuning"),
                            filterScale: try args.number("filter_scale"), norm: try args.optionalNumber("norm"),
                            sparsity: try args.number("sparsity"), window: try args.window("window"), scale: try args.bool("scale"))
            return .spectrogram(c.magnitude())
        },
        Builtin("chroma_cqt", [.optional("y", nil), .named("sr", nil), .named("C", nil), .named("hop_length", 512),
                               .named("fmin", nil), .named("norm", .number(.infinity)), .named("threshold", 0),
                               .named("tuning", nil), .named("n_chroma", 12), .named("n_octaves", 7), .named("bins_per_octave", 36)],
                doc: "Constant-Q chromagram as librosa.feature.chroma_cqt of audio or a CQT magnitude C: n_chroma × frames, C first.") { args in
            let input = try SpectralInput(args, spectrogram: "C")
            let fmin = try args.optionalNumber("fmin"), norm = try args.optionalNumber("norm")
            let threshold = Float(try args.number("threshold"))
            let nChroma = try args.int("n_chroma"), perOctave = try args.int("bins_per_octave")
            switch input {
            case .samples(let y, _):
                return .spectrogram(try chromaCQT(y, sr: try input.sampleRate(args), hopLength: try args.int("hop_length"),
                                                  fmin: fmin, norm: norm, threshold: threshold,
                                                  tuning: try args.optionalNumber("tuning"), nChroma: nChroma,
                                                  nOctaves: try args.int("n_octaves"), binsPerOctave: perOctave))
            case .spectrogram(let c):
                return .spectrogram(try chromaCQT(magnitude: c, binsPerOctave: perOctave, nChroma: nChroma, fmin: fmin,
                                                  norm: norm, threshold: threshold))
            case .stft:
                throw ValueError.invalid("C must be a constant-Q magnitude (from cqt), not an STFT")
            }
        },
        Builtin("tonnetz", [.optional("y", nil), .named("sr", nil), .named("chroma", nil), .named("tuning", nil)],
                doc: "Tonal centroid features as librosa.feature.tonnetz (from chroma_cqt of the audio, or of a given chroma): 6 × frames.") { args in
            if args.optional("chroma") != nil {
                guard args.optional("y") == nil else { throw ValueError.invalid("give either y or chroma, not both") }
                return .spectrogram(tonnetz(chroma: try args.spectrogram("chroma")))
            }
            let input = try SpectralInput(args, spectrogram: "chroma")
            return .spectrogram(try tonnetz(try input.samples(), sr: try input.sampleRate(args), tuning: try args.optionalNumber("tuning")))
        },
        Builtin("estimate_tuning", [.optional("y", nil), .named("sr", nil), .named("S", nil), .named("n_fft", 2048),
                                    .named("resolution", 0.01), .named("bins_per_octave", 12)],
                doc: "Tuning offset in fractions of a bin as librosa.estimate_tuning, from audio or a magnitude S (piptrack peaks).") { args in
            let input = try SpectralInput(args)
            let sr = try input.sampleRate(args), resolution = try args.number("resolution")
            let perOctave = try args.int("bins_per_octave")
            switch input {
            case .samples(let y, _):
                return .number(try estimateTuning(y, sr: sr, nFFT: try args.int("n_fft"), resolution: resolution,
                                                  binsPerOctave: perOctave))
            case .stft(let d):
                return .number(try estimateTuning(spectrogram: d.spectrum.magnitude(), sr: sr, resolution: resolution,
                                                  binsPerOctave: perOctave))
            case .spectrogram(let s):
                return .number(try estimateTuning(spectrogram: s, sr: sr, resolution: resolution, binsPerOctave: perOctave))
            }
        },
    ]
}
