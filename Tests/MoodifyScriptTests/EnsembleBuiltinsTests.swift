import Foundation
import Moodify
import MoodifyAudio
import MoodifyDSP
import MoodifyLearn
import Testing
@testable import MoodifyScript

@Suite struct EnsembleBuiltinsTests {
    /// A folder with `tiny.mdfy` (method2) and `mfcc.mdfy` (one softmax layer over mfcc40's 80 values, seed 12, its own
    /// scaler), and two 22,050 Hz tones named as CREMA-D clips under `clips/`.
    private func folderWithTwoModels() throws -> String {
        let folder = try folderWithTinyModel("moodify-ensemble")
        let width = FeatureSet.mfcc40.columns.count
        let model = try Sequential(specs: [.dense(units: 6, activation: .softmax, l2: 0)], inputShape: [width], seed: 12)
        try model.save(to: URL(fileURLWithPath: folder + "/mfcc.mdfy"), featureSet: "mfcc40", scalerMean: [Float](repeating: -5, count: width),
                       scalerScale: [Float](repeating: 40, count: width), labels: ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"])
        try FileManager.default.createDirectory(atPath: folder + "/clips", withIntermediateDirectories: true)
        for (name, hz) in [("1001_DFA_ANG_XX", 220.0), ("1002_IEO_SAD_LO", 150.0)] {
            let samples = (0..<22050).map { i in Float(0.3 * sin(2 * .pi * hz * Double(i) / 22050) + 0.05 * sin(2 * .pi * 3 * hz * Double(i) / 22050)) }
            try AudioBuffer(samples: [Float](repeating: 0, count: 2205) + samples, sampleRate: 22050)
                .write(to: "\(folder)/clips/\(name).wav", format: .float32)
        }
        return folder
    }

    /// The script that saves the two models as an ensemble (weights 1 and 3, temperature 1.5) at `folder`/pair.mdfy.
    private func saveEnsemble(_ folder: String) -> String {
        """
        a = load_model("\(folder)/tiny.mdfy")
        b = load_model("\(folder)/mfcc.mdfy")
        saved = save_model([a, b], "\(folder)/pair.mdfy", scaler: [a.scaler, b.scaler], features: ["method2", "mfcc40"],
                           labels: a.label_encoder, weights: [1, 3], metadata: ["temperature": 1.5, "note": "test pair"])
        """
    }

    @Test func aListOfModelsSavesAnEnsembleThatPredictsAndEvaluates() throws {
        let folder = try folderWithTwoModels()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let i = Interpreter { _ in }
        try i.run(saveEnsemble(folder))
        let classifier = try EmotionClassifier(contentsOf: folder + "/pair.mdfy")
        #expect(classifier.featureSet == "method2+mfcc40" && classifier.temperature == 1.5)
        #expect(classifier.members.map(\.weight) == [0.25, 0.75])
        // The ensemble's members are the two bundles' networks, scalers and feature sets.
        guard case .ensemble(let ensemble) = classifier.bundle else { Issue.record("not saved as an ensemble"); return }
        let single = try ModelBundle.load(from: URL(fileURLWithPath: folder + "/mfcc.mdfy"))
        #expect(ensemble.members[1].network.weights == single.weights && ensemble.members[1].network.scalerMean == single.scalerMean)
        #expect(ensemble.metadata == ["temperature": "1.5", "note": "test pair"])

        #expect(try i.run("e = load_model(\"\(folder)/pair.mdfy\")\n[e.feature_set, e.weights, e.labels[0], len(e.members), e.metadata[\"note\"]]")
                == [.string("method2+mfcc40"), .doubles([1, 3]), .string("ANG"), .number(2), .string("test pair")])
        let mfccParameters = 80 * 6 + 6, method2Parameters = 256 * 6 + 6
        let expectedMembers: Value = [.string("mfcc40"), .ints([80]), .number(Double(mfccParameters)),
                                      .number(Double(mfccParameters + method2Parameters))]
        #expect(try i.run("[e.members[1].feature_set, e.members[1].input_shape, e.members[1].count_params, e.count_params]") == expectedMembers)
        #expect(try i.run("e").map(Display.show) == """
                Ensemble "ensemble" · 2 members (method2+mfcc40) · 2028 params
                member 1 · weight 0.25 · Sequential "sequential" · 1 layers · 1542 params · input [256] of method2
                member 2 · weight 0.75 · Sequential "sequential" · 1 layers · 486 params · input [80] of mfcc40
                """)

        let wav = folder + "/clips/1001_DFA_ANG_XX.wav"
        let expected = try classifier.predict(file: wav)
        for model in ["e", "\"\(folder)/pair.mdfy\""] {
            #expect(try i.run("predict_file(\(model), \"\(wav)\").probabilities[\"SAD\"]") == .number(expected.probabilities["SAD"]!))
        }
        let report = try classifier.evaluate(try Corpus(path: folder + "/clips"), showsProgress: false)
        #expect(try i.run("r = evaluate(e, corpus(\"\(folder)/clips\"))\n[r.accuracy, len(r)]") == [.number(report.accuracy), .number(2)])
        #expect(errorMessageIn(i, "t = features(\"\(folder)/clips\", set: \"method2\", cache: false)\nevaluate(e, t)").contains("evaluate on a corpus"))
        #expect(try i.run("evaluate(e, [features(\"\(folder)/clips\", set: \"mfcc40\", cache: false), t]).probabilities") == .matrix(report.probabilities))
        // A one-model save still writes a version-1 bundle.
        try i.run("save_model(a, \"\(folder)/again.mdfy\", features: \"method2\")")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/again.mdfy"))[8] == 1)
    }

    @Test func badEnsemblesAreRefusedBeforeAnythingIsWritten() throws {
        let folder = try folderWithTwoModels()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let i = Interpreter { _ in }
        try i.run("a = load_model(\"\(folder)/tiny.mdfy\")\nb = load_model(\"\(folder)/mfcc.mdfy\")")
        let path = "\"\(folder)/bad.mdfy\""
        #expect(errorMessageIn(i, "save_model([a, b], \(path), scaler: [a.scaler], features: [\"method2\", \"mfcc40\"])")
                == "save_model: an ensemble of 2 models needs scaler: a list of 2 values, one per model")
        #expect(errorMessageIn(i, "save_model([a, 3], \(path))") == "save_model: model[1] is a number, not a model")
        #expect(errorMessageIn(i, "save_model([a, b], \(path), features: [\"method2\", \"mfcc13\"])").hasPrefix(
            "save_model: The model bundle does not fit its feature set \"mfcc13\": this Moodify does not know it"))
        #expect(errorMessageIn(i, "save_model([a, b], \(path), features: [\"method2\", \"method2\"])")
                == "save_model: The model bundle does not fit its feature set \"method2\": the set has 256 values but member 2's network's scaler 80.")
        #expect(errorMessageIn(i, "save_model([a, a], \(path), weights: [1, 0])")
                == "save_model: The model bundle is inconsistent: member 2's weight 0.0 is not a positive number.")
        #expect(!FileManager.default.fileExists(atPath: folder + "/bad.mdfy"))
    }

    @Test func anEnsembleClassifiesRealClips() throws {
        guard DevCorpus.available else {
            print("Skipping: the development corpus is not at \(DevCorpus.path) (set MOODIFY_AUDIO).")
            return
        }
        let folder = try folderWithTwoModels()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let i = Interpreter { _ in }
        try i.run(saveEnsemble(folder))
        let classifier = try EmotionClassifier(contentsOf: folder + "/pair.mdfy")
        let clips = try Corpus(path: DevCorpus.path).subset(limit: 4, seed: 5)
        let report = try classifier.evaluate(clips, showsProgress: false)
        let shown = try i.run("r = evaluate(load_model(\"\(folder)/pair.mdfy\"), corpus_subset(corpus(\"\(DevCorpus.path)\"), limit: 4, seed: 5))\nr.probabilities")
        #expect(shown == .matrix(report.probabilities))
        #expect(report.predictions.count + report.skipped.count == 4)
    }
}
