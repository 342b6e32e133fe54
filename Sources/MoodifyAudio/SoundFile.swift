import CSndFile

/// An open libsndfile reader. A class because it owns the C handle, which it closes when released.
final class SoundFile {
    private let handle: OpaquePointer
    /// Frames, rate, channels and format as the header declares them.
    let info: SF_INFO
    private let source: AudioSource
    /// Keeps the bytes behind a virtual-I/O handle alive while it is open.
    private let stream: MemoryStream?

    /// Opens `source` for reading, turning every way that can fail into a specific `AudioError`.
    init(source: AudioSource) throws(AudioError) {
        let size = try source.checkReadable()
        let riff = RIFFLayout(source: source, size: size)
        var info = SF_INFO()
        var stream: MemoryStream?
        let opened: OpaquePointer?
        switch source {
        case .file(let path):
            opened = sf_open(path, Int32(SFM_READ), &info)
        case .memory(let bytes, _):
            let memory = MemoryStream(bytes: bytes)
            var callbacks = MemoryStream.callbacks
            opened = sf_open_virtual(&callbacks, Int32(SFM_READ), &info, Unmanaged.passUnretained(memory).toOpaque())
            stream = memory
        }
        guard let opened else {
            throw Self.openError(source: source, riff: riff)
        }
        self.handle = opened
        self.info = info
        self.source = source
        self.stream = stream
        if let truncation = riff?.truncation {
            throw .truncated(path: source.name, reason: truncation)
        }
        guard info.channels > 0 else {
            throw .malformed(path: source.name, reason: "it declares \(info.channels) channels")
        }
        guard info.samplerate > 0 else {
            throw .invalidSampleRate(path: source.name, rate: Int(info.samplerate))
        }
    }

    deinit {
        sf_close(handle)
    }

    /// The sample rate the header declares.
    var sampleRate: Int { Int(info.samplerate) }

    /// The container and encoding, in libsndfile's words (e.g. "FLAC (Free Lossless Audio Codec), Signed 16 bit PCM").
    var formatDescription: String {
        let major = Self.formatName(info.format & Int32(SF_FORMAT_TYPEMASK))
        let minor = Self.formatName(info.format & Int32(SF_FORMAT_SUBMASK))
        return [major, minor].compactMap { $0 }.joined(separator: ", ")
    }

    /// Whether the file is MPEG audio, whose header frame count is an estimate rather than a promise.
    private var isMPEG: Bool {
        info.format & Int32(SF_FORMAT_TYPEMASK) == Int32(SF_FORMAT_MPEG)
    }

    /// Decodes every frame as float32 in [-1, 1) (libsndfile's normalisation) and averages the channels.
    func readMono() throws(AudioError) -> [Float] {
        let channels = Int(info.channels)
        if info.frames == 0 { throw .noFrames(path: source.name) }
        let expected = info.frames < sf_count_t.max ? Int(info.frames) : nil
        let blockFrames = 1 << 16
        var mono = [Float]()
        mono.reserveCapacity(min(expected ?? blockFrames, 1 << 24))
        var block = [Float](repeating: 0, count: blockFrames * channels)
        while true {
            let got = block.withUnsafeMutableBufferPointer { buffer in
                Int(sf_readf_float(handle, buffer.baseAddress, sf_count_t(blockFrames)))
            }
            if got <= 0 { break }
            block.withUnsafeBufferPointer { buffer in
                Self.mixDown(buffer, frames: got, channels: channels, into: &mono)
            }
            if let expected, mono.count >= expected { break }
        }
        let status = sf_error(handle)
        if status != Int32(SF_ERR_NO_ERROR) {
            let reason = String(cString: sf_strerror(handle))
            throw .truncated(path: source.name, reason: "decoding stopped after \(mono.count) frames (\(reason))")
        }
        if let expected, mono.count < expected, !isMPEG {
            throw .truncated(path: source.name, reason: "its header announces \(expected) frames but only \(mono.count) could be decoded")
        }
        if mono.isEmpty { throw .noFrames(path: source.name) }
        if let bad = Self.firstNonFinite(mono) {
            throw .nonFiniteSample(path: source.name, frame: bad)
        }
        return mono
    }

    /// Appends the mean over channels of each interleaved frame, summing channels in order then dividing,
    /// as numpy's `mean(axis=0)` does in float32.
    private static func mixDown(_ block: UnsafeBufferPointer<Float>, frames: Int, channels: Int, into mono: inout [Float]) {
        if channels == 1 {
            mono.append(contentsOf: UnsafeBufferPointer(rebasing: block[0..<frames]))
            return
        }
        let start = mono.count
        mono.append(contentsOf: repeatElement(0, count: frames))
        let count = Float(channels)
        mono.withUnsafeMutableBufferPointer { out in
            for frame in 0..<frames {
                let base = frame * channels
                var sum: Float = 0
                for channel in 0..<channels { sum += block[base + channel] }
                out[start + frame] = sum / count
            }
        }
    }

    /// The index of the first NaN or infinite value, if any.
    private static func firstNonFinite(_ samples: [Float]) -> Int? {
        samples.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count where !buffer[i].isFinite { return i }
            return nil
        }
    }

    /// libsndfile's name for one major or minor format code.
    private static func formatName(_ code: Int32) -> String? {
        var format = SF_FORMAT_INFO()
        format.format = code
        let ok = sf_command(nil, Int32(SFC_GET_FORMAT_INFO), &format, Int32(MemoryLayout<SF_FORMAT_INFO>.size))
        guard ok == 0, let name = format.name else { return nil }
        return String(cString: name)
    }

    /// The specific error for a file libsndfile refused to open.
    private static func openError(source: AudioSource, riff: RIFFLayout?) -> AudioError {
        let code = sf_error(nil)
        let reason = String(cString: sf_strerror(nil))
        if let unsupported = riff?.unsupportedFormat {
            return .unsupportedFormat(path: source.name, format: unsupported)
        }
        switch code {
        case Int32(SF_ERR_UNRECOGNISED_FORMAT):
            return .notAudio(path: source.name)
        case Int32(SF_ERR_SYSTEM):
            return .unreadable(path: source.name, reason: reason)
        case Int32(SF_ERR_UNSUPPORTED_ENCODING):
            return .unsupportedFormat(path: source.name, format: reason)
        default:
            if let truncation = riff?.truncation {
                return .truncated(path: source.name, reason: truncation)
            }
            return .malformed(path: source.name, reason: reason.trimmingSentenceEnd)
        }
    }
}

private extension String {
    /// The text without a trailing full stop, so it can sit inside another sentence.
    var trimmingSentenceEnd: String {
        var text = self
        while text.last == "." || text.last == " " { text.removeLast() }
        return text
    }
}
