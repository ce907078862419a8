/// A type as written in a variable definition, field or argument definition: `Name`,
/// `[Type]` or `Type!`.
public enum TypeReference: Sendable, Hashable {
    // Only the wrapping cases are boxed: a plain named type (most references) needs no allocation.
    case named(NamedType)
    indirect case list(ListType)
    indirect case nonNull(NonNullType)

    public var location: Location? {
        switch self {
        case .named(let node): return node.location
        case .list(let node): return node.location
        case .nonNull(let node): return node.location
        }
    }

    /// The named type at the core of any wrapping (`[User!]!` → `User`).
    public var namedType: NamedType {
        var current = self
        while true {
            switch current {
            case .named(let named): return named
            case .list(let list): current = list.type
            case .nonNull(let nonNull): current = nonNull.type
            }
        }
    }
}

/// A reference to a type by name.
public struct NamedType: Sendable, Hashable {
    public var name: Name
    public var location: Location?

    public init(name: Name, location: Location? = nil) {
        self.name = name
        self.location = location
    }
}

/// `[Type]`.
public struct ListType: Sendable, Hashable {
    public var type: TypeReference
    public var location: Location?

    public init(type: TypeReference, location: Location? = nil) {
        self.type = type
        self.location = location
    }
}

/// `Type!`; the parser only produces it around a named or list type.
public struct NonNullType: Sendable, Hashable {
    public var type: TypeReference
    public var location: Location?

    public init(type: TypeReference, location: Location? = nil) {
        self.type = type
        self.location = location
    }
}
