import Foundation
import HummingbirdTesting
import Moodify
import MoodifyDSP
import MoodifyLearn
import Testing
@testable import MoodifyWeb

/// The app serving a real `EmotionClassifier` loaded from a bundle file (a tiny untrained one, so no corpus is needed).
@Suite("Serving an EmotionClassifier")
struct ClassifierServingTests {
    static let classes = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]

    /// A method-2 bundle: one seeded softmax layer over the 256 log-mel values, an identity scaler.
    /// Setting `MOODIFY_WEB_KEEP_BUNDLE=PATH` also saves it there, for smoke-testing `moodify-web --model PATH` by hand.
    static func classifier() throws -> EmotionClassifier {
        let model = try Sequential(specs: [.dense(units: classes.count, activation: .softmax, l2: 0)], inputShape: [256], seed: 7)
        let bundle = try ModelBundle(model: model, featureSet: "method2", scalerMean: [Float](repeating: -40, count: 256),
                                     scalerScale: [Float](repeating: 20, count: 256), labels: classes,
                                     metadata: ["trained": "never (test fixture)"])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-web-\(UUID().uuidString).moodify")
        defer { try? FileManager.default.removeItem(at: url) }
        try bundle.save(to: url)
        if let keep = ProcessInfo.processInfo.environment["MOODIFY_WEB_KEEP_BUNDLE"] {
            try bundle.save(to: URL(fileURLWithPath: keep))
        }
        return try EmotionClassifier(contentsOf: url.path)
    }

    @Test("a clip padded with silence is classified from its trimmed sound; silence is 422")
    func predictsThroughTheApp() async throws {
        let classifier = try Self.classifier()
        #expect(classifier.modelDescription.name == "sequential")
        #expect(classifier.modelDescription.featureSet == "method2")
        #expect(classifier.modelDescription.metadata["trained"] == "never (test fixture)")
        let services = try testServices().replacingPredictor(with: NamedPredictor(classifier, name: "tiny.moodify"))
        let voice = try wavBytes(seconds: 1, rate: 22050, padding: 0.5)
        let silence = try wavBytes(seconds: 1, rate: 22050, amplitude: 0)
        try await withApp(services) { client in
            let json = try await client.predict(voice).json
            #expect(json["classes"] as? [String] == Self.classes)
            #expect(json["model"] as? String == "tiny.moodify")
            let probabilities = json["probabilities"] as? [String: Double] ?? [:]
            // Float32 softmax outputs summed in Double: 1 within a few float32 ulps.
            #expect(abs(probabilities.values.reduce(0, +) - 1) < 1e-5)
            #expect(probabilities[json["emotion"] as? String ?? ""] == probabilities.values.max())
            #expect(json["duration"] as? Double == 2)
            // Trimming (30 dB below the peak, 512-sample frames) keeps the 1 s tone and at most a few frames around it.
            let analysed = json["analysed_duration"] as? Double ?? 0
            #expect(analysed >= 1 && analysed < 1.2)
            let refused = try await client.predict(silence)
            #expect(refused.status == .unprocessableContent)
        }
    }

    @Test("/api/model lists an ensemble's members with their feature sets and parameters")
    func describesAnEnsemble() async throws {
        let width = FeatureSet.mfcc40.columns.count
        let method2 = try Sequential(specs: [.dense(units: Self.classes.count, activation: .softmax, l2: 0)], inputShape: [256], seed: 7)
        let mfcc = try Sequential(specs: [.dense(units: Self.classes.count, activation: .softmax, l2: 0)], inputShape: [width], seed: 8)
        let ensemble = try EnsembleBundle(name: "pair", members: [
            .init(network: try ModelBundle(model: method2, featureSet: "method2", featureParameters: ["n_mels": "128"],
                                           scalerMean: [Float](repeating: -40, count: 256), scalerScale: [Float](repeating: 20, count: 256))),
            .init(network: try ModelBundle(model: mfcc, featureSet: "mfcc40", scalerMean: [Float](repeating: 0, count: width),
                                           scalerScale: [Float](repeating: 1, count: width)), weight: 3),
        ], labels: Self.classes, metadata: ["temperature": "1.2"])
        let services = try testServices().replacingPredictor(with: try EmotionClassifier(ensemble: ensemble))
        try await withApp(services) { client in
            let json = try await client.execute(uri: "/api/model", method: .get).json
            #expect(json["name"] as? String == "pair")
            #expect(json["feature_set"] as? String == "method2+mfcc40")
            #expect(json["feature_parameters"] as? [String: String]
                    == ["method2.n_mels": "128", "mfcc40.parameters": FeatureSet.mfcc40.parameters])
            let members = json["members"] as? [[String: Any]] ?? []
            #expect(members.count == 2)
            #expect(members.map { $0["feature_set"] as? String } == ["method2", "mfcc40"])
            #expect(members.map { $0["weight"] as? Double } == [0.25, 0.75])
            #expect(members.map { $0["input_shape"] as? [Int] } == [[256], [width]])
            #expect(members.map { $0["parameter_count"] as? Int } == [256 * 6 + 6, width * 6 + 6])
            #expect(members[1]["feature_parameters"] as? [String: String] == ["parameters": FeatureSet.mfcc40.parameters])
        }
    }

    @Test("a bundle that recorded no feature parameters shows its set's own")
    func featureParametersFallBackToTheSet() throws {
        let description = try Self.classifier().modelDescription
        #expect(description.featureParameters == ["parameters": FeatureSet.method2.parameters])
        #expect(description.members.map(\.featureSet) == ["method2"])
    }
}

extension WebServices {
    /// The same services around another predictor.
    func replacingPredictor(with predictor: any EmotionPredicting) -> WebServices {
        WebServices(predictor: predictor, recommender: recommender, limits: limits)
    }
}
