/// Sliding-window medians of odd width along the lines of a matrix, with scipy.ndimage's "reflect" boundary
/// (d c b a | a b c d | d c b a), as `scipy.ndimage.median_filter` with a one-dimensional footprint.
///
/// Eight lines are filtered at once, one per SIMD lane. Each lane keeps its window sorted; a step removes the
/// value leaving the window and inserts the one entering it with branch-free selects, minimums and maximums, so
/// a step costs O(width) vector operations whatever the data.
enum MedianFilter {
    /// Lanes per vector.
    typealias Lanes = SIMD8<Float>

    /// Medians of `width` along each of `lines` lines of `length` values; value `i` of line `l` lies at
    /// `l + i * lines` (the lines are the contiguous axis, as frames are in a bin-major matrix).
    static func apply(_ values: [Float], lines: Int, length: Int, width: Int) -> [Float] {
        precondition(width > 0 && width % 2 == 1, "median filter width must be odd and positive")
        precondition(values.count == lines * length)
        guard lines > 0, length > 0 else { return values }
        let radius = width / 2
        // Line positions of the reflect-extended sequence: position k of the extension is value index[k].
        let index = (-radius..<(length + radius)).map { reflect($0, count: length) }
        var out = [Float](repeating: 0, count: values.count)
        var sorted = [Lanes](repeating: .zero, count: width)
        values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                sorted.withUnsafeMutableBufferPointer { s in
                    for l0 in Swift.stride(from: 0, to: lines, by: Lanes.scalarCount) {
                        let lanes = min(Lanes.scalarCount, lines - l0)
                        func load(_ i: Int) -> Lanes {
                            let p = v.baseAddress! + i * lines + l0
                            if lanes == Lanes.scalarCount {
                                return UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
                            }
                            var x = Lanes.zero
                            for j in 0..<lanes { x[j] = p[j] }
                            return x
                        }
                        func store(_ x: Lanes, _ i: Int) {
                            let p = o.baseAddress! + i * lines + l0
                            if lanes == Lanes.scalarCount {
                                UnsafeMutableRawPointer(p).storeBytes(of: x, as: Lanes.self)
                            } else {
                                for j in 0..<lanes { p[j] = x[j] }
                            }
                        }
                        // First window: insertion into a growing sorted run.
                        for k in 0..<width { insert(load(index[k]), into: s, count: k) }
                        store(s[radius], 0)
                        for i in 1..<max(1, length) {
                            replace(load(index[i - 1]), with: load(index[i - 1 + width]), in: s)
                            store(s[radius], i)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Index of position `i` in a line of `n` values under "reflect" extension (period 2n).
    static func reflect(_ i: Int, count n: Int) -> Int {
        let period = 2 * n
        var j = i % period
        if j < 0 { j += period }
        return j < n ? j : period - 1 - j
    }

    /// Lane-wise minimum as one vector select (the data holds no NaN).
    @inline(__always) private static func minimum(_ a: Lanes, _ b: Lanes) -> Lanes {
        a.replacing(with: b, where: b .< a)
    }

    /// Lane-wise maximum as one vector select (the data holds no NaN).
    @inline(__always) private static func maximum(_ a: Lanes, _ b: Lanes) -> Lanes {
        a.replacing(with: b, where: b .> a)
    }

    /// Inserts `x` into the sorted run `s[0..<count]` per lane: s'[j] = max(min(s[j], x), s[j−1]).
    @inline(__always) private static func insert(_ x: Lanes, into s: UnsafeMutableBufferPointer<Lanes>, count: Int) {
        var previous = Lanes(repeating: -.infinity)
        for j in 0..<count {
            let current = s[j]
            s[j] = maximum(minimum(current, x), previous)
            previous = current
        }
        s[count] = maximum(x, previous)
    }

    /// Removes one copy of `leaving` from each lane's sorted window and inserts `entering`.
    @inline(__always) private static func replace(_ leaving: Lanes, with entering: Lanes,
                                                  in s: UnsafeMutableBufferPointer<Lanes>) {
        let n = s.count
        // Removal: a[j] = s[j] where s[j] < leaving, else s[j + 1] (the copy at the first equal position goes);
        // insertion into a: s'[j] = max(min(a[j], entering), a[j − 1]).
        var previous = Lanes(repeating: -.infinity)
        for j in 0..<(n - 1) {
            let a = s[j].replacing(with: s[j + 1], where: s[j] .>= leaving)
            s[j] = maximum(minimum(a, entering), previous)
            previous = a
        }
        s[n - 1] = maximum(entering, previous)
    }
}
