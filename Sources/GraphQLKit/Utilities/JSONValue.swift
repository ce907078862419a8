/// A JSON value as GraphQLKit uses it for variables, extensions and results: objects keep
/// their key order, and numbers are integers or doubles, printed as JavaScript prints them.
///
/// ```swift
/// let value = try JSONValue.parse(#"{"b": 1, "a": [true, null, 2.5]}"#)
/// value.serialized()            // {"b":1,"a":[true,null,2.5]}  (byte-identical to JSON.stringify)
/// value["a"]?[2]                // .double(2.5)
/// ```
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// An integer. The parser produces it for integer literals within ±2^53 (exact in
    /// JavaScript); larger ones become ``double(_:)``, as `JSON.parse` would round them.
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element at `index` of an array, or nil.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

/// A JSON object that keeps its keys in insertion order (as JavaScript objects do for
/// non-numeric keys). Setting an existing key replaces its value in place, as `JSON.parse` does
/// with duplicate keys. Lookup is linear for small objects and hashed for large ones.
///
/// Deliberate difference from JavaScript: keys that look like array indices (`"1"`) keep
/// insertion order too, where a JavaScript object would list them first.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []
    /// Key → position, built once the object grows past `indexThreshold` keys.
    private var index: [String: Int]?
    private static let indexThreshold = 12

    public init() {}

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key`, if present.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    /// Gets a member; setting nil removes it, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    values[position] = newValue
                } else {
                    keys.remove(at: position)
                    values.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    /// Appends a member without checking for an existing key (the caller knows it is new).
    public mutating func appendNew(_ key: String, _ value: JSONValue) {
        append(key, value)
    }

    /// Edits the value at `position` (from ``position(of:)``) in place: no key lookup, and no
    /// copy of the value when this object holds the only reference to it.
    public mutating func modifyValue(at position: Int, _ edit: (inout JSONValue) -> Void) {
        edit(&values[position])
    }

    /// Reserves room for `count` members, so appending up to that many does not reallocate.
    public mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
        if index != nil {
            index![key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard keys.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built: [String: Int] = [:]
        built.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() { built[key] = position }
        index = built
    }

    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator {
        zip(keys, values).makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}
