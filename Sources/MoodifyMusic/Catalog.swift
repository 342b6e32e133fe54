import Foundation

/// The embedded track catalog: real, widely known recordings tagged with genres and moods,
/// which answers when Spotify is not configured or fails.
public struct Catalog: Sendable {
    /// Every track, in file order.
    public let tracks: [Track]

    /// A catalog of the given tracks.
    public init(tracks: [Track]) {
        self.tracks = tracks
    }

    /// The catalog shipped in the MoodifyMusic bundle (parsed once per process).
    public static func embedded() throws(CatalogError) -> Catalog {
        try embeddedResult.get()
    }

    private static let embeddedResult: Result<Catalog, CatalogError> = {
        guard let url = Bundle.module.url(forResource: "catalog", withExtension: "json") else {
            return .failure(.unreadable(source: "catalog.json", detail: "the resource is missing from the MoodifyMusic bundle"))
        }
        do {
            let data = try Data(contentsOf: url)
            return .success(try Catalog(json: data, source: "catalog.json"))
        } catch let error as CatalogError {
            return .failure(error)
        } catch {
            return .failure(.unreadable(source: url.path, detail: error.localizedDescription))
        }
    }()

    /// Parses catalog JSON (`{"tracks": [{"title", "artists", "year", "genres", "moods"}]}`);
    /// links are Spotify search URLs built from the title and first artist.
    public init(json: Data, source: String = "(inline)") throws(CatalogError) {
        let file: CatalogFile
        do {
            file = try JSONDecoder().decode(CatalogFile.self, from: json)
        } catch {
            throw .malformed(source: source, detail: String(describing: error))
        }
        var tracks: [Track] = []
        tracks.reserveCapacity(file.tracks.count)
        for (index, entry) in file.tracks.enumerated() {
            guard !entry.title.isEmpty, !entry.artists.isEmpty, !entry.genres.isEmpty else {
                throw .malformed(source: source, detail: "track \(index) needs a title, artists and genres")
            }
            tracks.append(Track(
                title: entry.title, artists: entry.artists, album: entry.album, year: entry.year,
                genres: entry.genres.map { $0.lowercased() }, moods: entry.moods.map { $0.lowercased() },
                openURL: SpotifyLinks.search(title: entry.title, artist: entry.artists.first)))
        }
        self.tracks = tracks
    }

    /// How many tracks carry each genre.
    public var genreCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for track in tracks {
            for genre in track.genres { counts[genre, default: 0] += 1 }
        }
        return counts
    }

    /// The tracks carrying any of the genres.
    public func tracks(inGenres genres: [String]) -> [Track] {
        let wanted = Set(genres.map { $0.lowercased() })
        return tracks.filter { !wanted.isDisjoint(with: $0.genres) }
    }

    /// Up to `limit` tracks from the given genres, no artist twice, varied by `seed` but the same for the same seed.
    ///
    /// Tracks sharing at least one of `moods` come first, drawn by weighted sampling without
    /// replacement (key = ln(u) / shared-tag count, so closer fits are likelier); the other
    /// tracks of the genres only fill up a list the fitting ones cannot. When no track carries
    /// any of the genres, every track is a candidate.
    public func select(genres: [String], moods: [String], limit: Int, seed: UInt64) -> [Track] {
        let wantedGenres = Set(genres.map { $0.lowercased() })
        let wantedMoods = Set(moods.map { $0.lowercased() })
        let anyInGenre = tracks.contains { !wantedGenres.isDisjoint(with: $0.genres) }
        var generator = SplitMix64(seed: seed)
        var fitting: [(key: Double, index: Int)] = []
        var others: [(key: Double, index: Int)] = []
        for (index, track) in tracks.enumerated() {
            let u = generator.nextOpenUnit()
            guard !anyInGenre || !wantedGenres.isDisjoint(with: track.genres) else { continue }
            let shared = wantedMoods.intersection(track.moods).count
            if shared > 0 {
                fitting.append((log(u) / Double(shared), index))
            } else {
                others.append((log(u), index))
            }
        }
        let byKey: ((key: Double, index: Int), (key: Double, index: Int)) -> Bool = {
            $0.key != $1.key ? $0.key > $1.key : $0.index < $1.index
        }
        var chosen: [Track] = []
        var usedArtists = Set<String>()
        for (_, index) in fitting.sorted(by: byKey) + others.sorted(by: byKey) where chosen.count < limit {
            let track = tracks[index]
            let artists = Set(track.artists.map { $0.lowercased() })
            guard usedArtists.isDisjoint(with: artists) else { continue }
            usedArtists.formUnion(artists)
            chosen.append(track)
        }
        return chosen
    }
}

/// The catalog file's JSON shape.
private struct CatalogFile: Decodable {
    struct Entry: Decodable {
        var title: String
        var artists: [String]
        var album: String?
        var year: Int?
        var genres: [String]
        var moods: [String]
    }

    var tracks: [Entry]
}
