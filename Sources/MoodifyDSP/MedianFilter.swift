/// Sliding-window median along one axis of a matrix with scipy.ndimage's "reflect" boundary
/// (d c b a | a b c d | d c b a), as `scipy.ndimage.median_filter` with a 1-D footprint.
enum MedianFilter {
    /// Which direction the window slides in a `Spectrogram`.
    enum Axis { case frames, bins }

    /// Medians of odd width `width` along `axis` of `s`.
    static func apply(_ s: Spectrogram, width: Int, along axis: Axis) -> Spectrogram {
        precondition(width > 0 && width % 2 == 1, "median filter width must be odd and positive")
        var out = Spectrogram(bins: s.bins, frames: s.frames)
        let (lines, length, lineStride, step) = axis == .frames
            ? (s.bins, s.frames, s.frames, 1) : (s.frames, s.bins, 1, s.frames)
        guard length > 0 else { return out }
        var line = [Float](repeating: 0, count: length)
        var result = [Float](repeating: 0, count: length)
        var window = SortedWindow(width: width)
        s.values.withUnsafeBufferPointer { v in
            out.values.withUnsafeMutableBufferPointer { o in
                for l in 0..<lines {
                    for i in 0..<length { line[i] = v[l * lineStride + i * step] }
                    window.medians(of: line, into: &result)
                    for i in 0..<length { o[l * lineStride + i * step] = result[i] }
                }
            }
        }
        return out
    }
}

/// A sorted buffer of the `width` values under a sliding window; moving it costs a binary search and a shift.
struct SortedWindow {
    /// Window width (odd).
    let width: Int
    private var sorted: [Float]
    private var extended: [Float] = []

    init(width: Int) {
        self.width = width
        sorted = [Float](repeating: 0, count: width)
    }

    /// Index of `i` in a line of `n` values under scipy's "reflect" extension (period 2n).
    static func reflect(_ i: Int, count n: Int) -> Int {
        let period = 2 * n
        var j = i % period
        if j < 0 { j += period }
        return j < n ? j : period - 1 - j
    }

    /// Writes the median of each reflect-extended window of `line` into `out`.
    mutating func medians(of line: [Float], into out: inout [Float]) {
        let n = line.count, radius = width / 2
        extended.removeAll(keepingCapacity: true)
        for i in -radius..<(n + radius) { extended.append(line[Self.reflect(i, count: n)]) }
        let w = width
        extended.withUnsafeBufferPointer { e in
            sorted.withUnsafeMutableBufferPointer { s in
                for k in 0..<w { s[k] = e[k] }
                s.sort()
                out[0] = s[radius]
                guard n > 1 else { return }
                for i in 1..<n {
                    let leaving = e[i - 1], entering = e[i - 1 + w]
                    if leaving != entering {
                        // Remove `leaving` (any equal copy will do), then insert `entering` in order.
                        var at = Self.lowerBound(s, leaving, count: w)
                        // Shift to close the gap, and open a gap where `entering` belongs.
                        if entering > leaving {
                            while at + 1 < w && s[at + 1] < entering { s[at] = s[at + 1]; at += 1 }
                        } else {
                            while at > 0 && s[at - 1] > entering { s[at] = s[at - 1]; at -= 1 }
                        }
                        s[at] = entering
                    }
                    out[i] = s[radius]
                }
            }
        }
    }

    /// First position in the sorted prefix of `count` values that is not less than `x`.
    private static func lowerBound(_ s: UnsafeMutableBufferPointer<Float>, _ x: Float, count: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
