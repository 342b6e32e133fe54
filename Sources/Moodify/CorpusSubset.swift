import MoodifyLearn

extension Corpus {
    /// At most `count` clips of every (speaker, emotion) pair, drawn at random with `seed`, in corpus order:
    /// a small corpus that still has every actor and every emotion.
    public func subset(perSpeakerEmotion count: Int, seed: UInt64 = 42) -> Corpus {
        let groups = Dictionary(grouping: clips.indices) { "\(clips[$0].speaker)_\(clips[$0].emotion)" }
        return picking(groups: groups, seed: seed) { _ in count }
    }

    /// `limit` clips in all (or every clip when there are fewer), drawn at random with `seed`, each emotion keeping its
    /// share of the corpus (largest remainders round), in corpus order.
    public func subset(limit: Int, seed: UInt64 = 42) -> Corpus {
        let groups = Dictionary(grouping: clips.indices) { clips[$0].emotion }
        let total = max(count, 1), target = min(max(limit, 0), count)
        var quotas = groups.mapValues { target * $0.count / total }
        let remainders = groups.keys.sorted().sorted { a, b in
            (target * groups[a]!.count) % total > (target * groups[b]!.count) % total
        }
        for key in remainders.prefix(target - quotas.values.reduce(0, +)) { quotas[key]! += 1 }
        return picking(groups: groups, seed: seed) { quotas[$0]! }
    }

    /// The corpus of `quota(key)` randomly chosen clips of each group (indices into `clips`), in corpus order.
    private func picking(groups: [String: [Int]], seed: UInt64, quota: (String) -> Int) -> Corpus {
        var rng = SeededGenerator(seed: seed)
        var chosen = [Int]()
        for key in groups.keys.sorted() {
            chosen += groups[key]!.shuffled(using: &rng).prefix(max(quota(key), 0))
        }
        var subset = self
        subset.clips = chosen.sorted().map { clips[$0] }
        return subset
    }
}
