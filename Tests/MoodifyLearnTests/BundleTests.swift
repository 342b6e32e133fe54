import Foundation
import Testing
@testable import MoodifyLearn

@Suite("Model bundles")
struct BundleTests {
    /// A small trained CNN and some rows to predict.
    private func trainedModel() throws -> (Sequential, Matrix) {
        var rng = SeededGenerator(seed: 4)
        let x = Matrix(rows: 24, cols: 10, values: (0..<240).map { _ in rng.nextUnitFloat() * 2 - 1 })
        let y = (0..<24).map { $0 % 3 }
        let model = try Sequential([
            Conv1D(filters: 4, kernelSize: 3, activation: .relu), BatchNormalization(), MaxPool1D(poolSize: 2), Dropout(rate: 0.2),
            Flatten(), Dense(units: 8, activation: .relu, l2: 0.001), BatchNormalization(), Dense(units: 3, activation: .softmax),
        ], seed: 2)
        _ = try model.fit(x, y, epochs: 2, batchSize: 8, seed: 3, verbose: false)
        return (model, x)
    }

    private func encodedBundle() throws -> (Data, Sequential, Matrix) {
        let (model, x) = try trainedModel()
        let bundle = try ModelBundle(model: model, featureSet: "method2", featureParameters: ["n_mels": "128"],
                                     scalerMean: [0.5, -1], scalerScale: [2, 0.25], labels: ["ANG", "HAP", "SAD"],
                                     metadata: ["accuracy": "0.64", "trained": "test"])
        return (try bundle.encoded(), model, x)
    }

    @Test("a saved and loaded model predicts exactly the same, and keeps scaler, labels and metadata")
    func roundTrip() throws {
        let (model, x) = try trainedModel()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-bundle-\(UUID().uuidString).mdfy")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url, featureSet: "method2", featureParameters: ["n_mels": "128"], scalerMean: [0.5, -1, 0.1],
                       scalerScale: [2, 0.25, 1e-3], labels: ["ANG", "HAP", "SAD"], metadata: ["accuracy": "0.64"])
        let bundle = try ModelBundle.load(from: url)
        #expect(bundle.featureSet == "method2")
        #expect(bundle.featureParameters == ["n_mels": "128"])
        #expect(bundle.scalerMean == [0.5, -1, 0.1])
        #expect(bundle.scalerScale == [2, 0.25, 1e-3])
        #expect(bundle.labels == ["ANG", "HAP", "SAD"])
        #expect(bundle.metadata == ["accuracy": "0.64"])
        #expect(bundle.inputShape == [10, 1])
        let loaded = try bundle.makeModel()
        #expect(loaded.layers.map(\.name) == model.layers.map(\.name))
        #expect(loaded.weights == model.weights)
        // Same weights, same code: bit-identical predictions.
        #expect(try loaded.predict(x) == model.predict(x))
        #expect(loaded.layers.map(\.spec) == model.layers.map(\.spec))
    }

    @Test("the shipped default bundle (an ensemble, version 2) loads and writes back byte for byte")
    func shippedBundleUnchanged() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Models/default.moodify")
        let bytes = try Data(contentsOf: url)
        let ensemble = try EnsembleBundle(data: bytes)
        #expect(try ensemble.encoded() == bytes)
        #expect(try BundleContents(data: bytes) == .ensemble(ensemble))
        #expect(ensemble.members.map(\.network.featureSet) == ["logmel_env_prosody_frames", "logmel_env_prosody_frames", "logmel_env_prosody_frames", "speech_stats", "speech_stats", "speech_stats"])
        #expect(ensemble.labels == ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"])
        #expect(throws: BundleError.self, "a one-network reader refuses it") { try ModelBundle(data: bytes) }
    }

    @Test("the checksum is zlib's CRC-32")
    func crc() {
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
    }

    @Test("a truncated bundle is rejected, at every length")
    func truncated() throws {
        let (data, _, _) = try encodedBundle()
        for length in [0, 3, 8, 12, 20, data.count / 2, data.count - 5, data.count - 1] {
            #expect(throws: BundleError.self, "length \(length)") { try ModelBundle(data: data.prefix(length)) }
        }
        do {
            _ = try ModelBundle(data: data.prefix(data.count - 100))
            Issue.record("a truncated bundle loaded")
        } catch let error as BundleError {
            guard case .truncated = error else { Issue.record("expected truncated, got \(error)"); return }
            #expect(error.description.contains("truncated"))
        }
    }

    @Test("a flipped byte anywhere is caught by the checksum or the header check")
    func altered() throws {
        let (data, _, _) = try encodedBundle()
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<40 {
            var bytes = [UInt8](data)
            let index = 16 + Int(rng.next() % UInt64(bytes.count - 16))
            bytes[index] ^= 0x10
            #expect(throws: BundleError.self, "byte \(index)") { try ModelBundle(data: Data(bytes)) }
        }
        var bytes = [UInt8](data)
        bytes[bytes.count - 20] ^= 1
        #expect(throws: BundleError.checksumMismatch(stored: ModelBundleTestSupport.storedChecksum(bytes),
                                                     computed: ModelBundleTestSupport.computedChecksum(bytes))) {
            try ModelBundle(data: Data(bytes))
        }
    }

    @Test("foreign files and other versions are named as such")
    func foreign() throws {
        #expect(throws: BundleError.notABundle) { try ModelBundle(data: Data("PK\u{3}\u{4} a zip file, not a model".utf8)) }
        #expect(throws: BundleError.notABundle) { try ModelBundle(data: Data()) }
        let (data, _, _) = try encodedBundle()
        var bytes = [UInt8](data)
        bytes[8] = 9
        #expect(throws: BundleError.unsupportedVersion(found: 9, supported: 2)) { try ModelBundle(data: Data(bytes)) }
        #expect(BundleError.notABundle.description.hasSuffix("."))
        #expect(throws: BundleError.self) {
            try ModelBundle.load(from: URL(fileURLWithPath: "/nonexistent/moodify.mdfy"))
        }
    }

    @Test("a header whose architecture disagrees with its weights is rejected")
    func inconsistent() throws {
        let (model, _) = try trainedModel()
        var bundle = try ModelBundle(model: model)
        bundle.layers[0].spec = .conv1d(filters: 5, kernelSize: 3, activation: .relu)
        #expect(throws: BundleError.self) { try ModelBundle(data: try bundle.encoded()) }
        var short = try ModelBundle(model: model)
        short.weights.removeLast()
        #expect(throws: BundleError.self) { try ModelBundle(data: try short.encoded()) }
        #expect(throws: BundleError.self) { try ModelBundle(model: try Sequential([Dense(units: 2)])) }
    }
}

/// Reads the checksums of bundle bytes the way the format defines them.
enum ModelBundleTestSupport {
    static func storedChecksum(_ bytes: [UInt8]) -> UInt32 {
        let n = bytes.count
        return UInt32(bytes[n - 4]) | UInt32(bytes[n - 3]) << 8 | UInt32(bytes[n - 2]) << 16 | UInt32(bytes[n - 1]) << 24
    }

    static func computedChecksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.dropLast(4).withUnsafeBytes { CRC32.checksum($0) }
    }
}
