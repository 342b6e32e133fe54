import Hummingbird
import Moodify
import MoodifyAudio

/// Why a request failed, as one sentence for the client; never a path or a stack trace.
enum WebError: Error, Equatable, CustomStringConvertible {
    /// The body exceeds the upload limit.
    case tooLarge(limitBytes: Int)
    /// The body, or the multipart `file` field, is empty.
    case empty
    /// A multipart body without a usable `file` field, or with a broken structure.
    case badMultipart(String)
    /// The bytes are not audio that can be decoded; the sentence names the problem.
    case undecodable(String)
    /// The audio decoded but trimming silence left only `seconds` of sound.
    case noSpeech(seconds: Double)
    /// Every prediction thread is busy and the line of waiting predictions is full.
    case busy

    /// The HTTP status for the case.
    var status: HTTPResponse.Status {
        switch self {
        case .tooLarge: return .contentTooLarge
        case .empty, .badMultipart: return .badRequest
        case .undecodable: return .unsupportedMediaType
        case .noSpeech: return .unprocessableContent
        case .busy: return .serviceUnavailable
        }
    }

    /// One sentence for the client.
    var description: String {
        switch self {
        case .tooLarge(let limit):
            return "The upload is larger than \(limit / (1024 * 1024)) MB; send a shorter recording."
        case .empty:
            return "The upload is empty: send a WAV, FLAC, OGG or MP3 recording."
        case .badMultipart(let problem), .undecodable(let problem):
            return problem
        case .noSpeech(let seconds):
            let heard = seconds < 0.005 ? "nothing but silence" : "only \(Int((seconds * 1000).rounded())) ms of sound"
            return "No speech found: the recording holds \(heard) once silence is trimmed (at least \(ClassifierError.minimumSpeech) s is needed)."
        case .busy:
            return "The server is busy analysing other recordings; try again in a moment."
        }
    }

    /// The Hummingbird error that renders this one as `{"error": {"message": …}}`.
    var httpError: HTTPError {
        guard case .busy = self else { return HTTPError(status, message: description) }
        return HTTPError(status, headers: [.retryAfter: "1"], message: description)
    }

    /// The web error for an audio decoding failure of the upload.
    init(decoding error: AudioError) {
        switch error {
        case .emptyFile:
            self = .empty
        case .noFrames:
            self = .noSpeech(seconds: 0)
        default:
            self = .undecodable(error.description)
        }
    }
}
