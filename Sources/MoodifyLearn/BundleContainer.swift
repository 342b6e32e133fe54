import Foundation

/// The byte layout every bundle version shares (all integers little-endian): the 8-byte signature "MDFYMODL", the
/// format version (UInt32), the header length (UInt32), the JSON header, the weights as float32 in header order, and a
/// CRC-32 of everything before it (UInt32). The version says what the header describes: 1 one network, 2 an ensemble.
enum BundleContainer {
    static let signature = Array("MDFYMODL".utf8)
    /// Signature, version and header length.
    static let prefixLength = signature.count + 8

    /// One weight array's place in a header.
    struct WeightEntry: Codable, Equatable {
        var layer: String
        var name: String
        var shape: [Int]
    }

    /// The format version of bundle bytes, after checking the signature and that the fixed prefix is there.
    static func version(of bytes: [UInt8]) throws -> UInt32 {
        guard bytes.count >= signature.count, Array(bytes[0..<signature.count]) == signature else { throw BundleError.notABundle }
        guard bytes.count >= prefixLength + 4 else { throw BundleError.truncated(expected: prefixLength + 4, actual: bytes.count) }
        return readUInt32(bytes, at: signature.count)
    }

    /// Bundle bytes of a known version whose header is all there; the weights and checksum are checked later.
    struct Opened {
        /// All the bytes.
        let bytes: [UInt8]
        /// The JSON header.
        let header: Data
        /// The CRC-32 stored at the end, and the one computed over the rest.
        let stored: UInt32, computed: UInt32

        /// The header decoded as `H`; one that does not decode is reported as corruption when the checksum fails too.
        func decodeHeader<H: Decodable>(_ type: H.Type) throws -> H {
            do {
                return try JSONDecoder().decode(H.self, from: header)
            } catch {
                throw stored != computed ? BundleError.checksumMismatch(stored: stored, computed: computed)
                    : BundleError.malformedHeader(BundleContainer.reason(error))
            }
        }

        /// The weights the header's entries declare, once the shapes are plausible, the file holds exactly them and
        /// its checksum matches.
        func weights(_ entries: [WeightEntry]) throws -> [ModelBundle.Weight] {
            var total = 0
            for entry in entries {
                guard !entry.shape.isEmpty, entry.shape.allSatisfy({ $0 > 0 && $0 <= 1 << 28 }) else {
                    throw BundleError.malformedHeader("weight \(entry.layer)/\(entry.name) has an invalid shape \(entry.shape)")
                }
                let (count, overflow) = entry.shape.reduce((1, false)) { acc, d in
                    let (p, o) = acc.0.multipliedReportingOverflow(by: d)
                    return (p, acc.1 || o)
                }
                guard !overflow, count <= 1 << 30 else {
                    throw BundleError.malformedHeader("weight \(entry.layer)/\(entry.name) has an implausible shape \(entry.shape)")
                }
                total += count
                guard total <= 1 << 30 else { throw BundleError.malformedHeader("the weights are implausibly large") }
            }
            let start = BundleContainer.prefixLength + header.count
            let expected = start + 4 * total + 4
            guard bytes.count >= expected else { throw BundleError.truncated(expected: expected, actual: bytes.count) }
            guard bytes.count == expected else {
                throw BundleError.inconsistent("it holds \(bytes.count - expected) bytes more than its header declares")
            }
            guard stored == computed else { throw BundleError.checksumMismatch(stored: stored, computed: computed) }
            var offset = start
            return entries.map { entry in
                let count = entry.shape.reduce(1, *)
                let values = (0..<count).map { i in Float(bitPattern: BundleContainer.readUInt32(bytes, at: offset + 4 * i)) }
                offset += 4 * count
                return ModelBundle.Weight(layer: entry.layer, name: entry.name, shape: entry.shape, values: values)
            }
        }
    }

    /// Opens bundle bytes of version `expected`, rejecting foreign, truncated and other-version data.
    static func open(_ data: Data, expected: UInt32) throws -> Opened {
        let bytes = [UInt8](data)
        let version = try version(of: bytes)
        guard version == expected else {
            guard (1...BundleContents.newestVersion).contains(version) else {
                throw BundleError.unsupportedVersion(found: version, supported: BundleContents.newestVersion)
            }
            throw version == EnsembleBundle.formatVersion ? BundleError.ensemble : BundleError.notAnEnsemble
        }
        let headerLength = Int(readUInt32(bytes, at: signature.count + 4))
        guard bytes.count >= prefixLength + headerLength + 4 else {
            throw BundleError.truncated(expected: prefixLength + headerLength + 4, actual: bytes.count)
        }
        let stored = readUInt32(bytes, at: bytes.count - 4)
        let computed = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 4)])) }
        return Opened(bytes: bytes, header: Data(bytes[prefixLength..<(prefixLength + headerLength)]), stored: stored, computed: computed)
    }

    /// The bytes of a bundle: `header` as sorted-key JSON, then `weights` as float32, then the checksum.
    static func encode(version: UInt32, header: some Encodable, weights: [ModelBundle.Weight]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json: Data
        do {
            json = try encoder.encode(header)
        } catch {
            throw BundleError.unsavable("its header cannot be written as JSON (\(error))")
        }
        for weight in weights where weight.values.count != weight.shape.reduce(1, *) {
            throw BundleError.unsavable("weight \(weight.layer)/\(weight.name) holds \(weight.values.count) values for shape \(weight.shape)")
        }
        var data = Data(signature)
        append(version, to: &data)
        append(UInt32(json.count), to: &data)
        data.append(json)
        for weight in weights {
            for value in weight.values { append(value.bitPattern, to: &data) }
        }
        let crc = data.withUnsafeBytes { CRC32.checksum($0) }
        append(crc, to: &data)
        return data
    }

    /// Reads a file's bytes, wrapping the error.
    static func read(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw BundleError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Writes bytes to a file atomically, wrapping the error.
    static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw BundleError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    private static func append(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context): context.debugDescription
        case let DecodingError.keyNotFound(key, _): "the key \"\(key.stringValue)\" is missing"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            "the value at \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        default: "\(error)"
        }
    }
}
