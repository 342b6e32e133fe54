import Foundation

/// A Spotify app's client id and secret. Neither is ever printed: descriptions, debug
/// descriptions and mirrors show only that credentials are present.
public struct SpotifyCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The client id, as the Spotify dashboard shows it.
    public let clientID: String
    /// The client secret.
    public let clientSecret: String

    /// Credentials from an id and a secret.
    public init(clientID: String, clientSecret: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// The variable-name pairs looked up, in order: the original project's, then Spotify's own.
    public static let variableNames = [
        (id: "SPOTIPY_CLIENT_ID", secret: "SPOTIPY_CLIENT_SECRET"),
        (id: "SPOTIFY_CLIENT_ID", secret: "SPOTIFY_CLIENT_SECRET"),
    ]

    /// The first complete pair found in `environment` (merge a `.env` file in with `DotEnv.environment`).
    public static func from(environment: [String: String]) throws(SpotifyError) -> SpotifyCredentials {
        var partial: [String] = []
        for names in variableNames {
            let id = environment[names.id]?.trimmingCharacters(in: .whitespaces) ?? ""
            let secret = environment[names.secret]?.trimmingCharacters(in: .whitespaces) ?? ""
            if !id.isEmpty && !secret.isEmpty { return SpotifyCredentials(clientID: id, clientSecret: secret) }
            if !id.isEmpty { partial.append(names.secret) }
            if !secret.isEmpty { partial.append(names.id) }
        }
        throw .missingCredentials(missing: partial)
    }

    /// The `Authorization` header value of the client-credentials token request.
    var basicAuthorization: String {
        "Basic " + Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
    }

    /// Says credentials are present without showing them.
    public var description: String { "Spotify credentials (hidden)" }
    /// Says credentials are present without showing them.
    public var debugDescription: String { description }
    /// A mirror with no children, so `dump` shows nothing secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
