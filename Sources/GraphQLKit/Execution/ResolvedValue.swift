/// What a resolver produced for a field: the executor completes it according to the field's
/// type (serializes a scalar or enum, walks a list, resolves an object's selected fields).
///
/// Resolvers usually return plain Swift values (`String`, `Int`, arrays, optionals, your own
/// types marked ``GraphQLObject``) that convert through ``ResolvedValueConvertible``; build a
/// `ResolvedValue` directly when you need its finer control.
///
/// ```swift
/// ResolvedValue.string("Ada")
/// ResolvedValue.list([.int(1), .null, .error(MyError())])   // a partial list
/// ResolvedValue.object(ObjectSource(user))                   // fields resolved by User's resolvers
/// ResolvedValue.json(["id": "1", "__typename": "Book"])      // fields read by key
/// ```
public enum ResolvedValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// JSON data: an object's fields are read by key (the default resolver), an array is a list,
    /// and an object's `__typename` key picks its type for an interface or union.
    case json(JSONValue)
    case list([ResolvedValue])
    /// A Swift value whose fields are resolved by the resolvers registered for its GraphQL type.
    case object(ObjectSource)
    /// This value failed: the field (or list item) becomes null with this error, as a thrown
    /// error would.
    case error(any Error)

    /// Whether this is `.null` or `.json(.null)`.
    public var isNull: Bool {
        switch self {
        case .null, .json(.null): return true
        default: return false
        }
    }

    /// The value as JSON, when it has a JSON form (everything but `.object` and `.error`).
    public var jsonValue: JSONValue? {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .string(let value): return .string(value)
        case .json(let value): return value
        case .list(let items):
            var array: [JSONValue] = []
            array.reserveCapacity(items.count)
            for item in items {
                guard let json = item.jsonValue else { return nil }
                array.append(json)
            }
            return .array(array)
        case .object, .error: return nil
        }
    }
}

/// A Swift value passed through execution as the source of an object's fields.
///
/// It remembers the value's Swift type, so a resolver registered for that type receives it
/// back without a dynamic cast, and optionally the GraphQL object type it stands for (which
/// answers an interface's or union's type resolution).
///
/// ```swift
/// ObjectSource(user)                            // resolved by the resolvers of User's Swift type
/// ObjectSource(cat, typename: "Cat")            // explicitly a Cat, for `union Pet = Cat | Dog`
/// ```
public struct ObjectSource: Sendable {
    /// The Swift type of the wrapped value.
    public let swiftType: ObjectIdentifier
    /// The GraphQL object type name given at creation, if any.
    public let typename: String?
    @usableFromInline let box: any AnyObject & Sendable

    @inlinable
    public init<Value: Sendable>(_ value: Value, typename: String? = nil) {
        self.swiftType = ObjectIdentifier(Value.self)
        self.typename = typename
        self.box = ValueBox(value)
    }

    /// The wrapped value if it is a `Value`, without a dynamic cast (the stored type is compared).
    @inlinable
    public func value<Value: Sendable>(as type: Value.Type) -> Value? {
        guard swiftType == ObjectIdentifier(Value.self) else { return nil }
        return unsafeValue(as: type)
    }

    /// Runs `body` on the wrapped value in place (no copy) if it is a `Value`.
    @inlinable
    public func withValue<Value: Sendable, Result>(as type: Value.Type, _ body: (Value) throws -> Result) rethrows -> Result? {
        guard swiftType == ObjectIdentifier(Value.self) else { return nil }
        // `box` was created as a ValueBox<Value> for exactly this Value (swiftType matched).
        return try unsafeDowncast(box, to: ValueBox<Value>.self).read(body)
    }

    /// The wrapped value, known to be a `Value` (the caller compared ``swiftType``).
    @inlinable
    func unsafeValue<Value: Sendable>(as type: Value.Type) -> Value {
        // `box` was created as a ValueBox<Value> for exactly this Value (swiftType matched).
        unsafeDowncast(box, to: ValueBox<Value>.self).value
    }

    /// A description for error messages.
    var debugDescription: String {
        "\(box)"
    }
}

/// Holds a Swift value on the heap so ``ObjectSource`` stays two words.
@usableFromInline
final class ValueBox<Value: Sendable>: Sendable, CustomStringConvertible {
    @usableFromInline let value: Value

    @usableFromInline
    init(_ value: Value) {
        self.value = value
    }

    @inlinable
    func read<Result>(_ body: (Value) throws -> Result) rethrows -> Result {
        try body(value)
    }

    @usableFromInline
    var description: String {
        String(describing: value)
    }
}
