/// What a RIFF/WAVE header declares, read directly from the bytes so that Moodify can name an unknown
/// codec and notice a data chunk cut short, two things libsndfile reports vaguely or not at all.
struct RIFFLayout: Equatable {
    /// The WAVE format tag (the sub-format's tag for WAVE_FORMAT_EXTENSIBLE), if a `fmt ` chunk was found.
    var formatTag: UInt16?
    /// Bits per sample from the `fmt ` chunk.
    var bitsPerSample: UInt16?
    /// Bytes of audio the `data` chunk header declares.
    var declaredDataBytes: UInt32?
    /// Bytes actually present after the `data` chunk header.
    var availableDataBytes: Int?

    /// Format tags libsndfile decodes in WAV files.
    static let decodableTags: Set<UInt16> = [0x0001, 0x0002, 0x0003, 0x0006, 0x0007, 0x0011, 0x0031, 0x0040, 0x0050, 0x0055]

    /// Parses the chunk list of a RIFF/WAVE file of `size` bytes, or returns nil for any other kind of file.
    init?(source: AudioSource, size: Int) {
        // Headers nearly always fit in the first 4 KiB: read that once, and the file again only beyond it.
        let prefix = source.bytes(at: 0, count: min(size, 4096))
        func read(_ offset: Int, _ count: Int) -> [UInt8] {
            if offset + count <= prefix.count { return Array(prefix[offset..<(offset + count)]) }
            return source.bytes(at: offset, count: count)
        }
        let head = read(0, 12)
        guard head.count == 12, Array(head[0..<4]) == Array("RIFF".utf8), Array(head[8..<12]) == Array("WAVE".utf8) else {
            return nil
        }
        var offset = 12
        var chunks = 0
        while offset + 8 <= size, chunks < 4096 {
            chunks += 1
            let header = read(offset, 8)
            guard header.count == 8 else { break }
            let id = String(decoding: header[0..<4], as: UTF8.self)
            let length = Self.uint32(header, 4)
            let body = offset + 8
            if id == "fmt " {
                let fmt = read(body, min(Int(length), 40, size - body))
                if fmt.count >= 2 { formatTag = Self.uint16(fmt, 0) }
                if fmt.count >= 16 { bitsPerSample = Self.uint16(fmt, 14) }
                if formatTag == 0xFFFE, fmt.count >= 26 { formatTag = Self.uint16(fmt, 24) }
            } else if id == "data" {
                declaredDataBytes = length
                availableDataBytes = size - body
                break
            }
            offset = body + Int(length) + Int(length & 1)
        }
    }

    /// A description of the sample format when it is one libsndfile cannot decode, else nil.
    var unsupportedFormat: String? {
        guard let tag = formatTag else { return nil }
        let bits = bitsPerSample.map { "\($0)-bit" } ?? "unknown-width"
        if !Self.decodableTags.contains(tag) {
            return "WAV codec 0x" + String(tag, radix: 16, uppercase: true) + ", \(bits)"
        }
        if tag == 0x0003, let width = bitsPerSample, width != 32, width != 64 {
            return "\(bits) floating point"
        }
        if tag == 0x0001, let width = bitsPerSample, width == 0 || width > 32 {
            return "\(bits) integer PCM"
        }
        return nil
    }

    /// A sentence fragment when the `data` chunk announces more bytes than the file holds, else nil.
    /// Streaming placeholders (0 and 0xFFFFFFFF) are not counted as truncation.
    var truncation: String? {
        guard let declared = declaredDataBytes, let available = availableDataBytes,
              declared != 0, declared != .max, Int(declared) > available else { return nil }
        return "its header announces \(declared) bytes of audio but only \(available) are present"
    }

    private static func uint16(_ b: [UInt8], _ i: Int) -> UInt16 {
        UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    private static func uint32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
