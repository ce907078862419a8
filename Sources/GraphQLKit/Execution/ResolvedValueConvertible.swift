/// A Swift value a resolver can return: it says how it becomes a ``ResolvedValue``.
///
/// `String`, `Int`, `Double`, `Bool`, `JSONValue`, optionals and arrays of convertible values
/// conform already. Mark your own types with ``GraphQLObject`` (resolved field by field by the
/// resolvers you register for them) or ``GraphQLEnumValueConvertible`` (a `String`-backed enum).
///
/// ```swift
/// struct Book: GraphQLObject { let id: String; let title: String }
/// enum Genre: String, GraphQLEnumValueConvertible { case FICTION, POETRY }
/// ```
public protocol ResolvedValueConvertible: Sendable {
    var resolvedValue: ResolvedValue { get }

    /// How an array of such values resolves (by default each element converts on its own;
    /// objects and strings keep the array as it is).
    static func resolvedList(_ values: [Self]) -> ResolvedValue
}

extension ResolvedValueConvertible {
    @inlinable
    public static func resolvedList(_ values: [Self]) -> ResolvedValue {
        var items: [ResolvedValue] = []
        items.reserveCapacity(values.count)
        for value in values { items.append(value.resolvedValue) }
        return .list(items)
    }
}

/// A Swift type whose values are GraphQL objects: returned from a resolver, a value is passed
/// on (without copying into another form) as the source of the object's field resolvers.
public protocol GraphQLObject: ResolvedValueConvertible {}

extension GraphQLObject {
    @inlinable
    public var resolvedValue: ResolvedValue { .object(ObjectSource(self)) }

    @inlinable
    public static func resolvedList(_ values: [Self]) -> ResolvedValue { .objects(ObjectList(values)) }
}

/// A `String`-backed Swift enum whose raw values are the GraphQL enum's value names.
public protocol GraphQLEnumValueConvertible: ResolvedValueConvertible, RawRepresentable where RawValue == String {}

extension GraphQLEnumValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .string(rawValue) }
}

extension ResolvedValue: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { self }
}

extension String: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .string(self) }

    @inlinable
    public static func resolvedList(_ values: [String]) -> ResolvedValue { .strings(values) }
}

extension Substring: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .string(String(self)) }
}

extension Int: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .int(self) }
}

extension Int32: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .int(Int(self)) }
}

extension Int64: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .int(Int(self)) }
}

extension Double: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .double(self) }
}

extension Float: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .double(Double(self)) }
}

extension Bool: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .bool(self) }
}

extension JSONValue: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { .json(self) }
}

extension Optional: ResolvedValueConvertible where Wrapped: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue {
        switch self {
        case .some(let value): return value.resolvedValue
        case .none: return .null
        }
    }
}

extension Array: ResolvedValueConvertible where Element: ResolvedValueConvertible {
    @inlinable
    public var resolvedValue: ResolvedValue { Element.resolvedList(self) }
}

extension Result: ResolvedValueConvertible where Success: ResolvedValueConvertible {
    /// A success converts as its value; a failure becomes ``ResolvedValue/error(_:)``.
    @inlinable
    public var resolvedValue: ResolvedValue {
        switch self {
        case .success(let value): return value.resolvedValue
        case .failure(let error): return .error(error)
        }
    }
}
