import Foundation

/// The frequency-domain filters of one octave of a constant-Q transform, kept sparse as librosa keeps them
/// (`__vqt_filter_fft`): each row holds the non-negative-frequency FFT of one windowed complex sinusoid, with the
/// smallest coefficients that together make up `sparsity` of the row's L1 norm dropped.
struct CQTFilterBasis: Sendable {
    /// FFT size the filters were padded to (a power of two).
    let nFFT: Int
    /// Number of filters (rows), lowest frequency first.
    let filterCount: Int
    /// Row `k`'s coefficients are at `rowStart[k]..<rowStart[k + 1]`.
    let rowStart: [Int]
    /// FFT bin of each coefficient, ascending within a row.
    let column: [Int32]
    /// Real parts of the coefficients.
    let real: [Float]
    /// Imaginary parts of the coefficients.
    let imag: [Float]
    /// The FFT bins any filter uses, ascending.
    let usedBins: [Int32]
    /// Position in `usedBins` of each coefficient's bin.
    let slot: [Int32]

    /// Builds the filters for centre frequencies `freqs` (ascending, Hz) with relative bandwidths `alpha` at
    /// sample rate `sr`, as `librosa.filters.wavelet(pad_fft=True)` followed by the FFT and `sparsify_rows`.
    ///
    /// librosa stores the time-domain filters in complex64 and transforms them in single precision; here the
    /// same float32 filters are transformed in double precision (two real FFTs) and the result rounded to float32,
    /// which is at least as close to the exact transform.
    init(freqs: [Double], alpha: [Double], sr: Double, filterScale: Double, norm: Double?, sparsity: Double,
         window: Window) {
        let lengths = cqtFilterLengths(freqs: freqs, alpha: alpha, sr: sr, filterScale: filterScale)
        let longest = lengths.max() ?? 1
        let nFFT = Int(pow(2.0, log2(longest).rounded(.up)))
        let bins = nFFT / 2 + 1
        self.nFFT = nFFT
        filterCount = freqs.count

        let fft = DoubleRealFFT(size: nFFT)
        let realIn = AlignedDoubles(count: nFFT), imagIn = AlignedDoubles(count: nFFT)
        let realOut = AlignedDoubles(count: nFFT + 2), imagOut = AlignedDoubles(count: nFFT + 2)
        var starts = [0], columns = [Int32](), reals = [Float](), imags = [Float]()
        var spectrumRe = [Float](repeating: 0, count: bins), spectrumIm = [Float](repeating: 0, count: bins)
        for (k, freq) in freqs.enumerated() {
            let ilen = lengths[k]
            // np.arange(-ilen // 2, ilen // 2): ceil(ilen) sample times around zero.
            let first = (-ilen / 2).rounded(.down), last = (ilen / 2).rounded(.down)
            let count = Int((last - first).rounded(.up))
            var re = [Double](repeating: 0, count: count), im = [Double](repeating: 0, count: count)
            var total = 0.0
            cqtWindowedPhasor(first: first, freq: freq, sr: sr, window: window, re: &re, im: &im)
            if let norm {
                for n in 0..<count { total = chromaAccumulateNorm(total, (re[n] * re[n] + im[n] * im[n]).squareRoot(), norm) }
                total = chromaFinishNorm(total, norm)
                if total >= Double.leastNormalMagnitude {
                    for n in 0..<count { re[n] /= total; im[n] /= total }
                }
            }
            // Centre in nFFT zeros, round to complex64, scale by length / nFFT (in float64, stored as complex64).
            let pad = (nFFT - count) / 2
            let gain = ilen / Double(nFFT)
            for n in 0..<nFFT { realIn.pointer[n] = 0; imagIn.pointer[n] = 0 }
            for n in 0..<count {
                realIn.pointer[pad + n] = Double(Float(Double(Float(re[n])) * gain))
                imagIn.pointer[pad + n] = Double(Float(Double(Float(im[n])) * gain))
            }
            // FFT of re + i·im = FFT(re) + i·FFT(im), for the non-negative frequencies.
            fft.forward(realIn, realOut)
            fft.forward(imagIn, imagOut)
            let a = realOut.pointer, b = imagOut.pointer
            for j in 0..<bins {
                spectrumRe[j] = Float(a[2 * j] - b[2 * j + 1])
                spectrumIm[j] = Float(a[2 * j + 1] + b[2 * j])
            }
            cqtSparsifyRow(spectrumRe, spectrumIm, quantile: sparsity, columns: &columns, real: &reals, imag: &imags)
            starts.append(columns.count)
        }
        rowStart = starts
        column = columns
        real = reals
        imag = imags
        (usedBins, slot) = cqtBinSlots(columns)
    }

