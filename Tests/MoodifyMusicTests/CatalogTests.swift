import Foundation
import Testing
@testable import MoodifyMusic

@Suite("Embedded catalog")
struct CatalogTests {
    @Test("has at least 240 tracks, at least 20 for every genre a built-in map uses")
    func counts() throws {
        let catalog = try Catalog.embedded()
        #expect(catalog.tracks.count >= 240)
        let counts = catalog.genreCounts
        let genres = Set(try MoodMap.builtin(named: "default").genres + MoodMap.builtin(named: "original").genres)
        for genre in genres.sorted() {
            #expect(counts[genre, default: 0] >= 20, "genre \(genre) has \(counts[genre, default: 0]) tracks")
        }
    }

    @Test("every track has a title, artists, genres, moods and a sane year; none is listed twice")
    func shape() throws {
        let catalog = try Catalog.embedded()
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        var seen = Set<String>()
        for track in catalog.tracks {
            #expect(!track.title.trimmingCharacters(in: .whitespaces).isEmpty)
            #expect(!track.artists.isEmpty && track.artists.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(track)")
            #expect(!track.genres.isEmpty && !track.moods.isEmpty, "\(track)")
            let year = try #require(track.year, "\(track) has no year")
            #expect((1700...thisYear).contains(year), "\(track) has year \(year)")
            let key = track.title.lowercased() + "|" + track.artists.map { $0.lowercased() }.joined(separator: ";")
            #expect(seen.insert(key).inserted, "\(track) is listed twice")
            #expect(track.spotifyID == nil && track.embedURL == nil)
        }
    }

    @Test("links are Spotify search URLs of the title and first artist")
    func links() throws {
        let catalog = try Catalog.embedded()
        for track in catalog.tracks {
            let url = track.openURL.absoluteString
            #expect(url.hasPrefix("https://open.spotify.com/search/"))
            let query = String(url.dropFirst("https://open.spotify.com/search/".count)).removingPercentEncoding
            #expect(query == "\(track.title) \(track.artists[0])")
        }
        #expect(SpotifyLinks.search(title: "Für Elise", artist: "Ludwig van Beethoven").absoluteString
            == "https://open.spotify.com/search/F%C3%BCr%20Elise%20Ludwig%20van%20Beethoven")
        #expect(SpotifyLinks.search(title: "What's My Age Again?", artist: "blink-182").absoluteString
            == "https://open.spotify.com/search/What%27s%20My%20Age%20Again%3F%20blink-182")
    }

    @Test("every default-map entry has at least 10 artists whose tracks share one of its moods")
    func enoughVariety() throws {
        let catalog = try Catalog.embedded()
        let map = try MoodMap.builtin(named: "default")
        for strategy in MoodStrategy.allCases {
            for emotion in MoodMap.emotions + [MoodMap.unknownKey] {
                let entry = map.resolve(emotion: emotion, strategy: strategy).entry
                let fitting = catalog.tracks(inGenres: entry.genres).filter { !Set($0.moods).isDisjoint(with: entry.moods) }
                let artists = Set(fitting.compactMap(\.artists.first))
                #expect(artists.count >= 10, "\(strategy) \(emotion): \(artists.count) artists")
            }
        }
    }

    @Test("selection is reproducible for a seed and varies across seeds")
    func reproducible() throws {
        let catalog = try Catalog.embedded()
        let first = catalog.select(genres: ["pop", "dance"], moods: ["happy"], limit: 5, seed: 42)
        let again = catalog.select(genres: ["pop", "dance"], moods: ["happy"], limit: 5, seed: 42)
        #expect(first == again)
        let lists = Set((0..<10).map { catalog.select(genres: ["pop", "dance"], moods: ["happy"], limit: 5, seed: UInt64($0)).map(\.title) })
        #expect(lists.count >= 8, "10 seeds gave only \(lists.count) different lists")
    }

    @Test("tracks sharing a mood tag come first; others only fill up")
    func favoursMoods() throws {
        let catalog = try Catalog.embedded()
        let moods: Set<String> = ["sad", "melancholic"]
        let fittingArtists = Set(catalog.tracks(inGenres: ["classical"]).filter { !Set($0.moods).isDisjoint(with: moods) }
            .compactMap(\.artists.first))
        for seed in 0..<20 {
            let picks = catalog.select(genres: ["classical"], moods: Array(moods), limit: 5, seed: UInt64(seed))
            #expect(picks.count == 5)
            #expect(picks.allSatisfy { !Set($0.moods).isDisjoint(with: moods) }, "seed \(seed)")
        }
        // More picks than fitting artists: the list is filled up with the genre's other tracks.
        let long = catalog.select(genres: ["classical"], moods: Array(moods), limit: fittingArtists.count + 2, seed: 1)
        #expect(long.count == fittingArtists.count + 2)
        #expect(long.prefix(fittingArtists.count).allSatisfy { !Set($0.moods).isDisjoint(with: moods) })
        #expect(long.suffix(2).allSatisfy { Set($0.moods).isDisjoint(with: moods) })
    }

    @Test("no artist twice, only the wanted genres, at most the limit")
    func distinctArtists() throws {
        let catalog = try Catalog.embedded()
        for seed in 0..<25 {
            let picks = catalog.select(genres: ["rock", "metal"], moods: ["angry"], limit: 10, seed: UInt64(seed))
            #expect(picks.count == 10)
            let artists = picks.flatMap(\.artists).map { $0.lowercased() }
            #expect(Set(artists).count == artists.count, "seed \(seed) repeats an artist")
            #expect(picks.allSatisfy { !Set($0.genres).isDisjoint(with: ["rock", "metal"]) })
        }
    }

    @Test("a genre the catalog lacks selects from the whole catalog")
    func unknownGenre() throws {
        let picks = try Catalog.embedded().select(genres: ["k-pop"], moods: ["happy"], limit: 5, seed: 1)
        #expect(picks.count == 5)
    }

    @Test("a malformed catalog is rejected")
    func malformed() {
        #expect(throws: CatalogError.self) { try Catalog(json: Data(#"{"tracks": [{"title": "x"}]}"#.utf8)) }
        #expect(throws: CatalogError.self) { try Catalog(json: Data(#"{"tracks": [{"title": "", "artists": ["a"], "genres": ["pop"], "moods": []}]}"#.utf8)) }
    }
}
