import Foundation
import Moodify
import MoodifyAudio
import MoodifyLearn
import Testing

@Suite struct EvaluationTests {
    /// A folder of four CREMA-D-named clips: three voices of different lengths and one second of silence.
    private func corpusFolder() throws -> (folder: String, corpus: Corpus) {
        let folder = try CorpusFixture.temporaryFolder()
        let clips: [(String, AudioBuffer)] = [
            ("1001_DFA_ANG_XX.wav", ClassifierFixture.voice(seconds: 1)),
            ("1001_IEO_SAD_LO.wav", ClassifierFixture.voice(seconds: 1.6)),
            ("1002_DFA_HAP_XX.wav", AudioBuffer(samples: [Float](repeating: 0, count: 22050), sampleRate: 22050)),
            ("1002_IEO_NEU_XX.wav", ClassifierFixture.voice(seconds: 0.7)),
        ]
        for (name, audio) in clips { try audio.write(to: folder + "/" + name, format: .float32) }
        return (folder, try Corpus(path: folder))
    }

    @Test func aCorpusIsScoredAsPredictFileSeesEachClip() throws {
        let (folder, corpus) = try corpusFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let classifier = try EmotionClassifier(bundle: try ClassifierFixture.bundle())
        let report = try classifier.evaluate(corpus, workers: 2, showsProgress: false)
        #expect(report.predictions.map(\.path) == [0, 1, 3].map { corpus.files[$0] })  // corpus order
        #expect(report.skipped.map(\.file) == [corpus.files[2]])  // the silent clip
        #expect(report.skipped[0].reason.contains("above the silence threshold"))
        for p in report.predictions {
            let expected = try classifier.predict(file: p.path)
            #expect(p.probabilities == expected.orderedProbabilities && p.predicted == expected.emotion)
        }
        #expect(report.predictions.map(\.actual) == ["ANG", "SAD", "NEU"])
        let hits = report.predictions.filter { $0.actual == $0.predicted }.count
        #expect(report.accuracy == Double(hits) / 3)
        let labels = report.labels
        #expect(report.report.text == (try ClassificationReport(yTrue: report.yTrue, yPred: report.yPred, labels: labels)).text)
        #expect(report.confusion.joined().reduce(0, +) == 3)
        #expect(report.uar == (try balancedAccuracy(report.yTrue, report.yPred)))
        #expect(report.probabilities.shape == [3, 6])
        #expect(report.actualClassCodes == report.predictions.map { ClassifierFixture.classes.firstIndex(of: $0.actual)! })
    }

    @Test func aTableIsScoredFromItsRowsAveragingVersionsWhenTheBundleDoes() throws {
        let (folder, corpus) = try corpusFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let table = FeatureExtractor(featureSet: .method2, augment: true, seed: 42, cache: nil, workers: 2, showsProgress: false).extract(corpus)
        let plain = try EmotionClassifier(bundle: try ClassifierFixture.bundle())
        let averaging = try EmotionClassifier(bundle: try ClassifierFixture.bundle(metadata: [EmotionClassifier.augmentAverageKey: "true"]))
        let fromTable = try plain.evaluate(table), averaged = try averaging.evaluate(table)
        #expect(fromTable.predictions.map(\.path) == corpus.files)  // the table has no speech check
        for (clip, original) in table.originalRows.enumerated() {
            #expect(fromTable.predictions[clip].probabilities == (try plain.probabilities(featureRows: table.X.rows([original]))))
            let versions = Array(original..<(original + 4))
            #expect(table.clips[versions[3]] == table.clips[original])
            #expect(averaged.predictions[clip].probabilities == (try averaging.probabilities(featureRows: table.X.rows(versions))))
        }
        // The same features as predict(file:) computes for a 22,050 Hz clip: identical probabilities.
        let fromFiles = try plain.evaluate(corpus, workers: 1, showsProgress: false)
        for p in fromFiles.predictions {
            #expect(fromTable.predictions.first { $0.path == p.path }!.probabilities == p.probabilities)
        }
        let originalsOnly = FeatureExtractor(featureSet: .method2, cache: nil, workers: 1, showsProgress: false).extract(corpus)
        #expect(throws: ClassifierError.featureSetMismatch(featureSet: "method2",
                                                           reason: "the bundle averages four augmented versions per clip but the table has none (make it with augment: true)")) {
            try averaging.evaluate(originalsOnly)
        }
    }

    @Test func labelsAreTheClassesSeenThenUnknownActualLabels() throws {
        let predictions = [("ANG", "ANG"), ("SAD", "ANG"), ("CAL", "SAD"), ("ANG", "ANG")].map {
            EvaluationReport.ClipPrediction(path: "x", actual: $0.0, predicted: $0.1, probabilities: [0.5, 0.2, 0.3])
        }
        let report = try EvaluationReport(classes: ["ANG", "HAP", "SAD"], predictions: predictions, skipped: [])
        #expect(report.labels == ["ANG", "SAD", "CAL"])  // HAP occurs nowhere
        #expect(report.yTrue == [0, 1, 2, 0] && report.yPred == [0, 0, 1, 0])
        #expect(report.accuracy == 0.5)
        #expect(report.uar == 1.0 / 3)  // recalls ANG 1, SAD 0, CAL 0
        #expect(report.confusion == [[2, 0, 0], [1, 0, 0], [0, 1, 0]])
        #expect(report.actualClassCodes == nil)
        #expect(throws: MetricsError.empty) { try EvaluationReport(classes: ["ANG"], predictions: [], skipped: []) }
    }

    @Test func aBundleTemperatureRescalesThePredictedProbabilities() throws {
        let audio = ClassifierFixture.voice(seconds: 1)
        let plain = try EmotionClassifier(bundle: try ClassifierFixture.bundle()).predict(audio).orderedProbabilities
        let warm = try EmotionClassifier(bundle: try ClassifierFixture.bundle(metadata: [EmotionClassifier.temperatureKey: "2.5"]))
        #expect(warm.temperature == 2.5)
        let expected = try temperatureScaled(Matrix(rows: 1, cols: 6, values: plain.map(Float.init)), temperature: 2.5)
        #expect(try warm.predict(audio).orderedProbabilities == expected.values.map(Double.init))
        #expect(throws: ClassifierError.invalidBundle("its temperature \"-1\" is not a positive number")) {
            try EmotionClassifier(bundle: try ClassifierFixture.bundle(metadata: [EmotionClassifier.temperatureKey: "-1"]))
        }
    }
}
