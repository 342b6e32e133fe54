/// Why a Spotify request gave no tracks. Descriptions never contain credentials or tokens.
public enum SpotifyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No complete credential pair; `missing` names the half-set pair's absent variables, if any.
    case missingCredentials(missing: [String])
    /// An environment variable holds an unusable value.
    case invalidConfiguration(key: String, value: String, expected: String)
    /// The token endpoint refused the client id and secret.
    case credentialsRejected(status: Int)
    /// Search answered 401 even with a freshly issued token.
    case unauthorized
    /// Spotify answered 429 and asked for a wait longer than the client accepts (or none it could read).
    case rateLimited(retryAfterSeconds: Int?)
    /// Spotify kept answering with a server error.
    case serverError(endpoint: String, status: Int, attempts: Int)
    /// Spotify did not answer in time.
    case timedOut(endpoint: String, attempts: Int)
    /// The connection failed.
    case transport(endpoint: String, detail: String, attempts: Int)
    /// The answer was not the JSON Spotify documents.
    case malformedResponse(endpoint: String, detail: String)
    /// An answer status the client does not handle.
    case unexpectedStatus(endpoint: String, status: Int)
    /// The search found no tracks for the genre.
    case noResults(genre: String)

    /// One sentence for a user.
    public var description: String {
        switch self {
        case let .missingCredentials(missing) where !missing.isEmpty:
            return "Spotify credentials are incomplete: \(missing.joined(separator: " and ")) is not set."
        case .missingCredentials:
            return "No Spotify credentials: set SPOTIPY_CLIENT_ID and SPOTIPY_CLIENT_SECRET (or SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET) in the environment or in .env."
        case let .invalidConfiguration(key, value, expected):
            return "\(key) is \"\(value)\", but it must be \(expected)."
        case let .credentialsRejected(status):
            return "Spotify rejected the client credentials (HTTP \(status)); check the client id and secret."
        case .unauthorized:
            return "Spotify refused the search even with a new access token (HTTP 401)."
        case let .rateLimited(seconds?):
            return "Spotify is rate-limiting this app and asked to wait \(seconds) s, longer than Moodify waits."
        case .rateLimited:
            return "Spotify is rate-limiting this app."
        case let .serverError(endpoint, status, attempts):
            return "Spotify's \(endpoint) endpoint answered HTTP \(status)\(Self.attempts(attempts))."
        case let .timedOut(endpoint, attempts):
            return "Spotify's \(endpoint) endpoint did not answer in time\(Self.attempts(attempts))."
        case let .transport(endpoint, detail, attempts):
            return "Could not reach Spotify's \(endpoint) endpoint (\(detail))\(Self.attempts(attempts))."
        case let .malformedResponse(endpoint, detail):
            return "Spotify's \(endpoint) endpoint sent an answer Moodify cannot read (\(detail))."
        case let .unexpectedStatus(endpoint, status):
            return "Spotify's \(endpoint) endpoint answered with unexpected HTTP \(status)."
        case let .noResults(genre):
            return "Spotify found no tracks for genre \"\(genre)\"."
        }
    }

    private static func attempts(_ count: Int) -> String {
        count == 1 ? "" : " (\(count) attempts)"
    }
}
