/// An ordered dictionary with string keys: keys keep the order in which they were first set.
public struct ValueDictionary: Sendable, Equatable {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]

    /// An empty dictionary.
    public init() {}

    /// A dictionary of `pairs`, in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(String, Value)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of entries.
    public var count: Int { keys.count }

    /// The values, in key order.
    public var values: [Value] { keys.map { storage[$0]! } }

    /// The entries, in key order.
    public var pairs: [(key: String, value: Value)] { keys.map { ($0, storage[$0]!) } }

    /// The value for `key`; setting nil removes the entry.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Equal when both hold the same keys in the same order with equal values.
    public static func == (lhs: ValueDictionary, rhs: ValueDictionary) -> Bool {
        lhs.keys == rhs.keys && lhs.storage == rhs.storage
    }
}
