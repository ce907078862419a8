// Type-system definitions of the AST (GraphQL specification, section 3).

/// `schema @directives { query: Query … }`.
public struct SchemaDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var directives: [Directive]
    public var operationTypes: [OperationTypeDefinition]
    public var location: Location?

    public init(description: StringValue? = nil, directives: [Directive] = [], operationTypes: [OperationTypeDefinition], location: Location? = nil) {
        self.description = description
        self.directives = directives
        self.operationTypes = operationTypes
        self.location = location
    }
}

/// `query: Query` inside a schema definition or extension.
public struct OperationTypeDefinition: Sendable, Hashable {
    public var operation: OperationType
    public var type: NamedType
    public var location: Location?

    public init(operation: OperationType, type: NamedType, location: Location? = nil) {
        self.operation = operation
        self.type = type
        self.location = location
    }
}

/// `scalar Name @directives`.
public struct ScalarTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.location = location
    }
}

/// `type Name implements A & B @directives { fields }`.
public struct ObjectTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, interfaces: [NamedType] = [], directives: [Directive] = [], fields: [FieldDefinition] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.location = location
    }
}

/// `name(arguments): Type @directives` in an object or interface type.
public struct FieldDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var arguments: [InputValueDefinition]
    public var type: TypeReference
    public var directives: [Directive]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [], type: TypeReference, directives: [Directive] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.type = type
        self.directives = directives
        self.location = location
    }
}

/// An argument definition or input field: `name: Type = default @directives`.
public struct InputValueDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var type: TypeReference
    public var defaultValue: Value?
    public var directives: [Directive]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, type: TypeReference, defaultValue: Value? = nil, directives: [Directive] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.location = location
    }
}

/// `interface Name implements A @directives { fields }`.
public struct InterfaceTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, interfaces: [NamedType] = [], directives: [Directive] = [], fields: [FieldDefinition] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.location = location
    }
}

/// `union Name @directives = A | B`.
public struct UnionTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var types: [NamedType]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], types: [NamedType] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.types = types
        self.location = location
    }
}

/// `enum Name @directives { VALUES }`.
public struct EnumTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var values: [EnumValueDefinition]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], values: [EnumValueDefinition] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.values = values
        self.location = location
    }
}

/// One value of an enum type definition.
public struct EnumValueDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.location = location
    }
}

/// `input Name @directives { fields }`.
public struct InputObjectTypeDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var fields: [InputValueDefinition]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], fields: [InputValueDefinition] = [], location: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.fields = fields
        self.location = location
    }
}

/// `directive @name(arguments) repeatable on LOCATION | …`.
public struct DirectiveDefinition: Sendable, Hashable {
    public var description: StringValue?
    public var name: Name
    public var arguments: [InputValueDefinition]
    public var repeatable: Bool
    /// The location names as written; ``DirectiveDefinition/directiveLocations`` decodes them.
    public var locations: [Name]
    public var location: Location?

    public init(description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [], repeatable: Bool = false, locations: [Name], location: Location? = nil) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.repeatable = repeatable
        self.locations = locations
        self.location = location
    }
}
/// A named type definition of any kind.
public enum TypeDefinition: Sendable, Hashable {
    case scalar(ScalarTypeDefinition)
    case object(ObjectTypeDefinition)
    case interface(InterfaceTypeDefinition)
    case union(UnionTypeDefinition)
    case `enum`(EnumTypeDefinition)
    case inputObject(InputObjectTypeDefinition)

    /// The defined type's name.
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

    public var description: StringValue? {
        switch self {
        case .scalar(let node): return node.description
        case .object(let node): return node.description
        case .interface(let node): return node.description
        case .union(let node): return node.description
        case .enum(let node): return node.description
        case .inputObject(let node): return node.description
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

/// Where a directive may be used.
public enum DirectiveLocation: String, Sendable, Hashable, CaseIterable {
    // Executable locations.
    case query = "QUERY"
    case mutation = "MUTATION"
    case subscription = "SUBSCRIPTION"
    case field = "FIELD"
    case fragmentDefinition = "FRAGMENT_DEFINITION"
    case fragmentSpread = "FRAGMENT_SPREAD"
    case inlineFragment = "INLINE_FRAGMENT"
    case variableDefinition = "VARIABLE_DEFINITION"
    // Type-system locations.
    case schema = "SCHEMA"
    case scalar = "SCALAR"
    case object = "OBJECT"
    case fieldDefinition = "FIELD_DEFINITION"
    case argumentDefinition = "ARGUMENT_DEFINITION"
    case interface = "INTERFACE"
    case union = "UNION"
    case `enum` = "ENUM"
    case enumValue = "ENUM_VALUE"
    case inputObject = "INPUT_OBJECT"
    case inputFieldDefinition = "INPUT_FIELD_DEFINITION"
}

extension DirectiveDefinition {
    /// The locations, decoded (the parser accepts only valid location names).
    public var directiveLocations: [DirectiveLocation] {
        locations.compactMap { DirectiveLocation(rawValue: $0.value) }
    }
}
