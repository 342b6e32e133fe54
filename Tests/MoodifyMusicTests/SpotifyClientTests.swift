import Foundation
import Testing
@testable import MoodifyMusic

@Suite("Spotify client against a loopback server")
struct SpotifyClientTests {
    @Test("sends the exact token and search requests and reads the tracks")
    func exactRequests() async throws {
        let server = try SpotifyFixtures.server()
        defer { server.stop() }
        let tracks = try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 5, offset: 7)

        let tokenRequests = server.requests(to: SpotifyFixtures.tokenPath)
        try #require(tokenRequests.count == 1)
        let token = tokenRequests[0]
        #expect(token.method == "POST")
        let basic = Data("\(SpotifyFixtures.clientID):\(SpotifyFixtures.clientSecret)".utf8).base64EncodedString()
        #expect(token.headers["authorization"] == "Basic \(basic)")
        #expect(token.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(token.body == "grant_type=client_credentials")

        let searches = server.requests(to: SpotifyFixtures.searchPath)
        try #require(searches.count == 1)
        let search = searches[0]
        #expect(search.method == "GET")
        #expect(search.headers["authorization"] == "Bearer tok-1")
        #expect(search.query == ["q": "genre:\"pop\"", "type": "track", "limit": "5", "market": "US", "offset": "7"])
        #expect(search.rawQuery.contains("q=genre%3A%22pop%22"))

