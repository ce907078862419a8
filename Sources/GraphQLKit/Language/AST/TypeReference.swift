/// A type as written in a variable definition, field or argument definition: `Name`,
/// `[Type]` or `Type!`.
public enum TypeReference: Sendable, Hashable {
    // Only lists are boxed: a named type (most references) and `Name!` (most of the rest) need
    // no allocation, as ``NonNullType`` keeps a named type inline.
    case named(NamedType)
    indirect case list(ListType)
    case nonNull(NonNullType)

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
///
/// A wrapped named type is kept inline, so `Name!` costs no allocation; other wrapped types are
/// boxed. ``type`` reads and writes like a stored property.
public struct NonNullType: Sendable, Hashable {
    public var location: Location?
    private var wrapped: Wrapped

    /// The wrapped type, with the named case unboxed (the cases match ``TypeReference``'s one to one).
    private enum Wrapped: Sendable, Hashable {
        case named(NamedType)
        indirect case list(ListType)
        indirect case nonNull(NonNullType)

        @inline(__always)
        init(_ type: consuming TypeReference) {
            switch consume type {
            case .named(let named): self = .named(named)
            case .list(let list): self = .list(list)
            case .nonNull(let nonNull): self = .nonNull(nonNull)
            }
        }
    }

    public init(type: TypeReference, location: Location? = nil) {
        self.wrapped = Wrapped(type)
        self.location = location
    }

    public var type: TypeReference {
        get {
            switch wrapped {
            case .named(let named): return .named(named)
            case .list(let list): return .list(list)
            case .nonNull(let nonNull): return .nonNull(nonNull)
            }
        }
        set { wrapped = Wrapped(newValue) }
    }
}
