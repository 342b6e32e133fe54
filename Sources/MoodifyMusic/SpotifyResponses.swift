import Foundation

/// The token endpoint's answer (`{"access_token", "token_type", "expires_in"}`).
struct TokenResponse: Decodable {
    let accessToken: String
    let expiresIn: Int

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case expiresIn = "expires_in"
    }
}

/// The parts of `GET /v1/search?type=track` Moodify reads.
struct SearchResponse: Decodable {
    struct Page: Decodable {
        /// Spotify occasionally sends `null` items; they are skipped.
        let items: [Item?]
    }

    struct Item: Decodable {
        let id: String
        let name: String
        let artists: [Artist]
        let album: Album?
        let externalURLs: [String: String]?

        enum CodingKeys: String, CodingKey {
            case id, name, artists, album
            case externalURLs = "external_urls"
        }
    }

    struct Artist: Decodable {
        let name: String
    }

    struct Album: Decodable {
        let name: String?
        let releaseDate: String?
        let images: [Image]?

        enum CodingKeys: String, CodingKey {
            case name, images
            case releaseDate = "release_date"
        }
    }

    struct Image: Decodable {
        let url: String
        let width: Int?
    }

    let tracks: Page

    /// The items as tracks tagged with the genre searched for.
    func tracks(genre: String) -> [Track] {
        tracks.items.compactMap { $0 }.map { item in
            let openURL = item.externalURLs?["spotify"].flatMap(URL.init(string:)) ?? SpotifyLinks.track(id: item.id)
            let largestImage = item.album?.images?.max { ($0.width ?? 0) < ($1.width ?? 0) }
            let year = item.album?.releaseDate.flatMap { Int($0.prefix(4)) }
            return Track(
                title: item.name, artists: item.artists.map(\.name), album: item.album?.name, year: year,
                genres: [genre], spotifyID: item.id, openURL: openURL, embedURL: SpotifyLinks.embed(id: item.id),
                imageURL: largestImage.flatMap { URL(string: $0.url) })
        }
    }
}
