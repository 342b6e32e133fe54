import MoodifyLearn

/// A host type the script can hold: audio buffers, corpora, models, histories, scalers …
///
/// Only `typeName` and `summary` are required; the rest have defaults. Host objects are values
/// shared across the session, so they must be `Sendable`: a value type, or a final class whose
/// mutable state sits behind a `Mutex`.
public protocol HostObject: Sendable {
    /// The type's name as scripts see it, e.g. "AudioBuffer".
    var typeName: String { get }
    /// One line shown inside lists, e.g. "AudioBuffer 2.3 s · 22050 Hz · peak 0.61".
    var summary: String { get }
    /// What a cell shows when this object is its last value, and what `print` shows (may span lines); defaults to `summary`.
    var display: String { get }
    /// Names of the properties `property(_:)` answers, for completion and `help`.
    var propertyNames: [String] { get }
    /// The property `name`, or nil when there is none (the interpreter then reports it).
    func property(_ name: String) throws -> Value?
    /// Methods callable as `x.name(…)`; each is a builtin whose body captures the object.
    var methods: [Builtin] { get }
    /// What `len(x)` returns, or nil when `len` does not apply.
    var length: Int? { get }
    /// The elements `for e in x` and `x[i]` visit, or nil when the object is not a sequence.
    var elements: [Value]? { get }
    /// 1-D numeric content (audio samples …) for `asFloats`, `save_npy` and arithmetic-free conversions, or nil.
    var floatValues: [Float]? { get }
    /// 2-D numeric content for `asMatrix`, or nil.
    var matrixValue: Matrix? { get }
}

extension HostObject {
    /// Defaults to the one-line summary.
    public var display: String { summary }
    /// No properties by default.
    public var propertyNames: [String] { [] }
    /// No properties by default.
    public func property(_ name: String) throws -> Value? { nil }
    /// No methods by default.
    public var methods: [Builtin] { [] }
    /// `len` does not apply by default.
    public var length: Int? { nil }
    /// Not a sequence by default.
    public var elements: [Value]? { nil }
    /// No 1-D numeric content by default.
    public var floatValues: [Float]? { nil }
    /// No 2-D numeric content by default.
    public var matrixValue: Matrix? { nil }
    /// Property and method names, sorted: what completion offers after `x.`.
    public var memberNames: [String] { (propertyNames + methods.map(\.name)).sorted() }
}
