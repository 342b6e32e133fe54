import Foundation

/// The reference level a decibel conversion divides by.
public enum DecibelReference: Sendable, Hashable {
    /// A fixed reference value (librosa's `ref=1.0` is `.value(1)`).
    case value(Double)
    /// The largest value of the input (librosa's `ref=np.max`).
    case max
}

/// Power to decibels as `librosa.power_to_db`: 10·log10(max(amin, S)) − 10·log10(max(amin, ref)), then, with
/// `topDB`, floored at (largest value − topDB).
public func powerToDB(_ spectrum: Spectrogram, ref: DecibelReference = .value(1), amin: Double = 1e-10,
                      topDB: Double? = 80) -> Spectrogram {
    Spectrogram(bins: spectrum.bins, frames: spectrum.frames,
                values: powerToDB(spectrum.values, ref: ref, amin: amin, topDB: topDB))
}

/// `powerToDB` over a flat array of powers.
public func powerToDB(_ values: [Float], ref: DecibelReference = .value(1), amin: Double = 1e-10,
                      topDB: Double? = 80) -> [Float] {
    precondition(amin > 0, "amin must be strictly positive")
    precondition((topDB ?? 0) >= 0, "topDB must not be negative")
    let refValue: Double
    switch ref {
    case .value(let v): refValue = abs(v)
    case .max: refValue = Double(values.max() ?? 0)
    }
    let offset = 10 * log10(Swift.max(amin, refValue))
    let aminF = Float(amin)
    var out = [Float](repeating: 0, count: values.count)
    values.withUnsafeBufferPointer { s in
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<s.count { o[i] = Float(10 * FastMath.log10(Swift.max(aminF, s[i])) - offset) }
            guard let topDB, !s.isEmpty else { return }
            // The loudest dB value is that of the largest input (the logarithm is monotonic).
            var largest = -Float.infinity
            for i in 0..<o.count where o[i] > largest { largest = o[i] }
            let floor = Float(Double(largest) - topDB)
            for i in 0..<o.count { o[i] = Swift.max(o[i], floor) }
        }
    }
    return out
}

/// Amplitude to decibels as `librosa.amplitude_to_db`: `powerToDB` of S² with ref² and amin².
public func amplitudeToDB(_ values: [Float], ref: DecibelReference = .value(1), amin: Double = 1e-5,
                          topDB: Double? = 80) -> [Float] {
    let refValue: DecibelReference
    switch ref {
    case .value(let v): refValue = .value(v * v)
    case .max:
        let m = Double(values.map(abs).max() ?? 0)
        refValue = .value(m * m)
    }
    return powerToDB(values.map { $0 * $0 }, ref: refValue, amin: amin * amin, topDB: topDB)
}
