import Foundation

/// Recommends music for an emotion: a mood map picks genres and mood tags, then Spotify or
/// the embedded catalog picks tracks.
public struct Recommender: Sendable {
    /// The catalog that answers when Spotify is not used or fails.
    public let catalog: Catalog
    /// The map used when a call names none.
    public let moodMap: MoodMap
    /// The Spotify client, when credentials were found.
    public let spotify: SpotifyClient?
    /// Why there is no Spotify client (shown as the reason of catalog answers).
    public let spotifyUnavailableReason: String

    /// A recommender from its parts.
    public init(catalog: Catalog, moodMap: MoodMap, spotify: SpotifyClient?,
                spotifyUnavailableReason: String = "no Spotify client is configured") {
        self.catalog = catalog
        self.moodMap = moodMap
        self.spotify = spotify
        self.spotifyUnavailableReason = spotifyUnavailableReason
    }

    /// A recommender configured from the environment with `<workingDirectory>/.env` underneath:
    /// the embedded catalog, the map of `MOODIFY_MOOD_MAP` (else "default"), and a Spotify
    /// client when credentials are set. Throws `MoodMapError`, `CatalogError` or `SpotifyError`
    /// (an unusable endpoint URL, market or timeout).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws {
        let merged = DotEnv.environment(process: environment, directory: workingDirectory)
        let configuration = try SpotifyConfiguration(environment: merged)
        let catalog = try Catalog.embedded()
        let map = try MoodMap.active(environment: merged)
        do {
            let credentials = try SpotifyCredentials.from(environment: merged)
            self.init(catalog: catalog, moodMap: map, spotify: SpotifyClient(credentials: credentials, configuration: configuration))
        } catch {
            self.init(catalog: catalog, moodMap: map, spotify: nil, spotifyUnavailableReason: error.description)
        }
    }

    /// Tracks for an emotion (a code such as "HAP" or a name such as "happy").
    ///
    /// `limit` is clamped to 1–10 (Spotify's range). `seed` makes the answer reproducible:
    /// it picks the Spotify genre and search offset (0–40), or the catalog tracks. Never
    /// throws: when Spotify cannot answer, the catalog does and `reason` says why.
    public func recommend(emotion: String, limit: Int = 5, map: MoodMap? = nil, strategy: MoodStrategy? = nil,
                          source: SourcePreference = .auto, seed: UInt64 = 0) async -> Recommendation {
        let map = map ?? moodMap
        let resolution = map.resolve(emotion: emotion, strategy: strategy)
        let limit = min(max(limit, 1), 10)
        let notes = resolution.note.map { [$0] } ?? []

        func fromCatalog(_ reason: String) -> Recommendation {
            var catalogNotes = notes
            let genres = resolution.entry.genres
            if catalog.tracks(inGenres: genres).isEmpty {
                catalogNotes.append("no catalog track carries the genres \(genres.joined(separator: ", ")), so tracks were chosen from the whole catalog by mood")
            }
            let tracks = catalog.select(genres: genres, moods: resolution.entry.moods, limit: limit, seed: seed)
            return Recommendation(emotion: resolution.emotion, mapName: map.name, strategy: resolution.strategy, genres: genres,
                                  tracks: tracks, source: .catalog, reason: reason, notes: catalogNotes)
        }

        if source == .catalog { return fromCatalog("the catalog was requested") }
        guard let spotify else {
            let prefix = source == .spotify ? "Spotify was requested, but " : ""
            return fromCatalog(prefix + spotifyUnavailableReason)
        }
        var generator = SplitMix64(seed: seed)
        let genres = resolution.entry.genres
        let genre = genres[Int(generator.next() % UInt64(genres.count))]
        let offset = Int(generator.next() % 41)
        do throws(SpotifyError) {
            var tracks = try await spotify.searchTracks(genre: genre, limit: limit, offset: offset)
            if tracks.isEmpty && offset > 0 {
                tracks = try await spotify.searchTracks(genre: genre, limit: limit, offset: 0)
            }
            tracks = Self.distinctArtists(tracks)
            guard !tracks.isEmpty else { throw .noResults(genre: genre) }
            return Recommendation(emotion: resolution.emotion, mapName: map.name, strategy: resolution.strategy, genres: [genre],
                                  tracks: tracks, source: .spotify, reason: "Spotify search for genre \"\(genre)\"", notes: notes)
        } catch {
            return fromCatalog("Spotify could not answer: \(error.description) The embedded catalog answered instead")
        }
    }

    /// The tracks in order, skipping any that shares an artist with an earlier one.
    static func distinctArtists(_ tracks: [Track]) -> [Track] {
        var seen = Set<String>()
        return tracks.filter { track in
            let artists = Set(track.artists.map { $0.lowercased() })
            guard seen.isDisjoint(with: artists) else { return false }
            seen.formUnion(artists)
            return true
        }
    }
}
