import MoodifyMusic

/// Everything the routes share: the classifier, the recommender and the request limits.
public struct WebServices: Sendable {
    /// The emotion classifier.
    public var predictor: any EmotionPredicting
    /// Picks tracks for the predicted emotion (Spotify when configured, else the catalog).
    public var recommender: Recommender
    /// Upload size and audio length limits.
    public var limits: WebLimits

    /// Services from their parts.
    public init(predictor: any EmotionPredicting, recommender: Recommender, limits: WebLimits = WebLimits()) {
        self.predictor = predictor
        self.recommender = recommender
        self.limits = limits
    }
}

/// How much a client may send and how much of it is analysed.
public struct WebLimits: Sendable, Equatable {
    /// The largest accepted request body, in bytes (20 MB).
    public var maxUploadBytes: Int
    /// Audio beyond this many seconds is not analysed (the response says so).
    public var maxAnalysedSeconds: Double

    /// Limits, by default 20 MB and 30 s.
    public init(maxUploadBytes: Int = 20 * 1024 * 1024, maxAnalysedSeconds: Double = 30) {
        self.maxUploadBytes = maxUploadBytes
        self.maxAnalysedSeconds = maxAnalysedSeconds
    }
}
