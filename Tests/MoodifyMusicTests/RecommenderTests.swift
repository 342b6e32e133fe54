import Foundation
import Testing
@testable import MoodifyMusic

@Suite("Recommender")
struct RecommenderTests {
    /// A recommender configured only by the given environment, reading no stray `.env`.
    static func recommender(_ environment: [String: String] = [:]) throws -> Recommender {
        try Recommender(environment: environment, workingDirectory: SpotifyFixtures.emptyDirectory())
    }

    /// A recommender whose Spotify client talks to the server; tests that expect answers allow a generous timeout
    /// (a loopback reply is instant, but a machine busy with parallel tests can starve the server thread for seconds).
    static func recommender(server: LoopbackServer, timeout: Duration = .seconds(30)) throws -> Recommender {
        try Recommender(catalog: Catalog.embedded(), moodMap: MoodMap.builtin(named: "default"),
                        spotify: SpotifyFixtures.client(server, timeout: timeout))
    }

    @Test("without credentials the catalog answers and says why")
    func catalogWithoutCredentials() async throws {
        let recommendation = await try Self.recommender().recommend(emotion: "HAP")
        #expect(recommendation.source == .catalog)
        #expect(recommendation.reason.contains("SPOTIPY_CLIENT_ID"))
        #expect(recommendation.tracks.count == 5)
        #expect(recommendation.tracks.allSatisfy { !Set($0.genres).isDisjoint(with: ["pop", "dance", "soul"]) })
        #expect(recommendation.description.split(separator: "\n").count == 5)
        #expect(recommendation.description.split(separator: "\n").allSatisfy { $0.contains(" by ") })
        #expect(recommendation.sourceLine.hasPrefix("source: catalog ("))
    }

    @Test("the original map: each emotion draws only its one genre; unknown emotions get pop")
    func originalMap() async throws {
        let recommender = try Self.recommender(["MOODIFY_MOOD_MAP": "original"])
        let expected = ["HAP": "pop", "SAD": "classical", "ANG": "rock", "NEU": "chill", "FEA": "metal", "DIS": "emo", "BORED": "pop"]
        for (emotion, genre) in expected {
            let recommendation = await recommender.recommend(emotion: emotion)
            #expect(recommendation.mapName == "original")
            #expect(recommendation.genres == [genre])
            #expect(recommendation.tracks.count == 5)
            #expect(recommendation.tracks.allSatisfy { $0.genres.contains(genre) }, "\(emotion)")
        }
    }

    @Test("uplift moves sad towards soul, pop and folk; a map without uplift says so")
    func uplift() async throws {
        let recommender = try Self.recommender()
        let lifted = await recommender.recommend(emotion: "sad", strategy: .uplift)
        #expect(lifted.emotion == "SAD")
        #expect(lifted.strategy == .uplift)
        #expect(lifted.tracks.allSatisfy { !Set($0.genres).isDisjoint(with: ["soul", "pop", "folk"]) })
        let original = await recommender.recommend(emotion: "SAD", map: try MoodMap.builtin(named: "original"), strategy: .uplift)
        #expect(original.strategy == .match)
        #expect(original.notes.contains { $0.contains("uplift") })
    }

    @Test("reproducible for a seed, varied across seeds, no artist twice, limit clamped to 1–10")
    func seedsAndLimits() async throws {
        let recommender = try Self.recommender()
        let a = await recommender.recommend(emotion: "ANG", seed: RecommendationSeed.from("1002_IEO_ANG_HI.flac"))
        let b = await recommender.recommend(emotion: "ANG", seed: RecommendationSeed.from("1002_IEO_ANG_HI.flac"))
        #expect(a.tracks == b.tracks)
        var lists = Set<[String]>()
        for seed in 0..<10 { lists.insert(await recommender.recommend(emotion: "ANG", seed: UInt64(seed)).tracks.map(\.title)) }
        #expect(lists.count >= 8)
        for emotion in MoodMap.emotions {
            for strategy in MoodStrategy.allCases {
                let tracks = await recommender.recommend(emotion: emotion, limit: 50, strategy: strategy, seed: 7).tracks
                #expect(tracks.count == 10)
                let artists = tracks.flatMap(\.artists)
                #expect(Set(artists).count == artists.count, "\(emotion) \(strategy)")
            }
        }
        #expect(await recommender.recommend(emotion: "NEU", limit: 0).tracks.count == 1)
    }

