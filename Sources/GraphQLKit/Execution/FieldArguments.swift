/// A field's arguments, coerced to the argument types (defaults filled in, variables
/// substituted, enum values as their names, input objects as JSON objects in definition order).
///
/// ```swift
/// let id = try args.string("id")                  // a required String or ID argument
/// let first = args.int("first") ?? 10             // optional Int
/// let filter = try args.decode(BookFilter.self, "filter")   // an input object as a Decodable
/// ```
public struct FieldArguments: Sendable, CustomStringConvertible {
    /// The coerced values by argument name, in the field definition's order.
    public let values: JSONObject

    public init(_ values: JSONObject = JSONObject()) {
        self.values = values
    }

    /// Whether there are no argument values at all.
    public var isEmpty: Bool { values.isEmpty }

    /// The value of argument `name` (nil when not given and without a default; `.null` when null).
    public subscript(name: String) -> JSONValue? {
        values.isEmpty ? nil : values[name]
    }

    /// A String or ID argument; throws if it is absent, null or not a string.
    public func string(_ name: String) throws(GraphQLError) -> String {
        guard case .string(let value)? = self[name] else { throw missing(name, "a string") }
        return value
    }

    /// An optional String or ID argument (nil when absent or null).
    public func optionalString(_ name: String) -> String? {
        self[name]?.stringValue
    }

    /// An Int argument (nil when absent, null or not an integer).
    public func int(_ name: String) -> Int? {
        switch self[name] {
        case .int(let value)?: return value
        case .double(let value)? where value.rounded() == value && abs(value) < 9.2e18: return Int(value)
        default: return nil
        }
    }

    /// A Float argument (Ints widen); nil when absent or null.
    public func double(_ name: String) -> Double? {
        switch self[name] {
        case .int(let value)?: return Double(value)
        case .double(let value)?: return value
        default: return nil
        }
    }

    /// A Boolean argument; nil when absent or null.
    public func bool(_ name: String) -> Bool? {
        if case .bool(let value)? = self[name] { return value }
        return nil
    }

    /// Decodes argument `name` (an input object, list, enum, …) into a `Decodable` Swift value.
    public func decode<Value: Decodable>(_ type: Value.Type, _ name: String) throws -> Value {
        try JSONValueDecoder().decode(type, from: self[name] ?? .null)
    }

    /// Decodes all arguments as one `Decodable` value (its properties are the argument names).
    public func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONValueDecoder().decode(type, from: .object(values))
    }

    /// The arguments as `JSON.stringify(args)` prints them.
    public var description: String {
        JSONValue.object(values).serialized()
    }

    private func missing(_ name: String, _ what: String) -> GraphQLError {
        GraphQLError(message: "Argument \"\(name)\" must be \(what), got \(self[name].map(inspect) ?? "nothing").")
    }
}
