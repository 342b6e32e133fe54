import Foundation
import Hummingbird
import Moodify
import MoodifyAudio
import MoodifyMusic
import NIOCore

/// `POST /api/predict`: an audio upload (raw body or multipart field `file`) → emotion, probabilities, tracks.
struct PredictController<Context: RequestContext> {
    /// The classifier, recommender and limits.
    let services: WebServices

    /// Adds the route to `router`.
    func addRoutes(to router: Router<Context>) {
        router.post("/api/predict") { request, _ in try await predict(request) }
    }

    /// Reads the upload, analyses it on the prediction pool, recommends; every failure becomes a `WebError` sentence.
    func predict(_ request: Request) async throws -> Response {
        do {
            let bytes = try await audioBytes(of: request)
            let analysis = try await services.pool.run { [services] in try Self.analyse(bytes, services: services) }
            let prediction = analysis.prediction
            let recommendation = await services.recommender.recommend(
                emotion: prediction.emotion, limit: 5, seed: UInt64.random(in: .min ... .max))
            let truncated = analysis.shortened || prediction.truncated
            let body = PredictResponse(
                emotion: prediction.emotion, probabilities: prediction.probabilities, classes: prediction.classes,
                duration: analysis.duration, analysedDuration: prediction.analysedDuration, truncated: truncated,
                notice: truncated ? truncationNotice(duration: analysis.duration) : nil,
                model: services.predictor.modelDescription.name, recommendations: RecommendationsPayload(recommendation))
            return try Response.json(body)
        } catch let error as WebError {
            throw error.httpError
        }
    }

    /// What the CPU-heavy part of a request finds: the clip's full length, whether it was cut, and its prediction.
    private struct Analysis: Sendable {
        var duration: Double
        var shortened: Bool
        var prediction: Prediction
    }

    /// Decodes the upload, cuts it to the analysed length and classifies it (runs on a prediction thread).
    private static func analyse(_ bytes: Data, services: WebServices) throws -> Analysis {
        let audio = try decode(bytes)
        let limit = Int(services.limits.maxAnalysedSeconds * Double(audio.sampleRate))
        let shortened = audio.samples.count > limit
        let analysed = shortened ? AudioBuffer(samples: Array(audio.samples.prefix(limit)), sampleRate: audio.sampleRate) : audio
        do {
            return Analysis(duration: audio.duration, shortened: shortened, prediction: try services.predictor.predict(analysed))
        } catch ClassifierError.noSpeech(let seconds) {
            throw WebError.noSpeech(seconds: seconds)
        }
    }

    /// The audio bytes: the multipart `file` field when the body is multipart/form-data, else the whole body.
    private func audioBytes(of request: Request) async throws -> Data {
        let limit = services.limits.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw WebError.tooLarge(limitBytes: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw WebError.tooLarge(limitBytes: limit)
        }
        guard buffer.readableBytes > 0 else { throw WebError.empty }
        guard let form = try MultipartForm(contentType: request.headers[.contentType] ?? "") else {
            return Data(buffer.readableBytesView)
        }
        let field = try form.field("file", in: Array(buffer.readableBytesView))
        guard !field.isEmpty else { throw WebError.empty }
        return Data(field)
    }

    /// The bytes decoded in memory to mono at their own rate (the classifier resamples what it analyses).
    private static func decode(_ bytes: Data) throws(WebError) -> AudioBuffer {
        do {
            return try AudioBuffer(data: bytes, sampleRate: nil, name: "The upload")
        } catch let error as AudioError {
            throw WebError(decoding: error)
        } catch {
            throw .undecodable("The upload could not be decoded as audio.")
        }
    }

    /// "The recording is 45.2 s long; only its first 30 s were analysed."
    private func truncationNotice(duration: Double) -> String {
        let limit = min(duration, services.limits.maxAnalysedSeconds)
        return String(format: "The recording is %.1f s long; only its first %.0f s were analysed.", duration, limit)
    }
}
