/// Sliding-window medians of odd width along the lines of a matrix, with scipy.ndimage's "reflect" boundary
/// (d c b a | a b c d | d c b a), as `scipy.ndimage.median_filter` with a one-dimensional footprint.
///
/// The lines advance together, in chunks whose sorted windows fit in L1: every line keeps its window sorted, and a
/// step removes the value leaving each window and inserts the one entering it with branch-free minimums and
/// maximums. The inner loops run over the contiguous lines, so they vectorise, and a step costs O(width) whatever
/// the data.
enum MedianFilter {
    /// Medians of `width` along each of `lines` lines of `length` values; value `i` of line `l` lies at
    /// `l + i * lines` (the lines are the contiguous axis).
    static func apply(_ values: [Float], lines: Int, length: Int, width: Int) -> [Float] {
        precondition(width > 0 && width % 2 == 1, "median filter width must be odd and positive")
        precondition(values.count == lines * length)
        guard lines > 0, length > 0 else { return values }
        let radius = width / 2
        // Rows of the reflect-extended sequence: position k of the extension is row index[k].
        let index = (-radius..<(length + radius)).map { reflect($0, count: length) }
        var out = [Float](unsafeUninitializedCapacity: values.count) { _, n in n = values.count }
        // Lines go in chunks whose sorted windows stay in L1 (32 KB at width 31).
        let chunk = max(4, min(lines, 8192 / width))
        // sorted[j * count + l]: the j-th smallest value in the window of the chunk's line l.
        let sorted = UnsafeMutablePointer<Float>.allocate(capacity: width * chunk)
        let previous = UnsafeMutablePointer<Float>.allocate(capacity: chunk)
        defer { sorted.deallocate(); previous.deallocate() }
        values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                for first in stride(from: 0, to: lines, by: chunk) {
                    filterChunk(v.baseAddress! + first, into: o.baseAddress! + first, count: min(chunk, lines - first),
                                stride: lines, length: length, width: width, index: index, sorted: sorted,
                                previous: previous)
                }
            }
        }
        return out
    }

    /// The medians of `count` lines starting at `input` (value i of line l at `input[i * stride + l]`), written
    /// the same way to `output`; `sorted` and `previous` are scratch for `width * count` and `count` values.
    private static func filterChunk(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>,
                                    count lines: Int, stride: Int, length: Int, width: Int, index: [Int],
                                    sorted: UnsafeMutablePointer<Float>, previous: UnsafeMutablePointer<Float>) {
        let radius = width / 2
        func row(_ k: Int) -> UnsafePointer<Float> { input + index[k] * stride }
        // First window: insertion into a growing sorted run, s'[j] = max(min(s[j], x), s[j − 1]).
        for k in 0..<width {
            let x = row(k)
            previous.update(repeating: -.infinity, count: lines)
            for j in 0..<k {
                let s = sorted + j * lines
                for l in 0..<lines {
                    let current = s[l]
                    let low = current < x[l] ? current : x[l]
                    s[l] = low > previous[l] ? low : previous[l]
                    previous[l] = current
                }
            }
            let top = sorted + k * lines
            for l in 0..<lines { top[l] = x[l] > previous[l] ? x[l] : previous[l] }
        }
        output.update(from: sorted + radius * lines, count: lines)
        // Each step: a[j] = s[j] where s[j] < leaving, else s[j + 1] (one copy of `leaving` goes), then
        // `entering` is inserted: s'[j] = max(min(a[j], entering), a[j − 1]).
        for i in 1..<max(1, length) {
            let leaving = row(i - 1), entering = row(i - 1 + width)
            previous.update(repeating: -.infinity, count: lines)
            for j in 0..<(width - 1) {
                let s = sorted + j * lines, next = s + lines
                for l in 0..<lines {
                    // Both candidates are loaded before the select, so that the loop vectorises.
                    let current = s[l], following = next[l], x = entering[l], p = previous[l]
                    let a = current < leaving[l] ? current : following
                    let low = a < x ? a : x
                    s[l] = low > p ? low : p
                    previous[l] = a
                }
            }
            let last = sorted + (width - 1) * lines
            for l in 0..<lines { last[l] = entering[l] > previous[l] ? entering[l] : previous[l] }
            (output + i * stride).update(from: sorted + radius * lines, count: lines)
        }
    }

    /// Index of position `i` in a line of `n` values under "reflect" extension (period 2n).
    static func reflect(_ i: Int, count n: Int) -> Int {
        let period = 2 * n
        var j = i % period
        if j < 0 { j += period }
        return j < n ? j : period - 1 - j
    }
}
