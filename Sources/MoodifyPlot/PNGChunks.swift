/// Reads and writes the chunk structure of a PNG file (signature, then length · type · data · CRC records).
public enum PNGChunks {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

    /// One chunk: its four-letter type and its data.
    public struct Chunk: Sendable, Hashable {
        /// The chunk type, e.g. "IHDR" or "tEXt".
        public var type: String
        /// The chunk's data bytes.
        public var data: [UInt8]
    }

    /// The chunks of `png` in file order, or nil when the bytes are not a well-formed PNG (bad signature,
    /// truncated chunk or wrong CRC).
    public static func parse(_ png: [UInt8]) -> [Chunk]? {
        guard png.count >= 8, Array(png[0..<8]) == signature else { return nil }
        var chunks: [Chunk] = []
        var offset = 8
        while offset + 12 <= png.count {
            let length = Int(readUInt32(png, offset))
            guard length <= png.count - offset - 12 else { return nil }
            let typeBytes = Array(png[(offset + 4)..<(offset + 8)])
            let data = Array(png[(offset + 8)..<(offset + 8 + length)])
            guard readUInt32(png, offset + 8 + length) == CRC32.checksum(typeBytes + data) else { return nil }
            chunks.append(Chunk(type: String(decoding: typeBytes, as: UTF8.self), data: data))
            offset += 12 + length
            if chunks.last?.type == "IEND" { return chunks }
        }
        return nil
    }

    /// The keyword → text pairs of the file's tEXt (Latin-1) and uncompressed iTXt (UTF-8) chunks, in file order.
    public static func textEntries(_ png: [UInt8]) -> [(keyword: String, text: String)] {
        guard let chunks = parse(png) else { return [] }
        var entries: [(keyword: String, text: String)] = []
        for chunk in chunks {
            guard let zero = chunk.data.firstIndex(of: 0) else { continue }
            let keyword = latin1(chunk.data[..<zero])
            if chunk.type == "tEXt" {
                entries.append((keyword, latin1(chunk.data[(zero + 1)...])))
            } else if chunk.type == "iTXt", chunk.data.count > zero + 2, chunk.data[zero + 1] == 0 {
                // Skip compression flag and method, then the language tag and translated keyword (NUL-terminated).
                var rest = chunk.data[(zero + 3)...]
                for _ in 0..<2 {
                    guard let end = rest.firstIndex(of: 0) else { break }
                    rest = rest[(end + 1)...]
                }
                entries.append((keyword, String(decoding: rest, as: UTF8.self)))
            }
        }
        return entries
    }

    /// `png` with a text chunk for every entry inserted right after the IHDR chunk: tEXt when the text is
    /// Latin-1, otherwise iTXt (UTF-8). Keywords are 1–79 printable Latin-1 characters.
    static func inserting(_ entries: [(keyword: String, text: String)], into png: [UInt8]) -> [UInt8] {
        // Signature (8) + IHDR (4 length + 4 type + 13 data + 4 CRC).
        let afterHeader = 8 + 25
        var out = Array(png[0..<afterHeader])
        for (keyword, text) in entries {
            let key = Array(keyword.unicodeScalars.filter { (32...126).contains($0.value) || (161...255).contains($0.value) }
                .prefix(79).map { UInt8($0.value) })
            if let latin = latin1Bytes(text) {
                out += chunk("tEXt", key + [0] + latin)
            } else {
                out += chunk("iTXt", key + [0, 0, 0, 0, 0] + Array(text.utf8))
            }
        }
        out += png[afterHeader...]
        return out
    }

    /// A complete chunk record: length, type, data, CRC.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var record = bigEndian(UInt32(data.count))
        record += typeBytes
        record += data
        record += bigEndian(CRC32.checksum(typeBytes + data))
        return record
    }

    /// The Latin-1 encoding of `text`, or nil if a character (or a NUL) falls outside it.
    private static func latin1Bytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value >= 1, scalar.value <= 255 else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    /// Latin-1 bytes decoded to a string.
    private static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    private static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (UInt32(bytes[offset]) << 24) | (UInt32(bytes[offset + 1]) << 16)
            | (UInt32(bytes[offset + 2]) << 8) | UInt32(bytes[offset + 3])
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }
}

/// The CRC-32 (ISO 3309, polynomial 0xEDB88320) that PNG chunks carry.
enum CRC32 {
    /// The byte-wise lookup table of the reflected polynomial.
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
