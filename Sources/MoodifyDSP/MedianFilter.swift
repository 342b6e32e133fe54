import CMoodifyKernels

/// Sliding-window medians of odd width along the lines of a matrix, with scipy.ndimage's "reflect" boundary
/// (d c b a | a b c d | d c b a), as `scipy.ndimage.median_filter` with a one-dimensional footprint.
///
/// The lines advance together, 16 at a time: every line keeps its window sorted, and a step removes the value
/// leaving each window and inserts the one entering it with branch-free minimums and maximums, so a step costs
/// O(width) whatever the data. The kernel is C++ (`moodify_median_lines`, CMoodifyKernels), built for AVX-512, AVX2
/// and baseline x86-64.
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
        return [Float](unsafeUninitializedCapacity: values.count) { out, count in
            values.withUnsafeBufferPointer { v in
                index.withUnsafeBufferPointer { rows in
                    moodify_median_lines(v.baseAddress!, out.baseAddress!, lines, lines, length, width, rows.baseAddress!)
                }
            }
            count = values.count
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
