/// What a mood map says about one emotion: the genres to draw from and the mood tags to favour.
public struct MoodEntry: Sendable, Hashable {
    /// Spotify genre names, most typical first (at least one).
    public var genres: [String]
    /// Mood tags that catalog tracks should share; may be empty.
    public var moods: [String]

    /// An entry with the given genres and mood tags.
    public init(genres: [String], moods: [String] = []) {
        self.genres = genres
        self.moods = moods
    }
}
