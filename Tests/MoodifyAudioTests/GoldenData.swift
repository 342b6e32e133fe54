import Foundation

/// The manifest written by Scripts/goldens_audio.py and its float32 arrays.
struct GoldenManifest: Decodable {
    struct Clip: Decodable {
        var file: String
        var stride: Int
        var length: Int
        var sum: Double
        var sumSquares: Double
        var strided: String
        var full: String?
    }

    struct Synthetic: Decodable {
        var name: String
        var container: String
        var subtype: String
        var bits: Int
        var channels: Int
        var sampleRate: Int
        var frames: Int
        var seed: UInt64
        var length: Int
        var sum: Double
        var sumSquares: Double
        var full: String
    }

    var sampleRate: Int
    var clips: [Clip]
    var synthetic: [Synthetic]

    /// Loads the manifest from the test bundle.
    static func load() throws -> GoldenManifest {
        let data = try Data(contentsOf: goldenURL("manifest.json"))
        return try JSONDecoder().decode(GoldenManifest.self, from: data)
    }

    /// Reads one raw float32 little-endian array from the test bundle.
    static func floats(_ name: String) throws -> [Float] {
        let data = try Data(contentsOf: goldenURL(name))
        return data.withUnsafeBytes { raw in
            (0..<data.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }

    private static func goldenURL(_ name: String) throws -> URL {
        guard let folder = Bundle.module.url(forResource: "Golden", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Golden"])
        }
        return folder.appendingPathComponent(name)
    }
}

/// The largest absolute difference between two equally long arrays.
func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
