/// Zero-crossing rate per frame as `librosa.feature.zero_crossing_rate`: with `center` the signal is padded by
/// `frameLength / 2` copies of its edge samples; in each frame, the fraction of the `frameLength` positions whose
/// sign bit differs from the previous sample's, after values within ±1e-10 count as +0 (the first position never
/// counts).
public func zeroCrossingRate(_ y: [Float], frameLength: Int = 2048, hopLength: Int = 512, center: Bool = true) -> [Float] {
    precondition(frameLength > 0 && hopLength > 0, "frameLength and hopLength must be positive")
    let pad = center ? frameLength / 2 : 0
    guard !y.isEmpty else { return [] }
    let total = y.count + 2 * pad
    let frames = frameCount(samples: total, frameLength: frameLength, hopLength: hopLength)
    // crossings[j]: how many positions i < j of the padded signal differ in sign bit from position i − 1, after
    // thresholding; a frame's count is then a difference of two of them (exact integers, so the order is free).
    var crossings = [Int32](repeating: 0, count: total + 1)
    y.withUnsafeBufferPointer { s in
        crossings.withUnsafeMutableBufferPointer { c in
            func negative(_ i: Int) -> Bool {
                let x = s[min(max(i - pad, 0), s.count - 1)]
                return abs(x) > 1e-10 && x.sign == .minus
            }
            var previous = negative(0)
            for i in 1..<max(1, total) {
                let current = negative(i)
                c[i + 1] = c[i] + (current != previous ? 1 : 0)
                previous = current
            }
        }
    }
    var out = [Float](repeating: 0, count: frames)
    for t in 0..<frames {
        // Positions start + 1 ..< start + frameLength.
        let start = t * hopLength
        out[t] = Float(crossings[start + frameLength] - crossings[start + 1]) / Float(frameLength)
    }
    return out
}

/// Root-mean-square energy per frame as `librosa.feature.rms(y=…)`: with `center` the signal is zero-padded by
/// `frameLength / 2` on both sides; sqrt(mean of squares) over each frame.
public func rms(_ y: [Float], frameLength: Int = 2048, hopLength: Int = 512, center: Bool = true) -> [Float] {
    precondition(frameLength > 0 && hopLength > 0, "frameLength and hopLength must be positive")
    let signal = center ? zeroPadded(y, by: frameLength / 2) : y
    let frames = frameCount(samples: signal.count, frameLength: frameLength, hopLength: hopLength)
    var out = [Float](repeating: 0, count: frames)
    signal.withUnsafeBufferPointer { s in
        // Running sum of squares in double: each frame's energy is a difference of two prefix sums.
        var prefix = [Double](repeating: 0, count: s.count + 1)
        for i in 0..<s.count { prefix[i + 1] = prefix[i] + Double(s[i]) * Double(s[i]) }
        for t in 0..<frames {
            let start = t * hopLength
            let energy = max(0, prefix[start + frameLength] - prefix[start])
            out[t] = Float((energy / Double(frameLength)).squareRoot())
        }
    }
    return out
}
