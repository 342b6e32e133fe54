import Foundation
import Hummingbird
import HummingbirdTesting
import Moodify
import Testing
@testable import MoodifyWeb

@Suite("POST /api/predict")
struct PredictTests {
    /// Checks a successful prediction of the fake predictor on a 1 s tone.
    static func expectPrediction(_ response: TestResponse) {
        #expect(response.status == .ok)
        let json = response.json
        #expect(json["emotion"] as? String == "HAP")
        #expect(json["classes"] as? [String] == FakePredictor.classes)
        let probabilities = json["probabilities"] as? [String: Double] ?? [:]
        #expect(Set(probabilities.keys) == Set(FakePredictor.classes))
        // Six probabilities of 0.5 and 0.1: their sum is 1 up to float rounding.
        #expect(abs(probabilities.values.reduce(0, +) - 1) < 1e-9)
        // A 16 kHz clip of 16,000 samples lasts exactly 1 s.
        #expect(json["duration"] as? Double == 1)
        #expect(json["analysed_duration"] as? Double == 1)
        #expect(json["truncated"] as? Bool == false)
        #expect(json["notice"] == nil)
        #expect(json["model"] as? String == "fake-model")
        let recommendations = json["recommendations"] as? [String: Any] ?? [:]
        #expect(recommendations["source"] as? String == "catalog")
        #expect(recommendations["reason"] as? String == "No Spotify credentials are set")
        let tracks = recommendations["tracks"] as? [[String: Any]] ?? []
        #expect(tracks.count == 5)
        let artists = tracks.compactMap { $0["artist"] as? String }
        #expect(Set(artists).count == 5)
        #expect(tracks.allSatisfy { ($0["url"] as? String)?.hasPrefix("https://open.spotify.com/search/") == true })
    }

    @Test("a raw WAV body is decoded in memory, classified and answered with tracks")
    func rawBody() async throws {
        let wav = try wavBytes(seconds: 1)
        try await withApp(testServices()) { client in
            Self.expectPrediction(try await client.predict(wav))
        }
    }

    @Test("a multipart upload is read from its file field")
    func multipartBody() async throws {
        let form = multipart(field: "file", filename: "clip.wav", content: try wavBytes(seconds: 1))
        try await withApp(testServices()) { client in
            Self.expectPrediction(try await client.predict(form.body, contentType: form.contentType))
        }
    }

    @Test("an empty body, or a form without a file field, is 400")
    func empty() async throws {
        let form = multipart(field: "audio", filename: "clip.wav", content: try wavBytes(seconds: 1))
        let blank = multipart(field: "file", filename: "clip.wav", content: Data())
        try await withApp(testServices()) { client in
            let empty = try await client.predict(Data())
            #expect(empty.status == .badRequest)
            #expect(empty.errorMessage == "The upload is empty: send a WAV, FLAC, OGG or MP3 recording.")
            let wrongField = try await client.predict(form.body, contentType: form.contentType)
            #expect(wrongField.status == .badRequest)
            #expect(wrongField.errorMessage == #"The multipart upload has no "file" field holding the audio file."#)
            let blankField = try await client.predict(blank.body, contentType: blank.contentType)
            #expect(blankField.status == .badRequest)
        }
    }

    @Test("a body over the limit is 413")
    func tooLarge() async throws {
        let wav = try wavBytes(seconds: 1)
        try await withApp(testServices(limits: WebLimits(maxUploadBytes: 1024 * 1024))) { client in
            let big = try await client.predict(Data(repeating: 0, count: 1024 * 1024 + 1))
            #expect(big.status == .contentTooLarge)
            #expect(big.errorMessage == "The upload is larger than 1 MB; send a shorter recording.")
            #expect(try await client.predict(wav).status == .ok)
        }
    }

    @Test("bytes that are not audio are 415 with the problem named and no server detail")
    func notAudio() async throws {
        let truncated = try wavBytes(seconds: 1).prefix(30)
        try await withApp(testServices()) { client in
            let text = try await client.predict(Data("hello, this is not audio".utf8), contentType: "text/plain")
            #expect(text.status == .unsupportedMediaType)
            #expect(text.errorMessage == "The upload is not an audio file that can be decoded (WAV, FLAC, OGG/Vorbis or MP3 expected).")
            let broken = try await client.predict(truncated)
            #expect(broken.status == .unsupportedMediaType)
            #expect(broken.errorMessage?.hasPrefix("The upload") == true)
            #expect(broken.text.contains("/tmp") == false)
        }
    }

    @Test("silence is 422 no speech found")
    func silence() async throws {
        let silent = try wavBytes(seconds: 1, amplitude: 0)
        try await withApp(testServices()) { client in
            let response = try await client.predict(silent)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorMessage == "No speech found: the recording holds nothing but silence once silence is trimmed (at least 0.2 s is needed).")
        }
    }

    @Test("only the first 30 s of a longer clip are analysed, and the answer says so")
    func longClip() async throws {
        let long = try wavBytes(seconds: 31, rate: 8000)
        try await withApp(testServices()) { client in
            let json = try await client.predict(long).json
            #expect(json["duration"] as? Double == 31)
            // The fake analyses exactly what it is given: 30 s of the 31.
            #expect(json["analysed_duration"] as? Double == 30)
            #expect(json["truncated"] as? Bool == true)
            #expect(json["notice"] as? String == "The recording is 31.0 s long; only its first 30 s were analysed.")
        }
    }

    @Test("an unexpected failure is a bare 500 that reveals nothing")
    func internalError() async throws {
        struct Leak: Error, CustomStringConvertible { var description: String { "/secret/path/model.moodify exploded" } }
        try await withApp(testServices(FakePredictor(failure: Leak()))) { client in
            let response = try await client.predict(try wavBytes(seconds: 1))
            #expect(response.status == .internalServerError)
            #expect(!response.text.contains("secret"))
        }
    }
}
