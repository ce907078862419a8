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
    /// A list of strings (what `[String]` resolves to, without wrapping each element).
    case strings([String])
    /// A Swift value whose fields are resolved by the resolvers registered for its GraphQL type.
    case object(ObjectSource)
    /// A list of Swift objects of one type (what an array of ``GraphQLObject`` values resolves to).
    case objects(ObjectList)
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

    /// JSON primitives as the plain cases (`.json(.string(s))` → `.string(s)`, also for
    /// numbers, booleans and null); anything else unchanged.
    public var unwrappingJSONPrimitive: ResolvedValue {
        switch self {
        case .json(.string(let value)): return .string(value)
        case .json(.int(let value)): return .int(value)
        case .json(.double(let value)): return .double(value)
        case .json(.bool(let value)): return .bool(value)
        case .json(.null): return .null
        default: return self
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
        case .strings(let strings): return .array(strings.map(JSONValue.string))
        case .object, .objects, .error: return nil
        }
    }
}

/// A Swift value passed through execution as the source of an object's fields.
///
/// It remembers the value's Swift type, so a resolver registered for that type receives it
/// back without a dynamic cast, and optionally the GraphQL object type it stands for (which
/// answers an interface's or union's type resolution). An element of an array of objects
/// (``ResolvedValue/objects(_:)``) refers into the array: no allocation per element.
///
/// ```swift
/// ObjectSource(user)                            // resolved by the resolvers of User's Swift type
/// ObjectSource(cat, typename: "Cat")            // explicitly a Cat, for `union Pet = Cat | Dog`
/// ```
public struct ObjectSource: Sendable {
    /// The Swift type of the wrapped value.
    public let swiftType: ObjectIdentifier
    /// A ``ValueBox`` (`index` < 0) or an ``ArrayBox`` holding the value at `index`.
    @usableFromInline let box: ObjectBox
    @usableFromInline let index: Int

    @inlinable
    public init<Value: Sendable>(_ value: Value, typename: String? = nil) {
        self.swiftType = ObjectIdentifier(Value.self)
        self.box = ValueBox(value, typename: typename)
        self.index = -1
    }

    @inlinable
    init(swiftType: ObjectIdentifier, box: ObjectBox, index: Int) {
        self.swiftType = swiftType
        self.box = box
        self.index = index
    }

    /// The GraphQL object type name given at creation, if any.
    public var typename: String? { box.typename }

    /// The wrapped value if it is a `Value`, without a dynamic cast (the stored type is compared).
    @inlinable
    public func value<Value: Sendable>(as type: Value.Type) -> Value? {
        withValue(as: type) { $0 }
    }

    /// Runs `body` on the wrapped value in place (no copy) if it is a `Value`.
    @inlinable
    public func withValue<Value: Sendable, Result>(as type: Value.Type, _ body: (Value) throws -> Result) rethrows -> Result? {
        guard swiftType == ObjectIdentifier(Value.self) else { return nil }
        // `box` was created for exactly this Value (swiftType matched): a ValueBox<Value> for a
        // single value, an ArrayBox<Value> for an element of an array.
        if index < 0 {
            return try unsafeDowncast(box, to: ValueBox<Value>.self).read(body)
        }
        return try unsafeDowncast(box, to: ArrayBox<Value>.self).read(index, body)
    }

    /// A description for error messages.
    var debugDescription: String {
        box.describe(index)
    }
}

/// Objects of one Swift type in an array, passed as a list without wrapping each element
/// (what an array of ``GraphQLObject`` values resolves to).
public struct ObjectList: Sendable {
    public let swiftType: ObjectIdentifier
    @usableFromInline let box: ObjectBox
    public let count: Int

    @inlinable
    public init<Value: Sendable>(_ values: [Value]) {
        self.swiftType = ObjectIdentifier(Value.self)
        self.box = ArrayBox(values)
        self.count = values.count
    }

    /// The element at `index` as an object source.
    @inlinable
    public subscript(index: Int) -> ObjectSource {
        ObjectSource(swiftType: swiftType, box: box, index: index)
    }
}

/// The heap storage behind ``ObjectSource``: one Swift value or an array of them.
///
/// `@unchecked Sendable`: the class and its subclasses hold only `let` properties of
/// `Sendable` types (the subclasses are generic over `Value: Sendable`), so instances are
/// immutable after initialization; it is non-final only so the two storage kinds share it.
@usableFromInline
class ObjectBox: @unchecked Sendable {
    @usableFromInline let typename: String?

    @usableFromInline
    init(typename: String?) {
        self.typename = typename
    }

    func describe(_ index: Int) -> String { "object" }
}

/// One Swift value on the heap.
@usableFromInline
final class ValueBox<Value: Sendable>: ObjectBox, @unchecked Sendable {
    @usableFromInline let value: Value

    @usableFromInline
    init(_ value: Value, typename: String?) {
        self.value = value
        super.init(typename: typename)
    }

    @inlinable
    func read<Result>(_ body: (Value) throws -> Result) rethrows -> Result {
        try body(value)
    }

    override func describe(_ index: Int) -> String {
        String(describing: value)
    }
}

/// An array of Swift values on the heap, shared by the elements' sources.
@usableFromInline
final class ArrayBox<Value: Sendable>: ObjectBox, @unchecked Sendable {
    @usableFromInline let values: [Value]

    @usableFromInline
    init(_ values: [Value]) {
        self.values = values
        super.init(typename: nil)
    }

    @inlinable
    func read<Result>(_ index: Int, _ body: (Value) throws -> Result) rethrows -> Result {
        try body(values[index])
    }

    override func describe(_ index: Int) -> String {
        values.indices.contains(index) ? String(describing: values[index]) : "object"
    }
}
