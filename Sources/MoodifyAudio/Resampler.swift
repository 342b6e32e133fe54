import CSoxr

/// Band-limited sample-rate conversion with libsoxr, configured as librosa's default `soxr_hq`.
public enum Resampler {
    /// librosa.resample(y, orig_sr, target_sr, res_type="soxr_hq"): soxr HQ oneshot, length ceil(n*to/from).
    ///
    /// The conversion is libsoxr's one-shot call with the HQ quality spec (20-bit precision, linear
    /// phase) and float32 interleaved I/O, which is exactly what python-soxr runs for librosa. The
    /// output is then padded with zeros or cut to `ceil(n · to / from)` samples, as librosa's
    /// `fix_length` does. Equal rates return the input unchanged. Both rates must be positive and finite.
    public static func resample(_ x: [Float], from: Double, to: Double) -> [Float] {
        precondition(from > 0 && from.isFinite && to > 0 && to.isFinite,
                     "Resampler.resample needs positive finite rates, got \(from) → \(to)")
        if from == to || x.isEmpty { return x }
        let count = outputLength(inputLength: x.count, from: from, to: to)
        var output = [Float](repeating: 0, count: count)
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        var produced = 0
        let failure: String? = x.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                guard let error = soxr_oneshot(from, to, 1,
                                               input.baseAddress, input.count, nil,
                                               out.baseAddress, out.count, &produced,
                                               &io, &quality, nil) else { return nil }
                return String(cString: error)
            }
        }
        if let failure {
            preconditionFailure("libsoxr failed to resample \(from) Hz → \(to) Hz: \(failure)")
        }
        // soxr may deliver a sample or two fewer than the length rule; the rest stays zero, as librosa pads.
        precondition(produced <= count)
        return output
    }

    /// The number of samples librosa's resample returns: `ceil(n · to / from)`, computed as librosa does.
    public static func outputLength(inputLength n: Int, from: Double, to: Double) -> Int {
        if from == to { return n }
        let ratio = to / from
        return Int((Double(n) * ratio).rounded(.up))
    }
}
