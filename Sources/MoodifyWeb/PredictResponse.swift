import MoodifyMusic

/// The body of `POST /api/predict`.
struct PredictResponse: Encodable {
    /// The most probable class.
    var emotion: String
    /// Each class's probability.
    var probabilities: [String: Double]
    /// The classes in the model's output order.
    var classes: [String]
    /// The uploaded clip's length in seconds.
    var duration: Double
    /// The seconds of audio the features were computed from.
    var analysedDuration: Double
    /// Whether only the first part of the clip was analysed.
    var truncated: Bool
    /// A sentence for the user when the clip was shortened, else nil.
    var notice: String?
    /// The model's name.
    var model: String
    /// Tracks for the emotion and where they came from.
    var recommendations: RecommendationsPayload

    enum CodingKeys: String, CodingKey {
        case emotion, probabilities, classes, duration, truncated, notice, model, recommendations
        case analysedDuration = "analysed_duration"
    }
}

/// The recommendations part of a prediction.
struct RecommendationsPayload: Encodable {
    /// "spotify" or "catalog".
    var source: String
    /// Why this source answered.
    var reason: String
    /// Anything else worth saying (a substituted strategy …).
    var notes: [String]
    /// The tracks, no artist twice.
    var tracks: [TrackPayload]

    /// The payload of a recommendation.
    init(_ recommendation: Recommendation) {
        source = recommendation.source.rawValue
        reason = recommendation.reason
        notes = recommendation.notes
        tracks = recommendation.tracks.map(TrackPayload.init)
    }
}

/// One recommended track as the page shows it.
struct TrackPayload: Encodable {
    var title: String
    var artist: String
    var artists: [String]
    var album: String?
    var year: Int?
    var genre: String?
    /// Opens the track, or a Spotify search for it (catalog tracks).
    var url: String
    /// Spotify's embeddable player, when the track came from Spotify.
    var embedURL: String?

    enum CodingKeys: String, CodingKey {
        case title, artist, artists, album, year, genre, url
        case embedURL = "embed_url"
    }

    /// The payload of a track.
    init(_ track: Track) {
        title = track.title
        artist = track.artists.first ?? ""
        artists = track.artists
        album = track.album
        year = track.year
        genre = track.genres.first
        url = track.openURL.absoluteString
        embedURL = track.embedURL?.absoluteString
    }
}
