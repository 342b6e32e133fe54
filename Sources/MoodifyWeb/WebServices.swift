import Foundation
import MoodifyMusic

/// Everything the routes share: the classifier, the recommender, the request limits and the prediction threads.
public struct WebServices: Sendable {
    /// The emotion classifier.
    public var predictor: any EmotionPredicting
    /// Picks tracks for the predicted emotion (Spotify when configured, else the catalog).
    public var recommender: Recommender
    /// Upload size, audio length and prediction concurrency limits.
    public let limits: WebLimits
    /// The threads predictions run on, sized by `limits`.
    public let pool: PredictionPool

    /// Services from their parts, with a prediction pool sized by `limits`.
    public init(predictor: any EmotionPredicting, recommender: Recommender, limits: WebLimits = WebLimits()) {
        self.predictor = predictor
        self.recommender = recommender
        self.limits = limits
        self.pool = PredictionPool(threads: limits.predictionThreads, maxWaiting: limits.maxWaitingPredictions)
    }
}

/// How much a client may send, how much of it is analysed and how many predictions run or wait at once.
public struct WebLimits: Sendable, Equatable {
    /// The largest accepted request body, in bytes (20 MB).
    public var maxUploadBytes: Int
    /// Audio beyond this many seconds is not analysed (the response says so).
    public var maxAnalysedSeconds: Double
    /// Predictions that run at the same time, by default one per active core (the work is CPU-bound).
    public var predictionThreads: Int
    /// Predictions that may wait for a thread; beyond them requests get 503.
    public var maxWaitingPredictions: Int

    /// Limits, by default 20 MB, 30 s, one prediction per core and 64 waiting.
    public init(maxUploadBytes: Int = 20 * 1024 * 1024, maxAnalysedSeconds: Double = 30,
                predictionThreads: Int = ProcessInfo.processInfo.activeProcessorCount, maxWaitingPredictions: Int = 64) {
        self.maxUploadBytes = maxUploadBytes
        self.maxAnalysedSeconds = maxAnalysedSeconds
        self.predictionThreads = predictionThreads
        self.maxWaitingPredictions = maxWaitingPredictions
    }
}
