import Foundation
import Moodify
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Testing

/// Two-member ensembles of tiny bundles: a method2 network and an mfcc40 one, each with its own scaler.
enum EnsembleFixture {
    /// The mfcc40 member: one seeded softmax layer over its values, with its own non-identity scaler.
    static func mfccMember() throws -> ModelBundle {
        let width = FeatureSet.mfcc40.columns.count
        let model = try Sequential(specs: [.dense(units: ClassifierFixture.classes.count, activation: .softmax, l2: 0)],
                                   inputShape: [width], seed: 8)
        return try ModelBundle(model: model, featureSet: "mfcc40", scalerMean: (0..<width).map { Float($0 % 5) - 2 },
                               scalerScale: [Float](repeating: 30, count: width))
    }

    /// method2 (weight 1) and mfcc40 (weight 3) with the classes and `metadata`.
    static func ensemble(metadata: [String: String] = [:]) throws -> EnsembleBundle {
        try EnsembleBundle(name: "pair", members: [.init(network: try ClassifierFixture.bundle(), weight: 1),
                                                   .init(network: try mfccMember(), weight: 3)],
                           labels: ClassifierFixture.classes, metadata: metadata)
    }
}

@Suite struct EnsembleClassifierTests {
    @Test func anEnsembleAveragesItsMembersProbabilitiesThenAppliesTheTemperature() throws {
        let ensemble = try EnsembleFixture.ensemble(metadata: [EmotionClassifier.temperatureKey: "2"])
        let classifier = try EmotionClassifier(ensemble: ensemble)
        #expect(classifier.isEnsemble && classifier.featureSet == "method2+mfcc40" && classifier.temperature == 2)
        #expect(classifier.members.map(\.weight) == [0.25, 0.75])
        #expect(classifier.members.map(\.inputShape) == [[256], [FeatureSet.mfcc40.columns.count]])
        let audio = ClassifierFixture.voice(seconds: 1.2)
        // By hand: each member on its own set and scaler, the weighted mean, then softmax(log p / 2).
        let first = try ClassifierFixture.expectedProbabilities(ensemble.members[0].network, rows: [try FeatureSet.method2.vector(for: audio)])
        let second = try ClassifierFixture.expectedProbabilities(ensemble.members[1].network, rows: [try FeatureSet.mfcc40.vector(for: audio)])
        let mean = zip(first, second).map { Float(0.25 * Double($0) + 0.75 * Double($1)) }
        let expected = try temperatureScaled(Matrix(rows: 1, cols: mean.count, values: mean), temperature: 2).values.map(Double.init)
        // The same float32 networks and the same Float64 sums in the same order: the probabilities agree exactly.
        let got = try classifier.predict(audio).orderedProbabilities
        #expect(got == expected)
        // Softened by T = 2: the largest probability drops below the plain mean's.
        #expect(got.max()! < Double(mean.max()!))
        let memberRows = [Matrix(rowArrays: [try FeatureSet.method2.vector(for: audio)]), Matrix(rowArrays: [try FeatureSet.mfcc40.vector(for: audio)])]
        #expect(try classifier.probabilities(memberRows: memberRows) == expected)
        #expect(throws: ClassifierError.self) { try classifier.probabilities(featureRows: memberRows[0]) }
    }

    @Test func membersSharingASetAgreeWithTheSingleNetwork() throws {
        // Two copies of one method2 network: the mean of equal probabilities is the network's own.
        let network = try ClassifierFixture.bundle()
        let twice = try EmotionClassifier(ensemble: try EnsembleBundle(members: [.init(network: network), .init(network: network)],
                                                                       labels: ClassifierFixture.classes))
        let audio = ClassifierFixture.voice(seconds: 1)
        let single = try EmotionClassifier(bundle: network).predict(audio).orderedProbabilities
        // (p/2 + p/2) in Float64 is p exactly, back to float32 unchanged.
        #expect(try twice.predict(audio).orderedProbabilities == single)
        #expect(twice.featureSet == "method2+method2")
    }

