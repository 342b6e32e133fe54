import CSndFile

/// The sample encoding of a written WAV file.
public enum WAVFormat: Sendable, Equatable {
    /// Signed 16-bit integer PCM: round(x · 32768) saturated to Int16, the exact inverse of reading
    /// (value / 32768), so a round trip is off by at most half a step; samples outside [-1, 1) are clipped.
    case pcm16
    /// 32-bit IEEE float, lossless for `Float` samples.
    case float32
}

extension AudioBuffer {
    /// Writes the buffer as a mono WAV file through libsndfile (librosa users: `soundfile.write`).
    public func write(to path: String, format: WAVFormat = .pcm16) throws {
        try writeWAV(to: path, format: format)
    }

    private func writeWAV(to path: String, format: WAVFormat) throws(AudioError) {
        guard sampleRate > 0 else { throw .invalidSampleRate(path: path, rate: sampleRate) }
        let subtype = format == .pcm16 ? SF_FORMAT_PCM_16 : SF_FORMAT_FLOAT
        var info = SF_INFO()
        info.samplerate = Int32(clamping: sampleRate)
        info.channels = 1
        info.format = Int32(SF_FORMAT_WAV | subtype)
        var pcm: [Int16] = []
        if format == .pcm16 {
            pcm = try Self.quantise(samples, path: path)
        }
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw .writeFailed(path: path, reason: String(cString: sf_strerror(nil)).trimmingTrailingPeriod)
        }
        let written: sf_count_t
        if format == .pcm16 {
            written = pcm.withUnsafeBufferPointer { sf_writef_short(handle, $0.baseAddress, sf_count_t($0.count)) }
        } else {
            written = samples.withUnsafeBufferPointer { sf_writef_float(handle, $0.baseAddress, sf_count_t($0.count)) }
        }
        let failure = written == sf_count_t(samples.count) ? nil : String(cString: sf_strerror(handle))
        let closed = sf_close(handle)
        if let failure {
            throw .writeFailed(path: path, reason: "only \(written) of \(samples.count) samples were written (\(failure.trimmingTrailingPeriod))")
        }
        if closed != 0 {
            throw .writeFailed(path: path, reason: "the file could not be finalised")
        }
    }
}

extension AudioBuffer {
    /// Samples scaled by 32768, rounded to nearest (ties to even) and saturated; NaN has no 16-bit value.
    fileprivate static func quantise(_ samples: [Float], path: String) throws(AudioError) -> [Int16] {
        var out = [Int16](repeating: 0, count: samples.count)
        var nanIndex: Int?
        samples.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                for i in 0..<input.count {
                    let scaled = (input[i] * 32768).rounded(.toNearestOrEven)
                    if scaled.isNaN {
                        nanIndex = nanIndex ?? i
                    } else {
                        output[i] = Int16(max(-32768, min(32767, scaled)))
                    }
                }
            }
        }
        if let nanIndex {
            throw .writeFailed(path: path, reason: "sample \(nanIndex) is NaN, which 16-bit PCM cannot represent")
        }
        return out
    }
}

private extension String {
    /// The text without a trailing full stop, so it can sit inside another sentence.
    var trimmingTrailingPeriod: String {
        var text = self
        while text.last == "." || text.last == " " { text.removeLast() }
        return text
    }
}
