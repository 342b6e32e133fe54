import Foundation

/// One recording: from the embedded catalog, or as Spotify described it.
public struct Track: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The recording's title.
    public var title: String
    /// Performing artists (for classical works in the catalog, the composer), main artist first.
    public var artists: [String]
    /// The album, when known.
    public var album: String?
    /// Year of first release (classical catalog entries: year of composition or publication).
    public var year: Int?
    /// Genre names (catalog tracks; Spotify tracks carry the genre they were searched under).
    public var genres: [String]
    /// Mood tags (catalog tracks only).
    public var moods: [String]
    /// Spotify's track id, when the track came from Spotify.
    public var spotifyID: String?
    /// A link that opens the track (Spotify tracks) or a Spotify search for it (catalog tracks).
    public var openURL: URL
    /// Spotify's embeddable player (`https://open.spotify.com/embed/track/<id>`), when there is an id.
    public var embedURL: URL?
    /// The album cover, when Spotify gave one.
    public var imageURL: URL?

    /// A track from all its fields.
    public init(title: String, artists: [String], album: String? = nil, year: Int? = nil, genres: [String] = [],
                moods: [String] = [], spotifyID: String? = nil, openURL: URL, embedURL: URL? = nil, imageURL: URL? = nil) {
        self.title = title
        self.artists = artists
        self.album = album
        self.year = year
        self.genres = genres
        self.moods = moods
        self.spotifyID = spotifyID
        self.openURL = openURL
        self.embedURL = embedURL
        self.imageURL = imageURL
    }

    /// The artists joined for display ("Daft Punk, Pharrell Williams").
    public var artistLine: String { artists.joined(separator: ", ") }

    /// "Title by Artist".
    public var description: String {
        artists.isEmpty ? title : "\(title) by \(artistLine)"
    }
}
