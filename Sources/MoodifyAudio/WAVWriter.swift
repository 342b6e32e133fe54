import CSndFile

/// The sample encoding of a written WAV file.
public enum WAVFormat: Sendable, Equatable {
    /// Signed 16-bit integer PCM; samples outside [-1, 1) are clipped.
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
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw .writeFailed(path: path, reason: String(cString: sf_strerror(nil)).trimmingTrailingPeriod)
        }
        // With clipping on, libsndfile scales by 32768 and saturates, the exact inverse of how it reads.
        sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        let written = samples.withUnsafeBufferPointer { buffer in
            sf_writef_float(handle, buffer.baseAddress, sf_count_t(buffer.count))
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

private extension String {
    /// The text without a trailing full stop, so it can sit inside another sentence.
    var trimmingTrailingPeriod: String {
        var text = self
        while text.last == "." || text.last == " " { text.removeLast() }
        return text
    }
}
