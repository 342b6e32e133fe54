extension Corpus {
    /// The clips named by `names` (CREMA-D stems such as "1002_IEO_ANG_HI"): each clip itself where the corpus has
    /// it, otherwise a stand-in of the same emotion — same sentence and level if possible, then same sentence, then
    /// any — never the same clip twice. A name that is not a CREMA-D stem, or whose emotion the corpus lacks, is skipped.
    public func examples(named names: [String]) -> [Clip] {
        let byStem = Dictionary(clips.map { ($0.stem, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen: [Clip] = []
        for name in names {
            guard let wanted = Clip(fileName: name, path: name) else { continue }
            if let clip = byStem[name], !chosen.contains(clip) {
                chosen.append(clip)
                continue
            }
            let candidates = clips.filter { $0.emotion == wanted.emotion && !chosen.contains($0) }
            let preferences: [(Clip) -> Bool] = [
                { $0.sentence == wanted.sentence && $0.level == wanted.level },
                { $0.sentence == wanted.sentence },
                { _ in true },
            ]
            if let standIn = preferences.lazy.compactMap({ candidates.first(where: $0) }).first {
                chosen.append(standIn)
            }
        }
        return chosen
    }
}

extension Clip {
    /// The file name without folder and extension, e.g. "1001_DFA_ANG_XX".
    public var stem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
    }
}
