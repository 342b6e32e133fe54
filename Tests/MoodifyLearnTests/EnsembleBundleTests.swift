import Foundation
import Testing
@testable import MoodifyLearn

@Suite("Ensemble bundles")
struct EnsembleBundleTests {
    static let labels = ["ANG", "HAP", "SAD"]

    /// A seeded (untrained) network over `width` inputs with `outputs` softmax outputs, as a network bundle.
    private func network(width: Int, outputs: Int = 3, featureSet: String, seed: UInt64) throws -> ModelBundle {
        let model = try Sequential(specs: [.dense(units: 4, activation: .relu, l2: 0), .dense(units: outputs, activation: .softmax, l2: 0)],
                                   inputShape: [width], seed: seed)
        return try ModelBundle(model: model, featureSet: featureSet, featureParameters: ["width": "\(width)"],
                               scalerMean: [Float](repeating: 0.5, count: width), scalerScale: [Float](repeating: 2, count: width))
    }

    private func ensemble() throws -> EnsembleBundle {
        try EnsembleBundle(name: "pair", members: [
            .init(network: try network(width: 6, featureSet: "logmel_frames", seed: 1), weight: 0.25),
            .init(network: try network(width: 4, featureSet: "method3", seed: 2), weight: 0.75),
        ], labels: Self.labels, metadata: ["temperature": "1.5", "card": "test"])
    }

    @Test("an ensemble round-trips byte for byte and keeps every member's network, feature set, scaler and weight")
    func roundTrip() throws {
        let ensemble = try ensemble()
        let bytes = try ensemble.encoded()
        let read = try EnsembleBundle(data: bytes)
        #expect(read == ensemble)
        #expect(try read.encoded() == bytes)
        #expect(read.members.map(\.weight) == [0.25, 0.75])
        #expect(read.members.map(\.network.featureSet) == ["logmel_frames", "method3"])
        #expect(read.members[1].network.scalerScale == [2, 2, 2, 2])
        #expect(read.labels == Self.labels && read.metadata["temperature"] == "1.5" && read.name == "pair")
        let x = Matrix(rows: 1, cols: 6, values: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6])
        #expect(try read.members[0].network.makeModel().predict(x) == ensemble.members[0].network.makeModel().predict(x))
        // Read through the file-level type, an ensemble comes back as one; so does a file.
        #expect(try BundleContents(data: bytes) == .ensemble(ensemble))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moodify-ensemble-\(UUID().uuidString).moodify")
        defer { try? FileManager.default.removeItem(at: url) }
        try BundleContents.ensemble(ensemble).save(to: url)
        #expect(try BundleContents.load(from: url) == .ensemble(ensemble))
    }

    @Test("a one-network bundle still reads and writes as version 1, through either type")
    func singleNetworkStaysVersion1() throws {
        var bundle = try network(width: 4, featureSet: "method3", seed: 3)
        bundle.labels = Self.labels
        bundle.metadata = ["accuracy": "0.5"]
        let bytes = try bundle.encoded()
        #expect(bytes[8] == 1)
        let contents = try BundleContents(data: bytes)
        #expect(contents == .network(bundle))
        #expect(try contents.encoded() == bytes)
        #expect(contents.members == [EnsembleBundle.Member(network: bundle, weight: 1)])
        #expect(try ensemble().encoded()[8] == 2)
        #expect(throws: BundleError.ensemble) { try ModelBundle(data: try ensemble().encoded()) }
        #expect(throws: BundleError.notAnEnsemble) { try EnsembleBundle(data: bytes) }
    }

    @Test("damage anywhere in an ensemble is caught; truncation and other versions are named")
    func damage() throws {
        let bytes = [UInt8](try ensemble().encoded())
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<40 {
            var damaged = bytes
            let index = 16 + Int(rng.next() % UInt64(bytes.count - 16))
            damaged[index] ^= 0x04
            #expect(throws: BundleError.self, "byte \(index)") { try EnsembleBundle(data: Data(damaged)) }
        }
        var weight = bytes
        weight[bytes.count - 10] ^= 1  // a float of the last member's weights: only the checksum can tell
        #expect(throws: BundleError.checksumMismatch(stored: ModelBundleTestSupport.storedChecksum(weight),
                                                     computed: ModelBundleTestSupport.computedChecksum(weight))) {
            try BundleContents(data: Data(weight))
        }
        #expect(throws: BundleError.truncated(expected: bytes.count, actual: bytes.count - 8)) {
            try EnsembleBundle(data: Data(bytes.dropLast(8)))
        }
        var version = bytes
        version[8] = 7
        #expect(throws: BundleError.unsupportedVersion(found: 7, supported: 2)) { try BundleContents(data: Data(version)) }
    }

    @Test("members that disagree in labels or outputs, a lone member and a bad weight are refused with the reason")
    func mismatchedMembers() throws {
        let a = try network(width: 6, featureSet: "logmel_frames", seed: 1)
        var b = try network(width: 4, featureSet: "method3", seed: 2)
        let four = try network(width: 4, outputs: 4, featureSet: "method3", seed: 2)
        #expect(throws: BundleError.inconsistent("member 2 has 4 outputs but member 1 has 3")) {
            try EnsembleBundle(members: [.init(network: a), .init(network: four)], labels: nil)
        }
        #expect(throws: BundleError.inconsistent("the members have 3 outputs but the ensemble names 2 classes")) {
            try EnsembleBundle(members: [.init(network: a), .init(network: b)], labels: ["ANG", "SAD"])
        }
        b.labels = ["SAD", "HAP", "ANG"]
        #expect(throws: BundleError.inconsistent("member 2 has the labels [\"SAD\", \"HAP\", \"ANG\"] but the ensemble has [\"ANG\", \"HAP\", \"SAD\"]")) {
            try EnsembleBundle(members: [.init(network: a), .init(network: b)], labels: Self.labels)
        }
        #expect(throws: BundleError.inconsistent("an ensemble needs at least two networks but has 1")) {
            try EnsembleBundle(members: [.init(network: a)], labels: Self.labels)
        }
        #expect(throws: BundleError.inconsistent("member 1's weight -1.0 is not a positive number")) {
            try EnsembleBundle(members: [.init(network: a, weight: -1), .init(network: a)], labels: Self.labels)
        }
        // A member's labels equal to the ensemble's are accepted and not stored twice.
        b.labels = Self.labels
        let ensemble = try EnsembleBundle(members: [.init(network: a), .init(network: b)], labels: Self.labels)
        #expect(ensemble.members[1].network.labels == nil)
        #expect(BundleError.inconsistent("x").description == "The model bundle is inconsistent: x.")
    }
}