    /// The same filters with row `k`'s coefficients multiplied by `factors[k]` (in float64, stored as float32, as
    /// librosa rescales its complex64 basis).
    func scaled(by factors: [Double]) -> CQTFilterBasis {
        precondition(factors.count == filterCount)
        var re = real, im = imag
        for k in 0..<filterCount {
            for e in rowStart[k]..<rowStart[k + 1] {
                re[e] = Float(Double(re[e]) * factors[k])
                im[e] = Float(Double(im[e]) * factors[k])
            }
        }
        return CQTFilterBasis(nFFT: nFFT, filterCount: filterCount, rowStart: rowStart, column: column, real: re, imag: im)
    }

    private init(nFFT: Int, filterCount: Int, rowStart: [Int], column: [Int32], real: [Float], imag: [Float]) {
        self.nFFT = nFFT
        self.filterCount = filterCount
        self.rowStart = rowStart
        self.column = column
        self.real = real
        self.imag = imag
        (usedBins, slot) = cqtBinSlots(column)
    }
}

/// The distinct bins among `columns` (ascending) and each column's position among them.
private func cqtBinSlots(_ columns: [Int32]) -> (bins: [Int32], slot: [Int32]) {
    var position = [Int32](repeating: -1, count: Int(columns.max() ?? 0) + 1)
    for c in columns { position[Int(c)] = 0 }
    var bins = [Int32]()
    for (b, p) in position.enumerated() where p == 0 {
        position[b] = Int32(bins.count)
        bins.append(Int32(b))
    }
    return (bins, columns.map { position[Int($0)] })
}

/// The windowed complex sinusoid of librosa's `wavelet`: sample n is e^(i·2π·(first + n)·freq / sr) times the
/// window (scipy's periodic Hann of `re.count` points, or ones). Angles are advanced by rotation and recomputed
/// exactly every 32 samples, which keeps them within ~1e-15 of direct evaluation (far below the float32 result).
private func cqtWindowedPhasor(first: Double, freq: Double, sr: Double, window: Window,
                               re: inout [Double], im: inout [Double]) {
    let count = re.count
    let step = 2 * Double.pi * freq / sr
    let rotation = (cos(step), sin(step))
    let taperStep = 2 * Double.pi / Double(count)
    let taperRotation = (cos(taperStep), sin(taperStep))
    var n0 = 0
    while n0 < count {
        let angle = (first + Double(n0)) * 2 * Double.pi * freq / sr
        var z = (cos(angle), sin(angle))
        var w = (cos(taperStep * Double(n0)), sin(taperStep * Double(n0)))
        for n in n0..<min(n0 + 32, count) {
            let taper: Double
            switch window {
            case .hann: taper = count == 1 ? 1 : 0.5 - 0.5 * w.0
            case .ones: taper = 1
            }
            re[n] = z.0 * taper
            im[n] = z.1 * taper
            z = (z.0 * rotation.0 - z.1 * rotation.1, z.0 * rotation.1 + z.1 * rotation.0)
            w = (w.0 * taperRotation.0 - w.1 * taperRotation.1, w.0 * taperRotation.1 + w.1 * taperRotation.0)
        }
        n0 += 32
    }
}