    @Test func theCardAndTheDescriptionListTheMembers() throws {
        let classifier = try EmotionClassifier(ensemble: try EnsembleFixture.ensemble(metadata: ["protocol": "5-fold"]))
        let card = classifier.card(path: "pair.moodify").components(separatedBy: "\n")
        #expect(card[0] == "Model pair.moodify · features method2+mfcc40 · classes \(ClassifierFixture.classes.joined(separator: " "))")
        #expect(card[1].hasPrefix("member 1: method2 · weight 0.25 · input [256] · 1542 params · parameters=method2 v1: "))
        #expect(card[2].hasPrefix("member 2: mfcc40 · weight 0.75 · input [80] · "))
        #expect(card[3] == "protocol: 5-fold")
        // A bundle that recorded no feature parameters shows the set's own description.
        #expect(classifier.members[1].featureParameters == ["parameters": FeatureSet.mfcc40.parameters])
    }

    @Test func membersThatDoNotFitAreRefusedNamingTheMember() throws {
        var unknown = try EnsembleFixture.mfccMember()
        unknown.featureSet = "mfcc13"
        #expect {
            try EmotionClassifier(ensemble: try EnsembleBundle(members: [.init(network: try ClassifierFixture.bundle()), .init(network: unknown)],
                                                               labels: ClassifierFixture.classes))
        } throws: { error in
            guard case ClassifierError.featureSetMismatch(featureSet: "mfcc13", _) = error else { return false }
            return "\(error)".contains("does not know it")
        }
        // mfcc40 computes 80 values; a member saved with method2's 256-wide network and scaler cannot read them.
        var wide = try ClassifierFixture.bundle()
        wide.featureSet = "mfcc40"
        #expect(throws: ClassifierError.featureSetMismatch(featureSet: "mfcc40", reason: "the set has 80 values but member 2's network's scaler 256")) {
            try EmotionClassifier(ensemble: try EnsembleBundle(members: [.init(network: try ClassifierFixture.bundle()), .init(network: wide)],
                                                               labels: ClassifierFixture.classes))
        }
    }

    @Test func anEnsembleFileIsEvaluatedOnACorpusOrOnOneTablePerSet() throws {
        let folder = try CorpusFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try EnsembleFixture.ensemble().save(to: URL(fileURLWithPath: folder + "/pair.moodify"))
        try FileManager.default.createDirectory(atPath: folder + "/clips", withIntermediateDirectories: true)
        for (name, seconds) in [("1001_DFA_ANG_XX", 1.0), ("1002_IEO_SAD_LO", 0.8)] {
            try ClassifierFixture.voice(seconds: seconds).write(to: "\(folder)/clips/\(name).wav", format: .float32)
        }
        let classifier = try EmotionClassifier(contentsOf: folder + "/pair.moodify")
        #expect(classifier.bundle == .ensemble(try EnsembleFixture.ensemble()))
        let corpus = try Corpus(path: folder + "/clips")
        let report = try classifier.evaluate(corpus, workers: 2, showsProgress: false)
        #expect(report.predictions.count == 2)
        for p in report.predictions { #expect(p.probabilities == (try classifier.predict(file: p.path)).orderedProbabilities) }
        let method2 = FeatureExtractor(featureSet: .method2, cache: nil, workers: 1, showsProgress: false).extract(corpus)
        #expect(throws: ClassifierError.featureSetMismatch(
            featureSet: "mfcc40", reason: "member 2 reads it but the tables hold \"method2\" features (give one table per set, or evaluate on a corpus)")) {
            try classifier.evaluate(method2)
        }
        // With a table per set (in any order), the same features as predict(file:) computes for 22,050 Hz clips.
        var mfcc = FeatureExtractor(featureSet: .mfcc40, cache: nil, workers: 1, showsProgress: false).extract(corpus)
        let fromTables = try classifier.evaluate([mfcc, method2])
        #expect(fromTables.predictions.map(\.probabilities) == report.predictions.map(\.probabilities))
        // A clip missing from one table is skipped, naming the table.
        mfcc.X = mfcc.X.rows([1])
        for column in [\FeatureTable.labels, \.speakers, \.files] { mfcc[keyPath: column] = [mfcc[keyPath: column][1]] }
        mfcc.clips = [1]
        mfcc.variants = [0]
        let partial = try classifier.evaluate([method2, mfcc])
        #expect(partial.predictions.map(\.path) == [corpus.files[1]])
        #expect(partial.skipped.map(\.file) == [corpus.files[0]])
        #expect(partial.skipped.map(\.reason) == ["\(corpus.files[0]): the \"mfcc40\" table has no rows for it"])
    }
}
