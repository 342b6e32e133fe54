import Foundation

/// Orthonormal DCT-II as scipy's `dct(type=2, norm="ortho")`, keeping the first `count` coefficients.
struct DCT2: Sendable {
    /// Input length.
    let size: Int
    /// Kept coefficients.
    let count: Int
    /// `count`×`size` basis, row-major.
    let basis: [Double]

    init(size: Int, count: Int) {
        self.size = size
        self.count = count
        var b = [Double](repeating: 0, count: count * size)
        for k in 0..<count {
            let scale = k == 0 ? (1 / Double(size)).squareRoot() : (2 / Double(size)).squareRoot()
            for n in 0..<size {
                b[k * size + n] = scale * cos(Double.pi * Double(k) * Double(2 * n + 1) / Double(2 * size))
            }
        }
        basis = b
    }

    /// The transform along the rows (bins) of every frame of `x`, which must have `size` rows.
    func apply(to x: Spectrogram) -> Spectrogram {
        precondition(x.bins == size, "DCT of size \(size) applied to \(x.bins) rows")
        let frames = x.frames
        var out = [Float](repeating: 0, count: count * frames)
        var acc = [Double](repeating: 0, count: frames)
        x.values.withUnsafeBufferPointer { s in
            basis.withUnsafeBufferPointer { b in
                acc.withUnsafeMutableBufferPointer { a in
                    out.withUnsafeMutableBufferPointer { o in
                        for k in 0..<count {
                            for t in 0..<frames { a[t] = 0 }
                            for n in 0..<size {
                                let w = b[k * size + n]
                                let row = s.baseAddress! + n * frames
                                for t in 0..<frames { a[t] += w * Double(row[t]) }
                            }
                            for t in 0..<frames { o[k * frames + t] = Float(a[t]) }
                        }
                    }
                }
            }
        }
        return Spectrogram(bins: count, frames: frames, values: out)
    }
}

/// MFCCs from a mel power spectrogram, as `librosa.feature.mfcc(S=power_to_db(mel))`: the first `nMFCC`
/// orthonormal DCT-II coefficients of `powerToDB(mel)` (ref 1, amin 1e-10, top 80 dB) per frame.
public func mfcc(melSpectrogram mel: Spectrogram, nMFCC: Int = 20) -> Spectrogram {
    mfcc(logMelSpectrogram: powerToDB(mel), nMFCC: nMFCC)
}

/// MFCCs from a log-power mel spectrogram, as `librosa.feature.mfcc(S=S)`: the first `nMFCC` orthonormal
/// DCT-II coefficients of each frame.
public func mfcc(logMelSpectrogram s: Spectrogram, nMFCC: Int = 20) -> Spectrogram {
    precondition(nMFCC > 0 && nMFCC <= s.bins, "nMFCC must lie in 1...\(s.bins)")
    return DCT2(size: s.bins, count: nMFCC).apply(to: s)
}

/// MFCCs of `y` as `librosa.feature.mfcc(y=y, sr=sr, n_mfcc=nMFCC)` (128 Slaney mels, n_fft 2048, hop 512).
public func mfcc(_ y: [Float], sr: Double = 22050, nMFCC: Int = 20, nFFT: Int = 2048, hopLength: Int = 512,
                 nMels: Int = 128) -> Spectrogram {
    mfcc(melSpectrogram: melspectrogram(y, sr: sr, nFFT: nFFT, hopLength: hopLength, nMels: nMels), nMFCC: nMFCC)
}
