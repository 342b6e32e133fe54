import Foundation
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Testing
@testable import MoodifyScript

/// The features and chroma builtins: each compared with the MoodifyDSP function it wraps (same arithmetic, so
/// equal values), with librosa's goldens where cheap, and with what synthetic signals must give.
@Suite struct FeatureBuiltinsTests {
    /// 0.5 s of a 440 Hz sine at 22,050 Hz, amplitude 0.5: the "sine440" signal of Scripts/goldens_dsp.py.
    static let sine: [Float] = (0..<11025).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 22050)) }

    /// 5,000 zeros, 10,000 samples of a 300 Hz sine (amplitude 0.4), 7,000 zeros: the generator's "gated" signal.
    static let gated: [Float] = [Float](repeating: 0, count: 5000)
        + (0..<10000).map { Float(0.4 * sin(2 * Double.pi * 300 * Double($0) / 22050)) } + [Float](repeating: 0, count: 7000)

    /// An interpreter holding `a` (the sine) and `g` (the gated sine) as AudioBuffers at 22,050 Hz.
    private func session() -> Interpreter {
        let i = Interpreter { _ in }
        i.setVariable("a", .audio(AudioBuffer(samples: Self.sine, sampleRate: 22050)))
        i.setVariable("g", .audio(AudioBuffer(samples: Self.gated, sampleRate: 22050)))
        return i
    }

    @Test func stftGivesAnObjectWithMagnitudePowerAndShape() throws {
        let i = session()
        let d = stft(Self.sine)
        #expect(try i.run("D = stft(a)\n[D.shape, D.n_fft, D.hop_length, len(D), type(D)]") == [[1025, 22], 2048, 512, 1025, "STFT"])
        #expect(try matrix(i, "D.magnitude") == Matrix(rows: 1025, cols: 22, values: d.magnitude().values))
        #expect(try matrix(i, "D.power") == Matrix(rows: 1025, cols: 22, values: d.power().values))
        #expect(try matrix(i, "D.real").values == d.real)
        #expect(try matrix(i, "matrix(D)").values == d.magnitude().values)
        let short = stft(Self.sine, nFFT: 512, hopLength: 100, winLength: 400)
        #expect(try matrix(i, "stft(a, n_fft: 512, hop_length: 100, win_length: 400).magnitude").values == short.magnitude().values)
        #expect(errorMessageIn(i, "stft(a, n_fft: 256, win_length: 512)") == "stft: win_length 512 exceeds n_fft 256")
        #expect(errorMessageIn(i, "stft(a, window: \"kaiser\")") == "stft: window must be \"hann\" or \"boxcar\", got \"kaiser\"")
        #expect(errorMessageIn(i, "stft(a, n_fft: 0)") == "stft: n_fft must be a positive integer, got 0")
    }

    @Test func istftInvertsTheSTFT() throws {
        let i = session()
        try i.run("y = istft(stft(a), length: len(a))\nz = istft(stft(a, hop_length: 256))")
        let y = try samples(i, "y"), z = try samples(i, "z")
        // A Hann window at hop n_fft/4 reconstructs exactly up to float32 rounding of values of size 0.5.
        #expect(y.count == Self.sine.count && zip(y, Self.sine).allSatisfy { abs($0 - $1) < 1e-5 })
        // Without length, librosa's length: n_fft + hop · (frames − 1) − n_fft, with the STFT's own hop.
        #expect(z.count == 256 * (stft(Self.sine, hopLength: 256).frames - 1))
        #expect(try i.run("istft(stft(a)).sr") == 22050)
        #expect(errorMessageIn(i, "istft(stft(a), n_fft: 1024)") == "istft: an STFT of 1025 rows cannot come from n_fft 1024")
        #expect(errorMessageIn(i, "istft(a)") == "istft: expected an STFT (from stft) for stft_matrix, got an AudioBuffer")
    }

    @Test func melspectrogramMfccAndDecibelsMatchMoodifyDSP() throws {
        let i = session()
        let mel = melspectrogram(Self.sine)
        #expect(try matrix(i, "melspectrogram(a)").values == mel.values)
        #expect(try matrix(i, "melspectrogram(S: stft(a))").values == mel.values)
        #expect(try matrix(i, "melspectrogram(S: stft(a).power)").values == mel.values)
        let mel64 = MelFilterBank(sr: 22050, nFFT: 1024, nMels: 64, fmin: 50, fmax: 8000)
            .apply(to: spectrogram(Self.sine, nFFT: 1024, hopLength: 256, power: 1))
        #expect(try matrix(i, "melspectrogram(a, n_fft: 1024, hop_length: 256, n_mels: 64, power: 1, fmin: 50, fmax: 8000)").values == mel64.values)
        #expect(try matrix(i, "power_to_db(melspectrogram(a), ref: \"max\")").values == powerToDB(mel, ref: .max).values)
        #expect(try i.run("power_to_db([1, 10, 100, 0])") == [0, 10, 20, -60])  // amin 1e-10 → −100, floored 80 dB below 20
        #expect(try i.run("amplitude_to_db([1, 10], top_db: nil)") == [0, 20])
        let coefficients = mfcc(Self.sine, nMFCC: 40)
        #expect(try matrix(i, "mfcc(a, n_mfcc: 40)").values == coefficients.values)
        #expect(try matrix(i, "mfcc(S: power_to_db(melspectrogram(a)), n_mfcc: 40)").values == coefficients.values)
        #expect(try i.run("mfcc(a).shape") == [20, 22])
        #expect(errorMessageIn(i, "mfcc(a, n_mfcc: 200)") == "mfcc: n_mfcc 200 exceeds the 128 mel bands")
        #expect(errorMessageIn(i, "power_to_db([1], ref: \"min\")") == "power_to_db: expected a number or \"max\" for ref, got a string")
        #expect(errorMessageIn(i, "melspectrogram()") == "melspectrogram: give audio as y or a spectrogram as S:")
        #expect(errorMessageIn(i, "melspectrogram(a, S: stft(a))") == "melspectrogram: give either y or S, not both")
    }

    @Test func spectralShapeOfASineMatchesLibrosa() throws {
        let i = session()
        // librosa 0.11 on sine440 (Tests/MoodifyDSPTests/Golden/functions.json): frames 0–3 of centroid, rolloff,
        // rms, zcr. Tolerances as the DSP parity tests: 0.1 Hz, 1e-3 Hz, 1e-6 · peak, 1e-7.
        let centroid = try row(i, "spectral_centroid(a)")
        #expect(centroid.count == 22)
        expectClose(centroid.prefix(4), [607.3338, 541.3148, 440.2554, 440.2484], 0.1)
        expectClose(try row(i, "spectral_rolloff(a)").prefix(3), [602.9297, 484.4971, 452.1973], 1e-3)
        expectClose(try row(i, "rms(a)").prefix(3), [0.2503386, 0.3057449, 0.3538466], 1e-6 * 0.5)
        expectClose(try row(i, "zero_crossing_rate(a)").prefix(3), [0.01953125, 0.02978516, 0.03955078], 1e-7)
        // The same from a given magnitude spectrogram, and the rest against MoodifyDSP.
        let m = stft(Self.sine).magnitude()
        #expect(try row(i, "spectral_centroid(S: stft(a).magnitude)") == spectralCentroid(magnitude: m))
        #expect(try row(i, "spectral_bandwidth(a)") == spectralBandwidth(magnitude: m))
        #expect(try row(i, "spectral_bandwidth(a, p: 1)") == spectralBandwidth(magnitude: m, p: 1))
        #expect(try matrix(i, "spectral_contrast(a)").values == spectralContrast(magnitude: m).values)
        #expect(try i.run("spectral_contrast(S: stft(a), n_bands: 4).shape") == [5, 22])
        #expect(errorMessageIn(i, "spectral_contrast(a, fmin: 2000)")
            == "spectral_contrast: the band edge 64000.0 Hz (fmin·2^(n_bands−1)) is above Nyquist 11025.0 Hz; lower fmin or n_bands")
        #expect(errorMessageIn(i, "spectral_rolloff(a, roll_percent: 1)") == "spectral_rolloff: roll_percent must lie strictly between 0 and 1, got 1.0")
        #expect(errorMessageIn(i, "spectral_centroid(stft(a).magnitude)")
            == "spectral_centroid: y is a 1025×22 matrix; pass a spectrogram as S:")
    }

    @Test func chromaOfA440PeaksAtA() throws {
        let i = session()
        // Pitch class 9 (A) holds the peak of every inner frame; ∞-normalised, so it is exactly 1.
        let chroma = try matrix(i, "chroma_stft(a)")
        #expect(chroma.rows == 12 && chroma.cols == 22)
        #expect((2..<20).allSatisfy { t in chroma[9, t] == 1 })
        #expect(chroma.values == (try chromaSTFT(Self.sine)).values)
        #expect(try matrix(i, "chroma_stft(S: stft(a))").values == chroma.values)
        // An exact A440 has no tuning offset: within one histogram cell (resolution 0.01 of a semitone) and the
        // bias of piptrack's parabolic interpolation, which is well under a cell.
        #expect(abs(try number(i, "estimate_tuning(a)")) <= 0.015)
        #expect(try number(i, "estimate_tuning(S: stft(a))") == (try estimateTuning(Self.sine)))
        let c = try cqt(Self.sine).magnitude()
        #expect(try matrix(i, "cqt(a)").values == c.values)
        // A4 is bin 45 of 84 from C1 (three octaves and 9 semitones up): the loudest bin of an inner frame.
        #expect(try i.run("C = cqt(a)\nC.shape") == [84, 22])
        let column = (0..<84).map { c[$0, 11] }
        #expect(column.firstIndex(of: column.max()!) == 45)
        let chromaCQ = try chromaCQT(Self.sine)
        #expect(try matrix(i, "chroma_cqt(a)").values == chromaCQ.values)
        #expect(try matrix(i, "chroma_cqt(C: cqt(a, n_bins: 84, bins_per_octave: 12), bins_per_octave: 12)").values
            == (try chromaCQT(magnitude: c, binsPerOctave: 12)).values)
        #expect(try matrix(i, "tonnetz(a)").values == (try tonnetz(Self.sine)).values)
        #expect(try matrix(i, "tonnetz(chroma: chroma_cqt(a))").values == tonnetz(chroma: chromaCQ).values)
        #expect(errorMessageIn(i, "chroma_cqt(a, n_chroma: 7)")
            == "chroma_cqt: The CQT's 36 bins per octave are not a whole multiple of the 7 chroma bins.")
        #expect(errorMessageIn(i, "tonnetz(a, chroma: chroma_cqt(a))") == "tonnetz: give either y or chroma, not both")
    }

    @Test func hpssSplitsAudioSpectraAndMatrices() throws {
        let i = session()
        try i.run("h, p = hpss(a)")
        let (h, p) = hpss(Self.sine)
        #expect(try samples(i, "h") == h)
        #expect(try samples(i, "p") == p)
        // The soft masks sum to one, so the parts add up to the signal (float32 rounding of values of size 0.5).
        #expect(zip(zip(h, p), Self.sine).allSatisfy { abs($0.0 + $0.1 - $1) < 1e-5 })
        #expect(try i.run("parts = hpss(stft(a))\n[type(parts[0]), parts[1].shape]") == ["STFT", [1025, 22]])
        let spectral = MoodifyDSP.hpss(stft(Self.sine))
        #expect(try matrix(i, "parts[0].real").values == spectral.harmonic.real)
        #expect(try i.run("hpss(stft(a).magnitude)[1].shape") == [1025, 22])
        #expect(errorMessageIn(i, "hpss(a, kernel_size: 4)") == "hpss: kernel_size must be odd, got 4")
    }

    @Test func trimAndEffectsReturnAudio() throws {
        let i = session()
        // librosa's trim of the gated signal keeps samples 4096..<16384 (functions.json).
        try i.run("t = trim(g)")
        #expect(try samples(i, "t") == Array(Self.gated[4096..<16384]))
        #expect(try i.run("[len(time_stretch(a, 0.8)), len(time_stretch(a, 1.25)), len(pitch_shift(a, 2)), pitch_shift(a, 2).sr]")
            == [13781, 8820, 11025, 22050])
        #expect(try samples(i, "time_stretch(a, 0.8)") == timeStretch(Self.sine, rate: 0.8))
        #expect(try samples(i, "pitch_shift(a, -3)") == pitchShift(Self.sine, sr: 22050, steps: -3))
        // Seeded noise repeats; its spread is noise_factor (0.005) within sampling error (11,025 draws: ±3 %).
        try i.run("n1 = add_noise(a, seed: 7)\nn2 = add_noise(a, 0.005, seed: 7)\nn3 = add_noise(a, seed: 8)")
        let n1 = try samples(i, "n1"), n2 = try samples(i, "n2"), n3 = try samples(i, "n3")
        #expect(n1 == n2 && n1 != n3)
        let noise = zip(n1, Self.sine).map { Double($0 - $1) }
        let std = (noise.map { $0 * $0 }.reduce(0, +) / Double(noise.count)).squareRoot()
        #expect(abs(std - 0.005) < 0.005 * 0.03)
        #expect(errorMessageIn(i, "time_stretch(a, 0)") == "time_stretch: rate must be a positive number, got 0.0")
        i.setVariable("nothing", .audio(AudioBuffer(samples: [], sampleRate: 22050)))
        #expect(errorMessageIn(i, "pitch_shift(nothing, 2)") == "pitch_shift: the audio holds no samples")
        #expect(errorMessageIn(i, "trim([1, 2])") == "trim: expected an AudioBuffer for y, got a list")
    }

    @Test func featuresOfOneClipAreTheFeatureSetsVector() throws {
        let i = session()
        // A 22,050 Hz clip is trimmed and measured as FeatureSet does it.
        let audio = AudioBuffer(samples: Self.gated, sampleRate: 22050)
        #expect(try floats(i, "features(g)") == (try FeatureSet.method1.vector(for: audio)))
        #expect(try floats(i, "features(g, set: \"method2\")") == (try FeatureSet.method2.vector(for: audio)))
        #expect(try i.run("[len(feature_names()), len(feature_names(\"method2\")), feature_names()[0], feature_names()[139]]")
            == [140, 256, "zcr_mean", "percussive_std"])
        #expect(errorMessageIn(i, "features(g, set: \"method9\")")
            == "features: There is no feature set named \"method9\"; the known sets are \"method1\", \"method2\", \"mfcc40\", \"prosody\", \"method3\", \"speech_stats\", \"logmel_frames\", \"logmel_env_prosody_frames\".")
    }

    @Test(.enabled(if: DevCorpus.available, "needs ../shared/corpus/crema-d-dev (or MOODIFY_AUDIO)"))
    func featuresOfARealClipMatchLibrosa() throws {
        let i = Interpreter { _ in }
        let path = DevCorpus.clip("1001_DFA_ANG_XX")
        try i.run("x = features(load(\"\(path)\"))")
        let ours = try floats(i, "x")
        #expect(ours == (try FeatureSet.method1.vector(for: AudioBuffer(contentsOf: path))))
        // librosa's method-1 vector of this clip (Tests/MoodifyDSPTests/Golden/features.json): zcr mean and std,
        // rms mean. Tolerances: 1e-6 of each value's size, float32 accumulation over ~80 frames.
        let golden = try goldenMethod1("1001_DFA_ANG_XX.flac")
        expectClose(ours.prefix(3), golden.prefix(3), 1e-6 * max(1, golden.prefix(3).map(abs).max()!))
    }
}