/// Appends the coefficients `sparsify_rows` keeps of one row: those at least as large in magnitude as the smallest
/// magnitude at which the ascending cumulative share of the row's L1 norm reaches `quantile` (float32 arithmetic).
private func cqtSparsifyRow(_ re: [Float], _ im: [Float], quantile: Double,
                            columns: inout [Int32], real: inout [Float], imag: inout [Float]) {
    var magnitudes = [Float](repeating: 0, count: re.count)
    for j in re.indices {
        let a = Double(re[j]), b = Double(im[j])
        magnitudes[j] = Float((a * a + b * b).squareRoot())
    }
    let sorted = cqtSortedAscending(magnitudes)
    var norm = 0.0
    for m in sorted { norm += Double(m) }
    let total = Float(norm)
    let q = Float(quantile)
    var cumulative: Float = 0
    var cut = sorted.first ?? 0
    for m in sorted {
        cumulative += m / total
        if cumulative >= q { cut = m; break }
    }
    for j in magnitudes.indices where magnitudes[j] >= cut {
        columns.append(Int32(j))
        real.append(re[j])
        imag.append(im[j])
    }
}

/// Non-negative floats in ascending order, by a least-significant-byte-first radix sort of their bit patterns
/// (which order non-negative floats as their values).
private func cqtSortedAscending(_ values: [Float]) -> [Float] {
    let n = values.count
    var keys = values.map { $0.bitPattern }
    var scratch = [UInt32](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: 256)
    keys.withUnsafeMutableBufferPointer { a in
        scratch.withUnsafeMutableBufferPointer { b in
            counts.withUnsafeMutableBufferPointer { c in
                var source = a.baseAddress!, target = b.baseAddress!
                for shift in stride(from: UInt32(0), to: 32, by: 8) {
                    c.update(repeating: 0)
                    for i in 0..<n { c[Int((source[i] >> shift) & 0xFF)] += 1 }
                    var offset = 0
                    for d in 0..<256 {
                        let size = c[d]
                        c[d] = offset
                        offset += size
                    }
                    for i in 0..<n {
                        let digit = Int((source[i] >> shift) & 0xFF)
                        target[c[digit]] = source[i]
                        c[digit] += 1
                    }
                    swap(&source, &target)
                }
                // Four passes: the sorted keys are back in `keys`.
            }
        }
    }
    return keys.map { Float(bitPattern: $0) }
}

/// Filter lengths in samples, Q·sr / f with Q = filterScale / alpha, as `librosa.filters.wavelet_lengths` (gamma 0).
func cqtFilterLengths(freqs: [Double], alpha: [Double], sr: Double, filterScale: Double) -> [Double] {
    zip(freqs, alpha).map { f, a in filterScale / a * sr / f }
}

/// Relative bandwidth of each filter from the local spacing of `freqs` in octaves, as librosa's
/// `_relative_bandwidth` (one-sided differences at both ends, centred ones elsewhere).
func cqtRelativeBandwidth(freqs: [Double]) -> [Double] {
    let n = freqs.count
    precondition(n >= 2, "relative bandwidths need at least two frequencies")
    let logf = freqs.map { log2($0) }
    var bpo = [Double](repeating: 0, count: n)
    bpo[0] = 1 / (logf[1] - logf[0])
    bpo[n - 1] = 1 / (logf[n - 1] - logf[n - 2])
    for i in 1..<(n - 1) { bpo[i] = 2 / (logf[i + 1] - logf[i - 1]) }
    return bpo.map { (pow(2.0, 2 / $0) - 1) / (pow(2.0, 2 / $0) + 1) }
}

extension Window {
    /// Equivalent noise bandwidth in bins, from librosa's table (`filters.window_bandwidth`).
    var cqtBandwidth: Double {
        switch self {
        case .hann: return 1.50018310546875
        case .ones: return 1
        }
    }
}
