/// Leading and trailing silence removed from `y` as `librosa.effects.trim`: frames whose RMS (centred,
/// `frameLength`/`hopLength`) lies within `topDB` of the loudest frame are non-silent; the result runs from the
/// first such frame's start to the end of the last one (clipped to the signal). All-silent audio is kept whole,
/// as in librosa (every frame then equals the reference). Returns the samples and the half-open range kept.
public func trim(_ y: [Float], topDB: Double = 30, frameLength: Int = 2048,
                 hopLength: Int = 512) -> (samples: [Float], range: Range<Int>) {
    let energy = rms(y, frameLength: frameLength, hopLength: hopLength)
    let db = amplitudeToDB(energy, ref: .max, topDB: nil)
    guard let first = db.firstIndex(where: { Double($0) > -topDB }),
          let last = db.lastIndex(where: { Double($0) > -topDB }) else {
        return ([], 0..<0)
    }
    let start = min(first * hopLength, y.count)
    let end = min(y.count, (last + 1) * hopLength)
    guard start < end else { return ([], start..<start) }
    return (Array(y[start..<end]), start..<end)
}
