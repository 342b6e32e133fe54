/// Where the caller wants tracks from.
public enum SourcePreference: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Spotify when credentials are configured, else the catalog.
    case auto
    /// Only the embedded catalog.
    case catalog
    /// Spotify; the catalog still answers (and says why) when Spotify cannot.
    case spotify

    /// The preference's name as scripts spell it.
    public var description: String { rawValue }
}

/// Where a recommendation's tracks came from.
public enum RecommendationSource: String, Sendable, CustomStringConvertible {
    /// The embedded catalog.
    case catalog
    /// A Spotify search.
    case spotify

    /// The source's name.
    public var description: String { rawValue }
}

/// Tracks recommended for an emotion, with where they came from and why.
public struct Recommendation: Sendable, CustomStringConvertible {
    /// The emotion code ("HAP"), or the label as given when it is not one of the six.
    public var emotion: String
    /// The mood map used.
    public var mapName: String
    /// The strategy used.
    public var strategy: MoodStrategy
    /// The genres drawn from (for Spotify, the one genre searched).
    public var genres: [String]
    /// The tracks, no artist twice.
    public var tracks: [Track]
    /// Where the tracks came from.
    public var source: RecommendationSource
    /// Why this source answered ("Spotify search for genre \"pop\"", or why Spotify could not).
    public var reason: String
    /// Anything else the caller should know (a substituted strategy, a genre missing from the catalog).
    public var notes: [String]

    /// A recommendation from all its fields.
    public init(emotion: String, mapName: String, strategy: MoodStrategy, genres: [String], tracks: [Track],
                source: RecommendationSource, reason: String, notes: [String] = []) {
        self.emotion = emotion
        self.mapName = mapName
        self.strategy = strategy
        self.genres = genres
        self.tracks = tracks
        self.source = source
        self.reason = reason
        self.notes = notes
    }

    /// "source: catalog (no Spotify credentials …)".
    public var sourceLine: String { "source: \(source.rawValue) (\(reason))" }

    /// One "Title by Artist" line per track.
    public var description: String {
        tracks.map(\.description).joined(separator: "\n")
    }
}
