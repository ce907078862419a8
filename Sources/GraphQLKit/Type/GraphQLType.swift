/// A type as a field, argument, input field or variable uses it: a named type, possibly
/// wrapped in lists and non-null markers. Named types are referred to by name; look them up
/// with ``GraphQLSchema/namedType(_:)`` (the schema owns every named type).
///
/// ```swift
/// let type: GraphQLType = .nonNull(.list(.nonNull(.named("String"))))
/// type.description            // "[String!]!"
/// type.namedTypeName          // "String"
/// schema.namedType(type)      // the String scalar
/// ```
public indirect enum GraphQLType: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case list(GraphQLType)
    case nonNull(GraphQLType)

    /// The name of the named type inside every wrapper (`[User!]!` → `User`).
    public var namedTypeName: String {
        switch self {
        case .named(let name): return name
        case .list(let inner), .nonNull(let inner): return inner.namedTypeName
        }
    }

    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// This type without its outer non-null marker (`Int!` → `Int`, `Int` → `Int`).
    public var nullable: GraphQLType {
        if case .nonNull(let inner) = self { return inner }
        return self
    }

    /// The type inside one list or non-null wrapper, or nil for a named type (introspection's `ofType`).
    public var ofType: GraphQLType? {
        switch self {
        case .named: return nil
        case .list(let inner), .nonNull(let inner): return inner
        }
    }

    /// The type as SDL writes it: `[Int!]!`.
    public var description: String {
        switch self {
        case .named(let name): return name
        case .list(let inner): return "[" + inner.description + "]"
        case .nonNull(let inner): return inner.description + "!"
        }
    }

    /// The type a type reference of the AST denotes (no lookup: the named type may not exist).
    public init(_ reference: TypeReference) {
        switch reference {
        case .named(let named): self = .named(named.name.value)
        case .list(let list): self = .list(GraphQLType(list.type))
        case .nonNull(let nonNull): self = .nonNull(GraphQLType(nonNull.type))
        }
    }
}
