import Foundation
import Hummingbird
import HummingbirdTesting
import Moodify
import MoodifyAudio
import MoodifyMusic
@testable import MoodifyWeb

/// A predictor that needs no trained model: "HAP" at 0.5 and 0.1 for the rest, for any clip that is not silent.
struct FakePredictor: EmotionPredicting {
    static let classes = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]
    var name = "fake-model"
    /// Thrown from `predict` instead of answering, when set.
    var failure: (any Error & Sendable)?

    var modelDescription: ModelDescription {
        ModelDescription(name: name, classes: Self.classes, featureSet: "method1",
                         featureParameters: ["sr": "22050"], metadata: ["accuracy": "0.57", "corpus": "crema-d-dev"])
    }

    func predict(_ audio: AudioBuffer) throws -> Prediction {
        if let failure { throw failure }
        let peak = audio.samples.reduce(Float(0)) { max($0, abs($1)) }
        guard peak >= 0.001 else { throw ClassifierError.noSpeech(seconds: 0) }
        return Prediction(classes: Self.classes, probabilities: Self.classes.map { $0 == "HAP" ? 0.5 : 0.1 },
                          duration: audio.duration, analysedDuration: audio.duration, truncated: false)
    }
}

/// Services around a fake predictor, with the catalog as the only music source (no network).
func testServices(_ predictor: any EmotionPredicting = FakePredictor(), limits: WebLimits = WebLimits()) throws -> WebServices {
    let recommender = Recommender(catalog: try Catalog.embedded(), moodMap: try MoodMap.builtin(named: "default"), spotify: nil,
                                  spotifyUnavailableReason: "No Spotify credentials are set")
    return WebServices(predictor: predictor, recommender: recommender, limits: limits)
}

/// Runs `body` against the app's router, without a network socket.
func withApp<T: Sendable>(_ services: WebServices, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
    try await buildApplication(services: services).test(.router, body)
}

/// WAV bytes of a 220 Hz tone (or silence when amplitude is 0) between `padding` seconds of silence,
/// written by MoodifyAudio's WAV writer.
func wavBytes(seconds: Double, rate: Int = 16000, amplitude: Float = 0.3, padding: Double = 0) throws -> Data {
    let silence = [Float](repeating: 0, count: Int(padding * Double(rate)))
    let tone = (0..<Int(seconds * Double(rate))).map { amplitude * sin(2 * Float.pi * 220 * Float($0) / Float(rate)) }
    let samples = silence + tone + silence
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-web-\(UUID().uuidString).wav")
    defer { try? FileManager.default.removeItem(at: url) }
    try AudioBuffer(samples: samples, sampleRate: rate).write(to: url.path)
    return try Data(contentsOf: url)
}

/// A multipart/form-data body with one file field; returns the body and its Content-Type.
func multipart(field: String, filename: String, content: Data) -> (body: Data, contentType: String) {
    let boundary = "moodify-\(UUID().uuidString)"
    var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n".utf8)
    body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n".utf8)
    body += Data("Content-Type: audio/wav\r\n\r\n".utf8)
    body += content
    body += Data("\r\n--\(boundary)--\r\n".utf8)
    return (body, "multipart/form-data; boundary=\(boundary)")
}

extension TestResponse {
    /// The body as text.
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// The `error.message` of a Hummingbird error body.
    var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
}

extension TestClientProtocol {
    /// POSTs `body` to /api/predict with a Content-Type.
    func predict(_ body: Data, contentType: String = "audio/wav") async throws -> TestResponse {
        try await execute(uri: "/api/predict", method: .post, headers: [.contentType: contentType], body: ByteBuffer(bytes: body))
    }
}
