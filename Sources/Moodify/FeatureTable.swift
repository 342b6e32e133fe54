import MoodifyLearn

/// The features of a corpus: one row per clip (or per augmented version of a clip), in corpus order, with what
/// each row came from, and the clips that could not be used.
public struct FeatureTable: Sendable {
    /// A clip left out of the table, and why.
    public struct SkippedClip: Sendable, Equatable {
        /// The clip's path.
        public var file: String
        /// One sentence saying what went wrong.
        public var reason: String
    }

    /// What each value of `variants` means: the clip, + noise, pitch shifted, time stretched.
    public static let variantNames = ["original", "noise", "pitch_shift", "time_stretch"]

    /// The feature set's name, e.g. "method1".
    public var featureSet: String
    /// One name per column of `X`.
    public var columns: [String]
    /// The feature matrix, one row per clip version.
    public var X: Matrix
    /// Each row's emotion label.
    public var labels: [String]
    /// Each row's speaker.
    public var speakers: [String]
    /// Each row's clip file.
    public var files: [String]
    /// Each row's clip index in the corpus (augmented versions of one clip share it), for grouped splits.
    public var clips: [Int]
    /// Each row's version of its clip, an index into `variantNames` (always 0 without augmentation).
    public var variants: [Int]
    /// Whether each clip gave its four augmented versions.
    public var augmented: Bool
    /// The clips that could not be decoded or analysed, in corpus order.
    public var skipped: [SkippedClip]
    /// How many clips' rows came from the cache.
    public var cachedClips: Int

    /// The number of clips with rows in the table.
    public var clipCount: Int { augmented ? X.rows / Self.variantNames.count : X.rows }

    /// A few lines for people: shape, clips, cache hits and the skipped clips with their reasons.
    public var summary: String {
        var lines = ["FeatureTable \(featureSet) · \(X.rows) rows × \(X.cols) columns · \(clipCount) clips"
                     + (augmented ? " × 4 versions (original, noise, pitch +2, stretch 0.8)" : "")
                     + " · \(cachedClips) from cache"]
        if !skipped.isEmpty {
            lines.append("Skipped \(skipped.count) clip\(skipped.count == 1 ? "" : "s"):")
            lines += skipped.map { "  \($0.reason)" }
        }
        return lines.joined(separator: "\n")
    }
}
