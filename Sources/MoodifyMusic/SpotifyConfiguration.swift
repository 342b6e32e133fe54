import Foundation

/// Where the Spotify client connects and how patient it is.
public struct SpotifyConfiguration: Sendable, Equatable {
    /// The accounts service (`MOODIFY_SPOTIFY_ACCOUNTS_URL`); the token endpoint is `<this>/api/token`.
    public var accountsURL = URL(string: "https://accounts.spotify.com")!
    /// The Web API (`MOODIFY_SPOTIFY_API_URL`); search is `<this>/v1/search`.
    public var apiURL = URL(string: "https://api.spotify.com")!
    /// The ISO 3166-1 alpha-2 market searches are made for (`SPOTIFY_MARKET`).
    public var market = "US"
    /// How long one request may take before it counts as timed out (`MOODIFY_SPOTIFY_TIMEOUT`, seconds).
    public var requestTimeout: Duration = .seconds(10)
    /// Retries after a 5xx, a timeout, a connection failure or a short 429.
    public var maxRetries = 2
    /// The wait before the first retry after a 5xx or timeout; it doubles for each further retry.
    public var retryBackoff: Duration = .milliseconds(500)
    /// The longest `Retry-After` the client waits out; a longer one falls back at once.
    public var maxRetryAfter: Duration = .seconds(10)
    /// A cached token is replaced this long before Spotify says it expires.
    public var tokenExpiryMargin: Duration = .seconds(60)

    /// Spotify's public endpoints and the defaults above.
    public init() {}

    /// The defaults, overridden by `MOODIFY_SPOTIFY_ACCOUNTS_URL`, `MOODIFY_SPOTIFY_API_URL`,
    /// `SPOTIFY_MARKET` and `MOODIFY_SPOTIFY_TIMEOUT` when they are set.
    public init(environment: [String: String]) throws(SpotifyError) {
        if let value = Self.value("MOODIFY_SPOTIFY_ACCOUNTS_URL", in: environment) {
            accountsURL = try Self.baseURL(value, key: "MOODIFY_SPOTIFY_ACCOUNTS_URL")
        }
        if let value = Self.value("MOODIFY_SPOTIFY_API_URL", in: environment) {
            apiURL = try Self.baseURL(value, key: "MOODIFY_SPOTIFY_API_URL")
        }
        if let value = Self.value("SPOTIFY_MARKET", in: environment) {
            let code = value.uppercased()
            guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw .invalidConfiguration(key: "SPOTIFY_MARKET", value: value, expected: "a two-letter country code such as US or DE")
            }
            market = code
        }
        if let value = Self.value("MOODIFY_SPOTIFY_TIMEOUT", in: environment) {
            guard let seconds = Double(value), seconds > 0, seconds <= 300 else {
                throw .invalidConfiguration(key: "MOODIFY_SPOTIFY_TIMEOUT", value: value, expected: "a number of seconds between 0 and 300")
            }
            requestTimeout = .milliseconds(Int((seconds * 1000).rounded()))
        }
    }

    private static func value(_ key: String, in environment: [String: String]) -> String? {
        guard let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    private static func baseURL(_ value: String, key: String) throws(SpotifyError) -> URL {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, url.query == nil else {
            throw .invalidConfiguration(key: key, value: value, expected: "an http or https base URL such as https://api.spotify.com")
        }
        return url
    }
}
