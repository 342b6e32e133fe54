import Foundation
import Moodify
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Testing

/// Tiny method-2 bundles (one softmax layer over the 256 log-mel values) and test clips.
enum ClassifierFixture {
    static let classes = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]

    /// A bundle with seeded Glorot weights, a scaler that is not the identity, and optional metadata.
    static func bundle(featureSet: String = "method2", width: Int = 256, metadata: [String: String] = [:]) throws -> ModelBundle {
        let model = try Sequential(specs: [.dense(units: classes.count, activation: .softmax, l2: 0)], inputShape: [width], seed: 7)
        let mean = (0..<width).map { Float($0 % 13) - 40 }
        let scale = (0..<width).map { 5 + Float($0 % 7) }
        return try ModelBundle(model: model, featureSet: featureSet, scalerMean: mean, scalerScale: scale, labels: classes,
                               metadata: metadata)
    }

    /// `seconds` of a 220 Hz vowel-like tone with a 4 Hz tremolo and seeded noise, at `rate` Hz, between half-second silences.
    static func voice(seconds: Double, rate: Int = 22050) -> AudioBuffer {
        var rng = SeededGenerator(seed: 3)
        let silence = [Float](repeating: 0, count: rate / 2)
        let tone = (0..<Int(seconds * Double(rate))).map { i -> Float in
            let t = Double(i) / Double(rate)
            let voice = sin(2 * .pi * 220 * t) + 0.5 * sin(2 * .pi * 440 * t) + 0.25 * sin(2 * .pi * 660 * t)
            return Float(0.2 * (0.6 + 0.4 * sin(2 * .pi * 4 * t)) * voice) + 0.01 * (rng.nextUnitFloat() - 0.5)
        }
        return AudioBuffer(samples: silence + tone + silence, sampleRate: rate)
    }

    /// What the classifier should output, computed here step by step from MoodifyDSP and MoodifyLearn.
    static func expectedProbabilities(_ bundle: ModelBundle, rows: [[Float]]) throws -> [Float] {
        let scaled = try StandardScaler(mean: bundle.scalerMean!, scale: bundle.scalerScale!).transform(Matrix(rowArrays: rows))
        let width = scaled.cols
        let mean = (0..<width).map { c in (0..<scaled.rows).reduce(Float(0)) { $0 + scaled[$1, c] } / Float(scaled.rows) }
        return try bundle.makeModel().predict(Matrix(rows: 1, cols: width, values: mean)).values
    }
}

