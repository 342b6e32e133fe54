import Foundation
import Testing
@testable import MoodifyLearn

/// One case written by Scripts/goldens_keras.py: a JSON manifest plus a raw float32 little-endian file.
struct KerasGolden {
    private struct Manifest: Decodable {
        struct Entry: Decodable {
            var name: String
            var shape: [Int]
            var offset: Int
        }
        var arrays: [Entry]
    }

    let json: [String: Any]
    private let entries: [String: Manifest.Entry]
    private let floats: [Float]

    init(_ name: String) throws {
        let folder = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil)).appendingPathComponent("keras")
        let manifestData = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        json = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let manifest = try JSONDecoder().decode(Manifest.self, from: manifestData)
        entries = Dictionary(uniqueKeysWithValues: manifest.arrays.map { ($0.name, $0) })
        let blobURL = folder.appendingPathComponent("\(name).f32")
        if FileManager.default.fileExists(atPath: blobURL.path) {
            let data = try Data(contentsOf: blobURL)
            floats = data.withUnsafeBytes { raw in
                (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
            }
        } else {
            floats = []
        }
    }

    /// An array's values.
    func array(_ name: String) throws -> [Float] {
        let entry = try #require(entries[name], "golden array \(name) missing")
        let count = entry.shape.reduce(1, *)
        return Array(floats[entry.offset..<(entry.offset + count)])
    }

    /// An array's shape.
    func shape(_ name: String) throws -> [Int] { try #require(entries[name]).shape }

    /// An array as a matrix (2-D arrays only).
    func matrix(_ name: String) throws -> Matrix {
        let shape = try self.shape(name)
        return Matrix(rows: shape[0], cols: shape[1], values: try array(name))
    }

    /// A scalar (or list, or dictionary) from the manifest.
    func scalar(_ name: String) throws -> Any {
        let scalars = try #require(json["scalars"] as? [String: Any])
        return try #require(scalars[name], "golden scalar \(name) missing")
    }

    /// A list of numbers from the manifest.
    func numbers(_ name: String) throws -> [Double] {
        try #require(try scalar(name) as? [Double])
    }

    /// The settings dictionary.
    var settings: [String: Any] { json["settings"] as? [String: Any] ?? [:] }
}

/// The largest absolute difference between two equally long arrays.
func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count, "arrays differ in length: \(a.count) vs \(b.count)")
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// The largest absolute value.
func maxAbs(_ a: [Float]) -> Float { a.reduce(0) { max($0, abs($1)) } }