// MARK: - Helpers

/// The matrix `code` evaluates to.
private func matrix(_ i: Interpreter, _ code: String) throws -> Matrix {
    try #require(try i.run(code)).asMatrix()
}

/// The single row of the 1 × frames matrix `code` evaluates to.
private func row(_ i: Interpreter, _ code: String) throws -> [Float] {
    let m = try matrix(i, code)
    try #require(m.rows == 1, "\(code) gave \(m.rows) rows")
    return m.values
}

/// The numbers of the list `code` evaluates to.
private func floats(_ i: Interpreter, _ code: String) throws -> [Float] { try #require(try i.run(code)).asFloats() }

/// The number `code` evaluates to.
private func number(_ i: Interpreter, _ code: String) throws -> Double {
    guard case .number(let x)? = try i.run(code) else { throw ValueError.invalid("\(code) is not a number") }
    return x
}

/// The samples of the AudioBuffer `code` evaluates to.
private func samples(_ i: Interpreter, _ code: String) throws -> [Float] {
    guard case .object(let o)? = try i.run(code), let audio = o as? AudioBufferObject else {
        throw ValueError.invalid("\(code) is not an AudioBuffer")
    }
    return audio.buffer.samples
}

/// Checks `ours` against librosa's values within `tolerance`.
private func expectClose(_ ours: some Collection<Float>, _ theirs: some Collection<Double>, _ tolerance: Double,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(ours.count == theirs.count, sourceLocation: sourceLocation)
    for (a, b) in zip(ours, theirs) {
        #expect(abs(Double(a) - b) <= tolerance, "ours \(a), librosa \(b)", sourceLocation: sourceLocation)
    }
}

/// librosa's method-1 vector of corpus clip `file`, from the DSP tests' golden features.json.
private func goldenMethod1(_ file: String) throws -> [Double] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("MoodifyDSPTests/Golden/features.json")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    let entry = try #require(entries.first { $0["file"] as? String == file }, "features.json has no \(file)")
    return try #require(entry["method1"] as? [Double])
}