    @Test("with credentials Spotify answers; genre and offset come from the seed")
    func spotifyAnswers() async throws {
        let server = try SpotifyFixtures.server(search: [SpotifyFixtures.search(count: 5)])
        defer { server.stop() }
        let recommender = try Self.recommender(SpotifyFixtures.environment(server))
        let recommendation = await recommender.recommend(emotion: "HAP", seed: 3)
        #expect(recommendation.source == .spotify)
        #expect(recommendation.tracks.map(\.description).first == "Song 0 by Artist id0, Guest")
        let search = try #require(server.requests(to: SpotifyFixtures.searchPath).first)
        let genre = try #require(recommendation.genres.first)
        #expect(["pop", "dance", "soul"].contains(genre))
        #expect(search.query["q"] == "genre:\"\(genre)\"")
        #expect(recommendation.reason == "Spotify search for genre \"\(genre)\"")
        let offset = try #require(search.query["offset"].flatMap { Int($0) })
        #expect((0...40).contains(offset))
        _ = await recommender.recommend(emotion: "HAP", seed: 3)
        #expect(server.requests(to: SpotifyFixtures.searchPath).last?.rawQuery == search.rawQuery, "same seed, same request")
    }

    @Test("Spotify's repeated artists are dropped")
    func spotifyDistinctArtists() async throws {
        let items = (0..<3).map { #"{"id":"x\#($0)","name":"Take \#($0)","artists":[{"name":"Same Band"}]}"# }.joined(separator: ",")
        let server = try SpotifyFixtures.server(search: [.json(#"{"tracks":{"items":[\#(items)]}}"#)])
        defer { server.stop() }
        let recommendation = await try Self.recommender(server: server).recommend(emotion: "HAP", limit: 3)
        #expect(recommendation.tracks.map(\.title) == ["Take 0"])
    }

    @Test("credentials from .env with Spotify's own variable names")
    func dotEnvCredentials() async throws {
        let server = try SpotifyFixtures.server()
        defer { server.stop() }
        let directory = try SpotifyFixtures.emptyDirectory()
        let file = """
            SPOTIFY_CLIENT_ID=\(SpotifyFixtures.clientID)
            SPOTIFY_CLIENT_SECRET="\(SpotifyFixtures.clientSecret)"
            MOODIFY_SPOTIFY_ACCOUNTS_URL=\(server.baseURL)
            MOODIFY_SPOTIFY_API_URL=\(server.baseURL)
            SPOTIFY_MARKET=GB
            """
        try Data(file.utf8).write(to: directory.appendingPathComponent(".env"))
        let recommendation = await try Recommender(environment: [:], workingDirectory: directory).recommend(emotion: "NEU")
        #expect(recommendation.source == .spotify)
        #expect(server.requests(to: SpotifyFixtures.searchPath).first?.query["market"] == "GB")
    }

    /// Server scripts that make Spotify fail, and a word the fallback reason must contain.
    static let failures: [(name: String, token: [LoopbackServer.Reply], search: [LoopbackServer.Reply], reason: String)] = [
        ("500", [SpotifyFixtures.token("tok-1")], [.json("{}", status: 500)], "HTTP 500"),
        ("429 long", [SpotifyFixtures.token("tok-1")], [.json("{}", status: 429, headers: ["Retry-After": "120"])], "rate-limiting"),
        ("malformed", [SpotifyFixtures.token("tok-1")], [.json("<html>oops</html>")], "cannot read"),
        ("401 twice", [SpotifyFixtures.token("tok-1"), SpotifyFixtures.token("tok-2")], [.json("{}", status: 401)], "HTTP 401"),
        ("bad secret", [.json(#"{"error":"invalid_client"}"#, status: 400)], [], "rejected the client credentials"),
        ("no results", [SpotifyFixtures.token("tok-1")], [SpotifyFixtures.search(count: 0)], "no tracks"),
        ("slow", [SpotifyFixtures.token("tok-1")], [SpotifyFixtures.search(count: 2).delayed(5)], "in time"),
    ]

    @Test("when Spotify fails the catalog answers, says why, and leaks no secret", arguments: failures.map(\.name))
    func fallback(name: String) async throws {
        let failure = try #require(Self.failures.first { $0.name == name })
        let server = try SpotifyFixtures.server(token: failure.token, search: failure.search)
        defer { server.stop() }
        let recommendation = await try Self.recommender(server: server, timeout: .milliseconds(200)).recommend(emotion: "FEA", seed: 11)
        #expect(recommendation.source == .catalog)
        #expect(recommendation.tracks.count == 5)
        #expect(recommendation.reason.contains(failure.reason), "\(recommendation.reason)")
        #expect(recommendation.reason.contains("catalog answered"))
        let everything = [recommendation.reason, recommendation.sourceLine, recommendation.description, "\(recommendation)"]
            + recommendation.notes
        #expect(!everything.contains { SpotifyFixtures.leaksSecret($0) })
    }

    @Test("no results at a seeded offset retries at offset 0 before giving up")
    func emptyPageRetriesAtZero() async throws {
        let server = try SpotifyFixtures.server(search: [SpotifyFixtures.search(count: 0), SpotifyFixtures.search(count: 3)])
        defer { server.stop() }
        // Seed 0 gives a non-zero offset (checked below), so the empty first page triggers the retry.
        let recommendation = await try Self.recommender(server: server).recommend(emotion: "HAP", seed: 0)
        let offsets = server.requests(to: SpotifyFixtures.searchPath).compactMap { $0.query["offset"] }
        try #require(offsets.count == 2)
        #expect(offsets[0] != "0")
        #expect(offsets[1] == "0")
        #expect(recommendation.source == .spotify)
    }

    @Test("source: .catalog never calls Spotify; .spotify without credentials says it was requested")
    func sourcePreferences() async throws {
        let server = try SpotifyFixtures.server()
        defer { server.stop() }
        let catalogOnly = await try Self.recommender(server: server).recommend(emotion: "SAD", source: .catalog)
        #expect(catalogOnly.source == .catalog)
        #expect(catalogOnly.reason == "the catalog was requested")
        #expect(server.requests.isEmpty)
        let forced = await try Self.recommender().recommend(emotion: "SAD", source: .spotify)
        #expect(forced.source == .catalog)
        #expect(forced.reason.hasPrefix("Spotify was requested, but"))
    }

    @Test("a bad mood map or Spotify setting in the environment is reported when the recommender is made")
    func badEnvironment() {
        #expect(throws: MoodMapError.self) { try Self.recommender(["MOODIFY_MOOD_MAP": "/nonexistent/map.json"]) }
        #expect(throws: SpotifyError.self) { try Self.recommender(["MOODIFY_SPOTIFY_API_URL": "nonsense"]) }
    }

    @Test("every error description is one sentence free of secrets")
    func errorDescriptions() {
        let errors: [SpotifyError] = [
            .missingCredentials(missing: []), .missingCredentials(missing: ["SPOTIPY_CLIENT_SECRET"]),
            .invalidConfiguration(key: "SPOTIFY_MARKET", value: "USA", expected: "a two-letter country code"),
            .credentialsRejected(status: 400), .unauthorized, .rateLimited(retryAfterSeconds: 30), .rateLimited(retryAfterSeconds: nil),
            .serverError(endpoint: "search", status: 500, attempts: 3), .timedOut(endpoint: "token", attempts: 1),
            .transport(endpoint: "search", detail: "connection refused", attempts: 3),
            .malformedResponse(endpoint: "search", detail: "not JSON"), .unexpectedStatus(endpoint: "search", status: 418),
            .noResults(genre: "pop"),
        ]
        for error in errors {
            #expect(error.description.hasSuffix("."), "\(error)")
            #expect(!SpotifyFixtures.leaksSecret(error.description))
        }
    }
}