@Suite struct EmotionClassifierTests {
    @Test func theCardListsTheBundleAndItsMetadataInKeyOrder() throws {
        let classifier = try EmotionClassifier(bundle: try ClassifierFixture.bundle(
            metadata: ["protocol": "5-fold CV by actor", "cv_accuracy": "0.5 ± 0.1"]))
        #expect(classifier.card(path: "m.moodify") == """
            Model m.moodify · features method2 · classes \(ClassifierFixture.classes.joined(separator: " "))
            cv_accuracy: 0.5 ± 0.1
            protocol:    5-fold CV by actor
            """)
    }

    @Test func predictsWhatTheStepsGive() throws {
        let bundle = try ClassifierFixture.bundle()
        let classifier = try EmotionClassifier(bundle: bundle)
        #expect(classifier.classes == ClassifierFixture.classes && classifier.featureSet == "method2" && !classifier.averagesAugmentations)
        let audio = ClassifierFixture.voice(seconds: 1.5)
        let prediction = try classifier.predict(audio)
        let expected = try ClassifierFixture.expectedProbabilities(bundle, rows: [try FeatureSet.method2.vector(for: audio)])
        // Same float32 arithmetic in the same order: the probabilities agree exactly.
        #expect(prediction.orderedProbabilities == expected.map(Double.init))
        #expect(prediction.classes == ClassifierFixture.classes)
        #expect(prediction.emotion == ClassifierFixture.classes[expected.indices.max { expected[$0] < expected[$1] }!])
        #expect(abs(prediction.orderedProbabilities.reduce(0, +) - 1) < 1e-5)  // softmax in float32
        #expect(abs(prediction.duration - 2.5) < 1e-9 && !prediction.truncated)
        // Trimming keeps the tone (1.5 s) plus at most half a 2048-sample RMS frame and one 512-sample hop of
        // silence at each edge (1536 samples, 0.07 s): centred frames reach into the silence.
        #expect(prediction.analysedDuration >= 1.5 && prediction.analysedDuration < 1.5 + 2 * 0.07)
    }

    @Test func otherSampleRatesAreResampledFirst() throws {
        let classifier = try EmotionClassifier(bundle: try ClassifierFixture.bundle())
        let audio = ClassifierFixture.voice(seconds: 1, rate: 16000)
        let resampled = AudioBuffer(samples: Resampler.resample(audio.samples, from: 16000, to: 22050), sampleRate: 22050)
        #expect(try classifier.predict(audio).probabilities == (try classifier.predict(resampled)).probabilities)
    }

    @Test func augmentAverageBundlesAverageTheFourScaledVersions() throws {
        let bundle = try ClassifierFixture.bundle(metadata: [EmotionClassifier.augmentAverageKey: "true"])
        let classifier = try EmotionClassifier(bundle: bundle)
        #expect(classifier.averagesAugmentations)
        let audio = ClassifierFixture.voice(seconds: 1)
        var rng = SeededGenerator(seed: 42)
        let rows = try FeatureSet.method2.rows(for: audio, augment: true, using: &rng)
        #expect(rows.count == 4)
        let expected = try ClassifierFixture.expectedProbabilities(bundle, rows: rows)
        let got = try classifier.predict(audio).orderedProbabilities
        // The average of four scaled rows is summed in a different order here: float32 rounding, far below 1e-5.
        for (g, e) in zip(got, expected) { #expect(abs(g - Double(e)) < 1e-5) }
        #expect(try classifier.predict(audio).orderedProbabilities == got)  // deterministic
    }

    @Test func silenceAndClicksAreNoSpeech() throws {
        let classifier = try EmotionClassifier(bundle: try ClassifierFixture.bundle())
        #expect(throws: ClassifierError.noSpeech(seconds: 0)) {
            try classifier.predict(AudioBuffer(samples: [Float](repeating: 0, count: 22050), sampleRate: 22050))
        }
        #expect(throws: ClassifierError.noSpeech(seconds: 0)) { try classifier.predict(AudioBuffer(samples: [], sampleRate: 22050)) }
        var click = [Float](repeating: 0, count: 44100)
        click[22050] = 0.9
        #expect {
            try classifier.predict(AudioBuffer(samples: click, sampleRate: 22050))
        } throws: { error in
            guard case ClassifierError.noSpeech(let seconds) = error else { return false }
            return seconds < ClassifierError.minimumSpeech && error.localizedDescription.isEmpty == false
        }
        #expect(ClassifierError.noSpeech(seconds: 0.05).description.contains("at least 0.2 s of speech"))
    }

    @Test func longClipsAreCutAtThirtySeconds() throws {
        let classifier = try EmotionClassifier(bundle: try ClassifierFixture.bundle())
        let prediction = try classifier.predict(ClassifierFixture.voice(seconds: 31))
        #expect(prediction.truncated && abs(prediction.duration - 32) < 1e-9)
        // 30 s minus the leading half second of silence, of which trimming keeps at most 0.07 s (see above).
        #expect(prediction.analysedDuration >= 29.5 && prediction.analysedDuration < 29.5 + 0.07)
    }

    @Test func bundlesThatDoNotFitAreRefused() throws {
        #expect {
            try EmotionClassifier(bundle: try ClassifierFixture.bundle(featureSet: "method1"))
        } throws: { error in
            guard case ClassifierError.featureSetMismatch(featureSet: "method1", _) = error else { return false }
            return "\(error)".contains("140 values")
        }
        #expect {
            try EmotionClassifier(bundle: try ClassifierFixture.bundle(featureSet: "mfcc13"))
        } throws: { error in
            if case ClassifierError.featureSetMismatch(featureSet: "mfcc13", _) = error { return true }
            return false
        }
        var unlabeled = try ClassifierFixture.bundle()
        unlabeled.labels = nil
        #expect(throws: ClassifierError.invalidBundle("it holds no class labels")) { try EmotionClassifier(bundle: unlabeled) }
        var repeated = try ClassifierFixture.bundle()
        repeated.labels = ["ANG", "DIS", "FEA", "HAP", "NEU", "ANG"]
        #expect(throws: ClassifierError.invalidBundle("its class labels [\"ANG\", \"DIS\", \"FEA\", \"HAP\", \"NEU\", \"ANG\"] repeat a name")) {
            try EmotionClassifier(bundle: repeated)
        }
        var fewer = try ClassifierFixture.bundle()
        fewer.labels = ["ANG", "SAD"]
        #expect(throws: ClassifierError.invalidBundle("the network has 6 outputs but the bundle names 2 classes")) {
            try EmotionClassifier(bundle: fewer)
        }
    }

    @Test func filesRoundTripAndDecodeErrorsAreWrapped() throws {
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundlePath = folder + "/tiny.mdfy"
        let bundle = try ClassifierFixture.bundle()
        try bundle.save(to: URL(fileURLWithPath: bundlePath))
        let classifier = try EmotionClassifier(contentsOf: bundlePath)
        let wav = folder + "/voice.wav"
        let audio = ClassifierFixture.voice(seconds: 1)
        try audio.write(to: wav, format: .float32)
        #expect(try classifier.predict(file: wav) == (try classifier.predict(audio)))
        let text = folder + "/notes.wav"
        try "not audio".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: ClassifierError.audio(.notAudio(path: text))) { try classifier.predict(file: text) }
        #expect(throws: ClassifierError.bundle(.notABundle)) { try EmotionClassifier(contentsOf: text) }
        let missing = folder + "/missing.mdfy"
        #expect { try EmotionClassifier(contentsOf: missing) } throws: { error in
            if case ClassifierError.bundle(.io(path: missing, _)) = error { return true }
            return false
        }
    }

    @Test func predictionPrintsAsTheNotebookAndEncodesAsJSON() throws {
        let prediction = Prediction(classes: ["ANG", "SAD"], probabilities: [0.629312, 0.370688], duration: 2, analysedDuration: 1.8,
                                    truncated: false)
        #expect(prediction.emotion == "ANG")
        #expect(prediction.description == "Prediction Probabilities:\nANG: 62.93%\nSAD: 37.07%")
        let decoded = try JSONDecoder().decode(Prediction.self, from: try JSONEncoder().encode(prediction))
        #expect(decoded == prediction)
    }

    @Test func realClipFromTheCorpus() throws {
        guard CorpusFixture.available else {
            print("Skipping: the development corpus is not at \(CorpusFixture.path) (set MOODIFY_AUDIO).")
            return
        }
        let path = CorpusFixture.path + "/1001_DFA_ANG_XX.flac"
        let classifier = try EmotionClassifier(bundle: try ClassifierFixture.bundle())
        let prediction = try classifier.predict(file: path)
        let audio = try AudioBuffer(contentsOf: path)
        #expect(abs(prediction.duration - audio.duration) < 0.001)  // one sample at the two rates
        let expected = try ClassifierFixture.expectedProbabilities(try ClassifierFixture.bundle(), rows: [try FeatureSet.method2.vector(for: audio)])
        #expect(prediction.orderedProbabilities == expected.map(Double.init))
    }
}