        try #require(tracks.count == 5)
        let first = tracks[0]
        #expect(first.title == "Song 0")
        #expect(first.artists == ["Artist id0", "Guest"])
        #expect(first.album == "Album 0")
        #expect(first.year == 2010)
        #expect(first.spotifyID == "id0")
        #expect(first.openURL.absoluteString == "https://open.spotify.com/track/id0")
        #expect(first.embedURL?.absoluteString == "https://open.spotify.com/embed/track/id0")
        #expect(first.imageURL?.absoluteString == "https://i.scdn.co/image/large0")
        #expect(first.genres == ["pop"])
        #expect(first.description == "Song 0 by Artist id0, Guest")
    }

    @Test("clamps limit to 1–10 and sends the configured market", arguments: [(25, "10"), (0, "1"), (-3, "1"), (10, "10")])
    func limitClamped(requested: Int, sent: String) async throws {
        let server = try SpotifyFixtures.server()
        defer { server.stop() }
        var configuration = SpotifyFixtures.configuration(server)
        configuration.market = "SE"
        _ = try await SpotifyClient(credentials: SpotifyFixtures.credentials, configuration: configuration)
            .searchTracks(genre: "rock", limit: requested)
        let search = try #require(server.requests(to: SpotifyFixtures.searchPath).first)
        #expect(search.query["limit"] == sent)
        #expect(search.query["market"] == "SE")
        #expect(search.query["offset"] == "0")
    }

    @Test("caches the token until shortly before it expires")
    func tokenCached() async throws {
        let server = try SpotifyFixtures.server(token: [SpotifyFixtures.token("tok-1", expiresIn: 3600)])
        defer { server.stop() }
        let client = SpotifyFixtures.client(server)
        _ = try await client.searchTracks(genre: "pop", limit: 3)
        _ = try await client.searchTracks(genre: "jazz", limit: 3)
        #expect(server.requests(to: SpotifyFixtures.tokenPath).count == 1)
        #expect(server.requests(to: SpotifyFixtures.searchPath).count == 2)
    }

    @Test("asks for a new token when the old one is within the expiry margin")
    func shortLivedToken() async throws {
        // expires_in 30 s is inside the 60 s margin, so the token is never reused.
        let server = try SpotifyFixtures.server(token: [SpotifyFixtures.token("tok-1", expiresIn: 30), SpotifyFixtures.token("tok-2", expiresIn: 30)])
        defer { server.stop() }
        let client = SpotifyFixtures.client(server)
        _ = try await client.searchTracks(genre: "pop", limit: 3)
        _ = try await client.searchTracks(genre: "pop", limit: 3)
        #expect(server.requests(to: SpotifyFixtures.tokenPath).count == 2)
        #expect(server.requests(to: SpotifyFixtures.searchPath).map { $0.headers["authorization"] } == ["Bearer tok-1", "Bearer tok-2"])
    }

    @Test("401 on search: gets a new token and retries once")
    func unauthorizedRetriedOnce() async throws {
        let server = try SpotifyFixtures.server(
            token: [SpotifyFixtures.token("tok-1"), SpotifyFixtures.token("tok-2")],
            search: [.json(#"{"error":{"status":401,"message":"The access token expired"}}"#, status: 401), SpotifyFixtures.search(count: 2)])
        defer { server.stop() }
        let tracks = try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 2)
        #expect(tracks.count == 2)
        #expect(server.requests(to: SpotifyFixtures.tokenPath).count == 2)
        #expect(server.requests(to: SpotifyFixtures.searchPath).map { $0.headers["authorization"] } == ["Bearer tok-1", "Bearer tok-2"])
    }

    @Test("401 twice: gives up after one retry")
    func unauthorizedTwice() async throws {
        let server = try SpotifyFixtures.server(
            token: [SpotifyFixtures.token("tok-1"), SpotifyFixtures.token("tok-2")],
            search: [.json(#"{"error":{"status":401}}"#, status: 401)])
        defer { server.stop() }
        await #expect(throws: SpotifyError.unauthorized) {
            try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 2)
        }
        #expect(server.requests(to: SpotifyFixtures.searchPath).count == 2)
    }

    @Test("429 with a short Retry-After: waits and retries")
    func rateLimitedShort() async throws {
        let server = try SpotifyFixtures.server(search: [
            .json(#"{"error":{"status":429}}"#, status: 429, headers: ["Retry-After": "1"]), SpotifyFixtures.search(count: 3),
        ])
        defer { server.stop() }
        let tracks = try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 3)
        #expect(tracks.count == 3)
        #expect(server.requests(to: SpotifyFixtures.searchPath).count == 2)
    }

    @Test("429 with a long or missing Retry-After: gives up at once", arguments: [["Retry-After": "60"], [:]])
    func rateLimitedLong(headers: [String: String]) async throws {
        let server = try SpotifyFixtures.server(search: [.json(#"{"error":{"status":429}}"#, status: 429, headers: headers)])
        defer { server.stop() }
        await #expect(throws: SpotifyError.rateLimited(retryAfterSeconds: headers["Retry-After"].flatMap { Int($0) })) {
            try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 3)
        }
        #expect(server.requests(to: SpotifyFixtures.searchPath).count == 1)
    }

    @Test("5xx: two retries with backoff, then an error")
    func serverErrors() async throws {
        let server = try SpotifyFixtures.server(search: [.json(#"{"error":{"status":500}}"#, status: 500)])
        defer { server.stop() }
        await #expect(throws: SpotifyError.serverError(endpoint: "search", status: 500, attempts: 3)) {
            try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 3)
        }
        #expect(server.requests(to: SpotifyFixtures.searchPath).count == 3)
    }

    @Test("a 5xx followed by success recovers, on both endpoints")
    func serverErrorRecovers() async throws {
        let server = try SpotifyFixtures.server(
            token: [.json("{}", status: 503), SpotifyFixtures.token("tok-1")],
            search: [.json("{}", status: 502), SpotifyFixtures.search(count: 4)])
        defer { server.stop() }
        let tracks = try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 4)
        #expect(tracks.count == 4)
        #expect(server.requests(to: SpotifyFixtures.tokenPath).count == 2)
        #expect(server.requests(to: SpotifyFixtures.searchPath).count == 2)
    }

    @Test("a slow server times out: two retries, then an error")
    func slowServer() async throws {
        // Each answer takes 5 s (far beyond the timeout, even on a loaded machine); the client gives up on a request after 0.25 s.
        let server = try SpotifyFixtures.server(search: [SpotifyFixtures.search(count: 1).delayed(5)])
        defer { server.stop() }
        await #expect(throws: SpotifyError.timedOut(endpoint: "search", attempts: 3)) {
            try await SpotifyFixtures.client(server, timeout: .milliseconds(250)).searchTracks(genre: "pop", limit: 3)
        }
        #expect(server.requests(to: SpotifyFixtures.searchPath).count == 3)
    }

    @Test("malformed JSON is reported, not retried", arguments: ["{not json", #"{"tracks":{}}"#, #"{"tracks":{"items":[{"id":7}]}}"#, "[]"])
    func malformedSearch(body: String) async throws {
        let server = try SpotifyFixtures.server(search: [.json(body)])
        defer { server.stop() }
        await #expect {
            try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 3)
        } throws: { error in
            guard case .malformedResponse(endpoint: "search", _) = error as? SpotifyError else { return false }
            return true
        }
        #expect(server.requests(to: SpotifyFixtures.searchPath).count == 1)
    }

    @Test("a malformed token answer is reported")
    func malformedToken() async throws {
        let server = try SpotifyFixtures.server(token: [.json(#"{"token_type":"Bearer"}"#)])
        defer { server.stop() }
        await #expect {
            try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 3)
        } throws: { error in
            guard case .malformedResponse(endpoint: "token", let detail) = error as? SpotifyError else { return false }
            return detail.contains("access_token")
        }
        #expect(server.requests(to: SpotifyFixtures.searchPath).isEmpty)
    }

    @Test("rejected credentials stop before any search")
    func credentialsRejected() async throws {
        let server = try SpotifyFixtures.server(token: [.json(#"{"error":"invalid_client","error_description":"Invalid client secret"}"#, status: 400)])
        defer { server.stop() }
        await #expect(throws: SpotifyError.credentialsRejected(status: 400)) {
            try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 3)
        }
        #expect(server.requests(to: SpotifyFixtures.tokenPath).count == 1)
        #expect(server.requests(to: SpotifyFixtures.searchPath).isEmpty)
    }

    @Test("null items are skipped")
    func nullItems() async throws {
        let server = try SpotifyFixtures.server(search: [.json(#"{"tracks":{"items":[null,{"id":"a","name":"Only","artists":[{"name":"Solo"}]}]}}"#)])
        defer { server.stop() }
        let tracks = try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 2)
        #expect(tracks.map(\.description) == ["Only by Solo"])
        #expect(tracks.first?.album == nil)
        #expect(tracks.first?.imageURL == nil)
        #expect(tracks.first?.openURL.absoluteString == "https://open.spotify.com/track/a")
    }

    @Test("a closed port is a transport error after the retries")
    func connectionRefused() async throws {
        let server = try SpotifyFixtures.server()
        server.stop()
        await #expect {
            try await SpotifyFixtures.client(server).searchTracks(genre: "pop", limit: 3)
        } throws: { error in
            guard case .transport(endpoint: "token", _, attempts: 3) = error as? SpotifyError else { return false }
            return true
        }
    }
}

extension LoopbackServer.Reply {
    /// The same reply, sent after `seconds`.
    func delayed(_ seconds: Double) -> Self {
        var copy = self
        copy.delay = seconds
        return copy
    }
}
