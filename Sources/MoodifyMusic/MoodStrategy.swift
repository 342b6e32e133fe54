/// How a mood map answers an emotion: mirror it, or move a low-valence mood towards calm or joy.
public enum MoodStrategy: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Music that mirrors the mood (angry → rock, sad → classical).
    case match
    /// Music that moves a low-valence mood towards calm or joy (angry → chill, sad → soul).
    case uplift

    /// The strategy's name as maps and scripts spell it.
    public var description: String { rawValue }
}
