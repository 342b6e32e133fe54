import MoodifyAudio
import MoodifyDSP
import MoodifyLearn

extension Corpus {
    /// A babble of `voices` actors talking at once, at 22,050 Hz: one clip of each of `voices` actors (chosen with
    /// `seed`), trimmed at 30 dB, scaled to unit RMS and summed from the start; as long as the longest of them.
    public func babble(voices: Int = 6, seed: UInt64 = 42) throws -> [Float] {
        var rng = SeededGenerator(seed: seed)
        let actors = Array(Set(speakers)).sorted().shuffled(using: &rng).prefix(voices)
        var mix = [Float]()
        for actor in actors {
            guard let clip = clips.filter({ $0.speaker == actor }).randomElement(using: &rng) else { continue }
            let audio = try AudioBuffer(contentsOf: clip.path, sampleRate: FeatureSet.sampleRate)
            let voice = trim(audio.samples).samples
            let power = voice.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(voice.count, 1))
            guard power > 0 else { continue }
            let scale = Float(1 / power.squareRoot())
            if voice.count > mix.count { mix += [Float](repeating: 0, count: voice.count - mix.count) }
            for (i, sample) in voice.enumerated() { mix[i] += scale * sample }
        }
        return mix
    }
}
