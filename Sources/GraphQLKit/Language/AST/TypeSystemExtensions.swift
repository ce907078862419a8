// Type-system extensions of the AST (`extend …`).

/// `extend schema @directives { query: Query }`.
public struct SchemaExtension: Sendable, Hashable {
    public var directives: [Directive]
    public var operationTypes: [OperationTypeDefinition]
    public var location: Location?

    public init(directives: [Directive] = [], operationTypes: [OperationTypeDefinition] = [], location: Location? = nil) {
        self.directives = directives
        self.operationTypes = operationTypes
        self.location = location
    }
}

/// `extend scalar Name @directives`.
public struct ScalarTypeExtension: Sendable, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var location: Location?

    public init(name: Name, directives: [Directive] = [], location: Location? = nil) {
        self.name = name
        self.directives = directives
        self.location = location
    }
}

/// `extend type Name implements A @directives { fields }`.
public struct ObjectTypeExtension: Sendable, Hashable {
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var location: Location?

    public init(name: Name, interfaces: [NamedType] = [], directives: [Directive] = [], fields: [FieldDefinition] = [], location: Location? = nil) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.location = location
    }
}

/// `extend interface Name implements A @directives { fields }`.
public struct InterfaceTypeExtension: Sendable, Hashable {
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var location: Location?

    public init(name: Name, interfaces: [NamedType] = [], directives: [Directive] = [], fields: [FieldDefinition] = [], location: Location? = nil) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.location = location
    }
}

/// `extend union Name @directives = A | B`.
public struct UnionTypeExtension: Sendable, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var types: [NamedType]
    public var location: Location?

    public init(name: Name, directives: [Directive] = [], types: [NamedType] = [], location: Location? = nil) {
        self.name = name
        self.directives = directives
        self.types = types
        self.location = location
    }
}

/// `extend enum Name @directives { VALUES }`.
public struct EnumTypeExtension: Sendable, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var values: [EnumValueDefinition]
    public var location: Location?

    public init(name: Name, directives: [Directive] = [], values: [EnumValueDefinition] = [], location: Location? = nil) {
        self.name = name
        self.directives = directives
        self.values = values
        self.location = location
    }
}

/// `extend input Name @directives { fields }`.
public struct InputObjectTypeExtension: Sendable, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var fields: [InputValueDefinition]
    public var location: Location?

    public init(name: Name, directives: [Directive] = [], fields: [InputValueDefinition] = [], location: Location? = nil) {
        self.name = name
        self.directives = directives
        self.fields = fields
        self.location = location
    }
}
/// An extension of a named type of any kind.
public enum TypeExtension: Sendable, Hashable {
    case scalar(ScalarTypeExtension)
    case object(ObjectTypeExtension)
    case interface(InterfaceTypeExtension)
    case union(UnionTypeExtension)
    case `enum`(EnumTypeExtension)
    case inputObject(InputObjectTypeExtension)

    /// The extended type's name.
    public var name: Name {
        switch self {
        case .scalar(let node): return node.name
        case .object(let node): return node.name
        case .interface(let node): return node.name
        case .union(let node): return node.name
        case .enum(let node): return node.name
        case .inputObject(let node): return node.name
        }
    }

    public var directives: [Directive] {
        switch self {
        case .scalar(let node): return node.directives
        case .object(let node): return node.directives
        case .interface(let node): return node.directives
        case .union(let node): return node.directives
        case .enum(let node): return node.directives
        case .inputObject(let node): return node.directives
        }
    }

    public var location: Location? {
        switch self {
        case .scalar(let node): return node.location
        case .object(let node): return node.location
        case .interface(let node): return node.location
        case .union(let node): return node.location
        case .enum(let node): return node.location
        case .inputObject(let node): return node.location
        }
    }
}
