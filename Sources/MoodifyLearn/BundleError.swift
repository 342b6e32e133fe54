/// Why a model bundle could not be written or read.
public enum BundleError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// The data does not start with the bundle signature.
    case notABundle
    /// A bundle written by a newer (or unknown) format version.
    case unsupportedVersion(found: UInt32, supported: UInt32)
    /// Fewer bytes than the bundle declares.
    case truncated(expected: Int, actual: Int)
    /// The stored checksum does not match the contents.
    case checksumMismatch(stored: UInt32, computed: UInt32)
    /// The JSON header cannot be read.
    case malformedHeader(String)
    /// The header and the weights disagree with each other or with the architecture.
    case inconsistent(String)
    /// The model cannot be saved (not built, or a value JSON cannot hold).
    case unsavable(String)
    /// An ensemble bundle where one network was expected.
    case ensemble
    /// A one-network bundle where an ensemble was expected.
    case notAnEnsemble

    /// One sentence for a user.
    public var description: String {
        switch self {
        case let .io(path, reason): "Cannot access the model bundle at \(path): \(reason)."
        case .notABundle: "This is not a Moodify model bundle (its first bytes are not the MDFYMODL signature)."
        case let .unsupportedVersion(found, supported): "The model bundle has format version \(found), but this Moodify reads versions 1 to \(supported)."
        case let .truncated(expected, actual): "The model bundle is truncated: it should hold \(expected) bytes but holds \(actual)."
        case let .checksumMismatch(stored, computed):
            "The model bundle is corrupted: its checksum \(String(stored, radix: 16)) does not match its contents (\(String(computed, radix: 16)))."
        case let .malformedHeader(reason): "The model bundle's header is malformed: \(reason)."
        case let .inconsistent(reason): "The model bundle is inconsistent: \(reason)."
        case let .unsavable(reason): "The model cannot be saved: \(reason)."
        case .ensemble: "The model bundle holds an ensemble of networks where a single network was expected."
        case .notAnEnsemble: "The model bundle holds a single network where an ensemble was expected."
        }
    }
}
