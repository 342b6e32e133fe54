import Foundation

/// The matrix folding `nInput` CQT bins (`binsPerOctave` per octave from `fmin`, C1 by default) onto `nChroma`
/// pitch classes, as `librosa.filters.cq_to_chroma`: each chroma row sums the bins of its pitch class, the
/// centre bin and its neighbours within the class's share of the octave. Row-major, `nChroma` × `nInput`.
public func cqToChroma(nInput: Int, binsPerOctave: Int = 12, nChroma: Int = 12, fmin: Double? = nil,
                       baseC: Bool = true) throws(ChromaError) -> Spectrogram {
    try requireChroma(nInput > 0, "n_input", nInput, "positive")
    try requireChroma(nChroma > 0, "n_chroma", nChroma, "positive")
    guard binsPerOctave > 0, binsPerOctave % nChroma == 0 else {
        throw .incompatibleChromaBins(binsPerOctave: binsPerOctave, nChroma: nChroma)
    }
    let merge = binsPerOctave / nChroma
    // Pitch class of the first CQT bin (MIDI numbers are 12 per octave), rounded to chroma bins.
    let fmin = fmin ?? cqtNoteC1
    let midi0 = (12 * (log2(fmin) - log2(440.0)) + 69).truncatingRemainder(dividingBy: 12)
    let pitchClass = midi0 < 0 ? midi0 + 12 : midi0
    let roll = Int(((baseC ? pitchClass : pitchClass - 9) * (Double(nChroma) / 12)).rounded(.toNearestOrEven))
    var values = [Float](repeating: 0, count: nChroma * nInput)
    for b in 0..<nInput {
        // Bin b of the octave belongs to class (b + merge / 2) / merge before the roll.
        let inOctave = (b % binsPerOctave + merge / 2) % binsPerOctave
        let chroma = ((inOctave / merge + roll) % nChroma + nChroma) % nChroma
        values[chroma * nInput + b] = 1
    }
    return Spectrogram(bins: nChroma, frames: nInput, values: values)
}

/// Constant-Q chromagram of `y`, as `librosa.feature.chroma_cqt(y=y, sr=sr)`: the magnitude of a CQT with
/// `nOctaves · binsPerOctave` bins (36 per octave by default, tuning estimated unless given), folded onto
/// `nChroma` pitch classes, values below `threshold` zeroed, and each frame normalised by its `norm`-norm.
public func chromaCQT(_ y: [Float], sr: Double = 22050, hopLength: Int = 512, fmin: Double? = nil,
                      norm: Double? = .infinity, threshold: Float = 0, tuning: Double? = nil, nChroma: Int = 12,
                      nOctaves: Int = 7, binsPerOctave: Int = 36) throws(ChromaError) -> Spectrogram {
    try requireChroma(nChroma > 0, "n_chroma", nChroma, "positive")
    try requireChroma(nOctaves > 0, "n_octaves", nOctaves, "positive")
    guard binsPerOctave > 0, binsPerOctave % nChroma == 0 else {
        throw .incompatibleChromaBins(binsPerOctave: binsPerOctave, nChroma: nChroma)
    }
    let c = try cqt(y, sr: sr, hopLength: hopLength, fmin: fmin, nBins: nOctaves * binsPerOctave,
                    binsPerOctave: binsPerOctave, tuning: tuning).magnitude()
    return try chromaCQT(magnitude: c, binsPerOctave: binsPerOctave, nChroma: nChroma, fmin: fmin, norm: norm,
                         threshold: threshold)
}

/// Constant-Q chromagram from a CQT magnitude, as `librosa.feature.chroma_cqt(C=C)`.
public func chromaCQT(magnitude c: Spectrogram, binsPerOctave: Int = 36, nChroma: Int = 12, fmin: Double? = nil,
                      norm: Double? = .infinity, threshold: Float = 0) throws(ChromaError) -> Spectrogram {
    try requireChroma(norm.map { $0 > 0 } ?? true, "norm", norm.map { "\($0)" } ?? "nil", "positive, inf or nil")
    let fold = try cqToChroma(nInput: c.bins, binsPerOctave: binsPerOctave, nChroma: nChroma, fmin: fmin)
    let frames = c.frames
    var out = [Float](repeating: 0, count: nChroma * frames)
    fold.values.withUnsafeBufferPointer { w in
        c.values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                for k in 0..<nChroma {
                    let row = o.baseAddress! + k * frames
                    for b in 0..<c.bins where w[k * c.bins + b] != 0 {
                        let weight = w[k * c.bins + b], source = v.baseAddress! + b * frames
                        for t in 0..<frames { row[t] += weight * source[t] }
                    }
                    for t in 0..<frames where row[t] < threshold { row[t] = 0 }
                }
            }
        }
    }
    return Spectrogram(bins: nChroma, frames: frames, values: out).columnsNormalized(norm: norm)
}
