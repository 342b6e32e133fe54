import Foundation

/// Several trained networks in one bundle file whose class probabilities are averaged: each member has its own
/// architecture, weights, feature set, feature parameters and scaler, and a weight in the mean; the class labels and
/// the metadata (card, temperature) belong to the ensemble.
///
/// Layout: the container of `ModelBundle` (signature, UInt32 version 2, header length, JSON header, float32 weights,
/// CRC-32). The header is {"format": "moodify-ensemble", "name", "labels", "metadata", "members": [{"weight",
/// "network": a version-1 network header without labels and metadata}, …]}; the weights are the members' weights,
/// member after member. Reading it parses JSON and copies floats: it never runs code.
public struct EnsembleBundle: Sendable, Equatable {
    /// The format version of an ensemble bundle.
    public static let formatVersion: UInt32 = 2
    static let formatName = "moodify-ensemble"

    /// One network of the ensemble and its weight in the mean of the probabilities.
    public struct Member: Sendable, Equatable {
        /// The network with its feature set, feature parameters and scaler (its labels and metadata are not kept).
        public var network: ModelBundle
        /// The member's weight in the weighted mean (positive).
        public var weight: Double

        /// A member from a network bundle and its weight (1 by default, i.e. equal weights).
        public init(network: ModelBundle, weight: Double = 1) {
            self.network = network
            self.weight = weight
        }
    }

    /// The ensemble's name.
    public var name: String
    /// The networks, in order.
    public var members: [Member]
    /// The class names, in the output order every member shares.
    public var labels: [String]?
    /// Free training metadata: card, calibration temperature, ….
    public var metadata: [String: String]

    /// An ensemble of at least two networks with the same number of outputs; a member's own labels must be absent or
    /// equal to `labels` (they are then dropped, as is its metadata).
    public init(name: String = "ensemble", members: [Member], labels: [String]?, metadata: [String: String] = [:]) throws {
        guard members.count >= 2 else { throw BundleError.inconsistent("an ensemble needs at least two networks but has \(members.count)") }
        var widths: [Int] = []
        for (index, member) in members.enumerated() {
            let which = "member \(index + 1)"
            guard member.weight > 0, member.weight.isFinite else {
                throw BundleError.inconsistent("\(which)'s weight \(member.weight) is not a positive number")
            }
            if let own = member.network.labels, let labels, own != labels {
                throw BundleError.inconsistent("\(which) has the labels \(own) but the ensemble has \(labels)")
            }
            if let mean = member.network.scalerMean, let scale = member.network.scalerScale, mean.count != scale.count {
                throw BundleError.inconsistent("\(which)'s scaler has \(mean.count) means but \(scale.count) scales")
            }
            widths.append(try member.network.makeModel().outputWidth ?? 0)
            if widths[index] != widths[0] {
                throw BundleError.inconsistent("\(which) has \(widths[index]) outputs but member 1 has \(widths[0])")
            }
        }
        if let labels, labels.count != widths[0] {
            throw BundleError.inconsistent("the members have \(widths[0]) outputs but the ensemble names \(labels.count) classes")
        }
        self.name = name
        self.members = members.map { member in
            var network = member.network
            network.labels = nil
            network.metadata = [:]
            return Member(network: network, weight: member.weight)
        }
        self.labels = labels
        self.metadata = metadata
    }

    // MARK: Encoding

    private struct Header: Codable {
        var format: String
        var name: String
        var members: [MemberHeader]
        var labels: [String]?
        var metadata: [String: String]
    }

    private struct MemberHeader: Codable {
        var weight: Double
        var network: ModelBundle.Header
    }

    /// The ensemble's bytes (format version 2).
    public func encoded() throws -> Data {
        let header = Header(format: Self.formatName, name: name,
                            members: members.map { MemberHeader(weight: $0.weight, network: $0.network.header(standalone: false)) },
                            labels: labels, metadata: metadata)
        return try BundleContainer.encode(version: Self.formatVersion, header: header, weights: members.flatMap(\.network.weights))
    }

    /// Reads an ensemble from its bytes, rejecting foreign, truncated, altered or inconsistent data with the reason.
    public init(data: Data) throws {
        let opened = try BundleContainer.open(data, expected: Self.formatVersion)
        let header = try opened.decodeHeader(Header.self)
        var weights = try opened.weights(header.members.flatMap(\.network.weights))[...]
        guard header.format == Self.formatName else { throw BundleError.malformedHeader("its format is \"\(header.format)\", not \"\(Self.formatName)\"") }
        let members = try header.members.map { member in
            let count = member.network.weights.count
            defer { weights = weights.dropFirst(count) }
            return Member(network: try ModelBundle(header: member.network, weights: Array(weights.prefix(count))), weight: member.weight)
        }
        try self.init(name: header.name, members: members, labels: header.labels, metadata: header.metadata)
    }

    /// Writes the ensemble to a file (replacing it atomically).
    public func save(to url: URL) throws {
        try BundleContainer.write(try encoded(), to: url)
    }

    /// Reads an ensemble from a file.
    public static func load(from url: URL) throws -> EnsembleBundle {
        try EnsembleBundle(data: try BundleContainer.read(url))
    }
}
