import Foundation
@testable import MoodifyMusic

/// Canned Spotify answers, test credentials and a fast client configuration.
enum SpotifyFixtures {
    static let clientID = "client-id-7f3a9c"
    static let clientSecret = "s3cret-Value-that-must-never-print"
    static let credentials = SpotifyCredentials(clientID: clientID, clientSecret: clientSecret)
    static let tokenPath = "/api/token"
    static let searchPath = "/v1/search"

    /// A token endpoint answer.
    static func token(_ value: String, expiresIn: Int = 3600) -> LoopbackServer.Reply {
        .json(#"{"access_token":"\#(value)","token_type":"Bearer","expires_in":\#(expiresIn)}"#)
    }

    /// A search answer with `count` tracks by different artists (ids `<prefix>0`, `<prefix>1`, …).
    static func search(count: Int, prefix: String = "id") -> LoopbackServer.Reply {
        let items = (0..<count).map { index in
            """
            {"id":"\(prefix)\(index)","name":"Song \(index)","artists":[{"name":"Artist \(prefix)\(index)"},{"name":"Guest"}],\
            "album":{"name":"Album \(index)","release_date":"20\(10 + index)-05-01",\
            "images":[{"url":"https://i.scdn.co/image/small\(index)","width":64,"height":64},\
            {"url":"https://i.scdn.co/image/large\(index)","width":640,"height":640}]},\
            "external_urls":{"spotify":"https://open.spotify.com/track/\(prefix)\(index)"}}
            """
        }
        return .json(#"{"tracks":{"href":"x","items":[\#(items.joined(separator: ","))],"limit":\#(count),"offset":0,"total":\#(count)}}"#)
    }

    /// A client configuration pointed at the server, with short timeouts and backoff so tests stay fast.
    static func configuration(_ server: LoopbackServer, timeout: Duration = .seconds(2)) -> SpotifyConfiguration {
        var configuration = SpotifyConfiguration()
        configuration.accountsURL = URL(string: server.baseURL)!
        configuration.apiURL = URL(string: server.baseURL)!
        configuration.requestTimeout = timeout
        configuration.retryBackoff = .milliseconds(10)
        return configuration
    }

    /// A server answering the token and search endpoints from the given scripts.
    static func server(token: [LoopbackServer.Reply] = [token("tok-1")],
                       search: [LoopbackServer.Reply] = [search(count: 5)]) throws -> LoopbackServer {
        try LoopbackServer(scripts: [tokenPath: token, searchPath: search])
    }

    /// A client for the server.
    static func client(_ server: LoopbackServer, timeout: Duration = .seconds(2)) -> SpotifyClient {
        SpotifyClient(credentials: credentials, configuration: configuration(server, timeout: timeout))
    }

    /// The environment variables that point Moodify at the server with the test credentials.
    static func environment(_ server: LoopbackServer) -> [String: String] {
        ["SPOTIPY_CLIENT_ID": clientID, "SPOTIPY_CLIENT_SECRET": clientSecret,
         "MOODIFY_SPOTIFY_ACCOUNTS_URL": server.baseURL, "MOODIFY_SPOTIFY_API_URL": server.baseURL]
    }

    /// A fresh empty directory (so no stray `.env` is read).
    static func emptyDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-music-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Fails when any secret (id, secret, or a token value) appears in the text.
    static func leaksSecret(_ text: String) -> Bool {
        [clientID, clientSecret, "tok-1", "tok-2", Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()]
            .contains { text.contains($0) }
    }
}
