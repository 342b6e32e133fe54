import Foundation

/// What a model bundle file holds: one network (format version 1) or an ensemble of several (version 2).
public enum BundleContents: Sendable, Equatable {
    /// One network with its feature set, scaler, labels and metadata.
    case network(ModelBundle)
    /// Several networks whose probabilities are averaged, with shared labels and metadata.
    case ensemble(EnsembleBundle)

    /// The newest format version this code reads.
    public static let newestVersion = EnsembleBundle.formatVersion

    /// Reads either kind of bundle from its bytes, by its format version.
    public init(data: Data) throws {
        switch try BundleContainer.version(of: [UInt8](data.prefix(BundleContainer.prefixLength + 4))) {
        case EnsembleBundle.formatVersion: self = .ensemble(try EnsembleBundle(data: data))
        default: self = .network(try ModelBundle(data: data))
        }
    }

    /// Reads either kind of bundle from a file.
    public static func load(from url: URL) throws -> BundleContents {
        try BundleContents(data: try BundleContainer.read(url))
    }

    /// The bundle's bytes in its own format version.
    public func encoded() throws -> Data {
        switch self {
        case .network(let bundle): try bundle.encoded()
        case .ensemble(let ensemble): try ensemble.encoded()
        }
    }

    /// Writes the bundle to a file (replacing it atomically).
    public func save(to url: URL) throws {
        try BundleContainer.write(try encoded(), to: url)
    }

    /// The network's or the ensemble's name.
    public var name: String {
        switch self {
        case .network(let bundle): bundle.name
        case .ensemble(let ensemble): ensemble.name
        }
    }

    /// The class names in output order.
    public var labels: [String]? {
        switch self {
        case .network(let bundle): bundle.labels
        case .ensemble(let ensemble): ensemble.labels
        }
    }

    /// The training metadata (card, temperature, …).
    public var metadata: [String: String] {
        switch self {
        case .network(let bundle): bundle.metadata
        case .ensemble(let ensemble): ensemble.metadata
        }
    }

    /// The networks with their weights in the mean: one of weight 1 for a single network.
    public var members: [EnsembleBundle.Member] {
        switch self {
        case .network(let bundle): [EnsembleBundle.Member(network: bundle)]
        case .ensemble(let ensemble): ensemble.members
        }
    }
}
