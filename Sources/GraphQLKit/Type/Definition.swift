// The named types of the type system (GraphQL specification, section 3.4–3.10), as graphql-js's
// `type/definition` models them. Types are immutable, `Sendable` classes owned by a
// ``GraphQLSchema``; they refer to one another by name (see ``GraphQLType``).

/// What kind of type a type is, as introspection's `__TypeKind` names it.
public enum TypeKind: String, Sendable, Hashable, CaseIterable {
    case scalar = "SCALAR"
    case object = "OBJECT"
    case interface = "INTERFACE"
    case union = "UNION"
    case `enum` = "ENUM"
    case inputObject = "INPUT_OBJECT"
    case list = "LIST"
    case nonNull = "NON_NULL"
}

/// Any named type of a schema.
///
/// ```swift
/// switch schema.namedType("Node") {
/// case .interface(let node)?: print(node.fields.names)
/// default: break
/// }
/// ```
public enum GraphQLNamedType: Sendable {
    case scalar(GraphQLScalarType)
    case object(GraphQLObjectType)
    case interface(GraphQLInterfaceType)
    case union(GraphQLUnionType)
    case `enum`(GraphQLEnumType)
    case inputObject(GraphQLInputObjectType)

    public var name: String {
        switch self {
        case .scalar(let type): return type.name
        case .object(let type): return type.name
        case .interface(let type): return type.name
        case .union(let type): return type.name
        case .enum(let type): return type.name
        case .inputObject(let type): return type.name
        }
    }

    public var description: String? {
        switch self {
        case .scalar(let type): return type.description
        case .object(let type): return type.description
        case .interface(let type): return type.description
        case .union(let type): return type.description
        case .enum(let type): return type.description
        case .inputObject(let type): return type.description
        }
    }

    public var kind: TypeKind {
        switch self {
        case .scalar: return .scalar
        case .object: return .object
        case .interface: return .interface
        case .union: return .union
        case .enum: return .enum
        case .inputObject: return .inputObject
        }
    }

    /// Scalars, enums and input objects: what arguments and variables may have.
    public var isInputType: Bool {
        switch self {
        case .scalar, .enum, .inputObject: return true
        default: return false
        }
    }

    /// Everything but input objects: what fields may return.
    public var isOutputType: Bool {
        if case .inputObject = self { return false }
        return true
    }

    /// Scalars and enums.
    public var isLeafType: Bool {
        switch self {
        case .scalar, .enum: return true
        default: return false
        }
    }

    /// Objects, interfaces and unions: what selection sets apply to.
    public var isCompositeType: Bool {
        switch self {
        case .object, .interface, .union: return true
        default: return false
        }
    }

    /// Interfaces and unions.
    public var isAbstractType: Bool {
        switch self {
        case .interface, .union: return true
        default: return false
        }
    }

    /// The fields of an object or interface type; nil for other kinds.
    public var fields: NamedList<GraphQLField>? {
        switch self {
        case .object(let type): return type.fields
        case .interface(let type): return type.fields
        default: return nil
        }
    }

    /// The interfaces an object or interface type implements; empty for other kinds.
    public var interfaces: [String] {
        switch self {
        case .object(let type): return type.interfaces
        case .interface(let type): return type.interfaces
        default: return []
        }
    }

    /// Where the type is defined (nil for built-in types and types made in code).
    public var definitionLocation: Location? {
        switch self {
        case .scalar(let type): return type.astNode?.location
        case .object(let type): return type.astNode?.location
        case .interface(let type): return type.astNode?.location
        case .union(let type): return type.astNode?.location
        case .enum(let type): return type.astNode?.location
        case .inputObject(let type): return type.astNode?.location
        }
    }

    /// The SDL document the type is defined in.
    public var definitionSource: Source? {
        switch self {
        case .scalar(let type): return type.source
        case .object(let type): return type.source
        case .interface(let type): return type.source
        case .union(let type): return type.source
        case .enum(let type): return type.source
        case .inputObject(let type): return type.source
        }
    }

    /// The directives applied to the type in its definition and extensions, in source order
    /// (what federation reads `@key` from).
    public var appliedDirectives: [Directive] {
        switch self {
        case .scalar(let type): return (type.astNode?.directives ?? []) + type.extensionASTNodes.flatMap(\.directives)
        case .object(let type): return (type.astNode?.directives ?? []) + type.extensionASTNodes.flatMap(\.directives)
        case .interface(let type): return (type.astNode?.directives ?? []) + type.extensionASTNodes.flatMap(\.directives)
        case .union(let type): return (type.astNode?.directives ?? []) + type.extensionASTNodes.flatMap(\.directives)
        case .enum(let type): return (type.astNode?.directives ?? []) + type.extensionASTNodes.flatMap(\.directives)
        case .inputObject(let type): return (type.astNode?.directives ?? []) + type.extensionASTNodes.flatMap(\.directives)
        }
    }
}

/// A scalar type: a leaf value with its own input and result coercion.
///
/// The five specified scalars (`Int`, `Float`, `String`, `Boolean`, `ID`) coerce as the
/// specification and graphql-js do. A custom scalar coerces with its ``ScalarCoercion``; one
/// built from SDL without hooks passes values through unchanged, as graphql-js does.
public final class GraphQLScalarType: Sendable {
    public let name: String
    public let description: String?
    /// The `@specifiedBy(url:)` of the scalar.
    public let specifiedByURL: String?
    /// How values are coerced (results, variables, literals).
    public let coercion: ScalarCoercion
    public let astNode: ScalarTypeDefinition?
    public let extensionASTNodes: [ScalarTypeExtension]
    /// The SDL document `astNode` is in (locations of AST nodes are offsets into it).
    public let source: Source?
    /// The SDL document of each extension node.
    public let extensionSources: [Source?]

    public init(name: String, description: String? = nil, specifiedByURL: String? = nil, coercion: ScalarCoercion = .passThrough,
                astNode: ScalarTypeDefinition? = nil, extensionASTNodes: [ScalarTypeExtension] = [],
                source: Source? = nil, extensionSources: [Source?] = []) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.coercion = coercion
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        self.source = source
        self.extensionSources = sourcesPerExtension(extensionSources, count: extensionASTNodes.count, defaultingTo: source)
    }

    /// Whether this is one of the five scalars the specification defines.
    public var isSpecified: Bool { coercion.builtIn != nil && GraphQLScalarType.specifiedNames.contains(name) }

    /// The names of the specified scalars.
    public static let specifiedNames: Set<String> = ["String", "Int", "Float", "Boolean", "ID"]
}

/// An object type: a set of fields, possibly implementing interfaces.
public final class GraphQLObjectType: Sendable {
    public let name: String
    public let description: String?
    public let fields: NamedList<GraphQLField>
    /// The names of the interfaces it implements, in declaration order.
    public let interfaces: [String]
    public let astNode: ObjectTypeDefinition?
    public let extensionASTNodes: [ObjectTypeExtension]
    /// The SDL document `astNode` is in (locations of AST nodes are offsets into it).
    public let source: Source?
    /// The SDL document of each extension node.
    public let extensionSources: [Source?]

    public init(name: String, description: String? = nil, fields: NamedList<GraphQLField>, interfaces: [String] = [],
                astNode: ObjectTypeDefinition? = nil, extensionASTNodes: [ObjectTypeExtension] = [],
                source: Source? = nil, extensionSources: [Source?] = []) {
        self.name = name
        self.description = description
        self.fields = fields
        self.interfaces = interfaces
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        self.source = source
        self.extensionSources = sourcesPerExtension(extensionSources, count: extensionASTNodes.count, defaultingTo: source)
    }
}

/// An interface type: fields that implementing objects (and interfaces) must provide.
public final class GraphQLInterfaceType: Sendable {
    public let name: String
    public let description: String?
    public let fields: NamedList<GraphQLField>
    /// The names of the interfaces it implements, in declaration order.
    public let interfaces: [String]
    public let astNode: InterfaceTypeDefinition?
    public let extensionASTNodes: [InterfaceTypeExtension]
    /// The SDL document `astNode` is in (locations of AST nodes are offsets into it).
    public let source: Source?
    /// The SDL document of each extension node.
    public let extensionSources: [Source?]

    public init(name: String, description: String? = nil, fields: NamedList<GraphQLField>, interfaces: [String] = [],
                astNode: InterfaceTypeDefinition? = nil, extensionASTNodes: [InterfaceTypeExtension] = [],
                source: Source? = nil, extensionSources: [Source?] = []) {
        self.name = name
        self.description = description
        self.fields = fields
        self.interfaces = interfaces
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        self.source = source
        self.extensionSources = sourcesPerExtension(extensionSources, count: extensionASTNodes.count, defaultingTo: source)
    }
}

/// A union type: one of several object types.
public final class GraphQLUnionType: Sendable {
    public let name: String
    public let description: String?
    /// The names of the member types, in declaration order.
    public let types: [String]
    public let astNode: UnionTypeDefinition?
    public let extensionASTNodes: [UnionTypeExtension]
    /// The SDL document `astNode` is in (locations of AST nodes are offsets into it).
    public let source: Source?
    /// The SDL document of each extension node.
    public let extensionSources: [Source?]

    public init(name: String, description: String? = nil, types: [String], astNode: UnionTypeDefinition? = nil, extensionASTNodes: [UnionTypeExtension] = [],
                source: Source? = nil, extensionSources: [Source?] = []) {
        self.name = name
        self.description = description
        self.types = types
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        self.source = source
        self.extensionSources = sourcesPerExtension(extensionSources, count: extensionASTNodes.count, defaultingTo: source)
    }
}

/// An enum type. Its values' internal representation is their name (as in any schema built
/// from SDL); resolvers return the name, arguments receive it.
public final class GraphQLEnumType: Sendable {
    public let name: String
    public let description: String?
    public let values: NamedList<GraphQLEnumValue>
    public let astNode: EnumTypeDefinition?
    public let extensionASTNodes: [EnumTypeExtension]
    /// The SDL document `astNode` is in (locations of AST nodes are offsets into it).
    public let source: Source?
    /// The SDL document of each extension node.
    public let extensionSources: [Source?]

    public init(name: String, description: String? = nil, values: NamedList<GraphQLEnumValue>, astNode: EnumTypeDefinition? = nil,
                extensionASTNodes: [EnumTypeExtension] = [], source: Source? = nil, extensionSources: [Source?] = []) {
        self.name = name
        self.description = description
        self.values = values
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        self.source = source
        self.extensionSources = sourcesPerExtension(extensionSources, count: extensionASTNodes.count, defaultingTo: source)
    }
}

/// An input object type: the structured input of arguments and variables. A `@oneOf` input
/// object requires exactly one field, not null.
public final class GraphQLInputObjectType: Sendable {
    public let name: String
    public let description: String?
    public let fields: NamedList<GraphQLInputValue>
    /// Whether the type carries `@oneOf`.
    public let isOneOf: Bool
    public let astNode: InputObjectTypeDefinition?
    public let extensionASTNodes: [InputObjectTypeExtension]
    /// The SDL document `astNode` is in (locations of AST nodes are offsets into it).
    public let source: Source?
    /// The SDL document of each extension node.
    public let extensionSources: [Source?]

    public init(name: String, description: String? = nil, fields: NamedList<GraphQLInputValue>, isOneOf: Bool = false,
                astNode: InputObjectTypeDefinition? = nil, extensionASTNodes: [InputObjectTypeExtension] = [],
                source: Source? = nil, extensionSources: [Source?] = []) {
        self.name = name
        self.description = description
        self.fields = fields
        self.isOneOf = isOneOf
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        self.source = source
        self.extensionSources = sourcesPerExtension(extensionSources, count: extensionASTNodes.count, defaultingTo: source)
    }
}

/// A field of an object or interface type.
public struct GraphQLField: NamedDefinition {
    public var name: String
    public var description: String?
    public var type: GraphQLType
    public var arguments: [GraphQLInputValue]
    /// The `@deprecated(reason:)`; nil when the field is not deprecated.
    public var deprecationReason: String?
    public var astNode: FieldDefinition?
    /// The SDL document `astNode` is in.
    public var source: Source?

    public init(name: String, description: String? = nil, type: GraphQLType, arguments: [GraphQLInputValue] = [],
                deprecationReason: String? = nil, astNode: FieldDefinition? = nil, source: Source? = nil) {
        self.name = name
        self.description = description
        self.type = type
        self.arguments = arguments
        self.deprecationReason = deprecationReason
        self.astNode = astNode
        self.source = source
    }

    /// The argument named `name`.
    public func argument(_ name: String) -> GraphQLInputValue? {
        arguments.first { $0.name == name }
    }

    public var isDeprecated: Bool { deprecationReason != nil }
}

/// An argument definition or an input object's field.
public struct GraphQLInputValue: NamedDefinition {
    public var name: String
    public var description: String?
    public var type: GraphQLType
    /// The default value, already coerced to the type's internal form; nil when there is none
    /// (a default of `null` is `.null`). An SDL default that does not coerce is dropped, as
    /// graphql-js drops it.
    public var defaultValue: JSONValue?
    public var deprecationReason: String?
    public var astNode: InputValueDefinition?
    /// The SDL document `astNode` is in.
    public var source: Source?

    public init(name: String, description: String? = nil, type: GraphQLType, defaultValue: JSONValue? = nil,
                deprecationReason: String? = nil, astNode: InputValueDefinition? = nil, source: Source? = nil) {
        self.name = name
        self.description = description
        self.type = type
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
        self.astNode = astNode
        self.source = source
    }

    /// Non-null and without a default: a value must be given.
    public var isRequired: Bool { type.isNonNull && defaultValue == nil }

    public var isDeprecated: Bool { deprecationReason != nil }
}

/// Input fields and arguments have the same shape.
public typealias GraphQLArgument = GraphQLInputValue
public typealias GraphQLInputField = GraphQLInputValue

/// One value of an enum type.
public struct GraphQLEnumValue: NamedDefinition {
    public var name: String
    public var description: String?
    public var deprecationReason: String?
    public var astNode: EnumValueDefinition?
    /// The SDL document `astNode` is in.
    public var source: Source?

    public init(name: String, description: String? = nil, deprecationReason: String? = nil, astNode: EnumValueDefinition? = nil, source: Source? = nil) {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
        self.astNode = astNode
        self.source = source
    }

    public var isDeprecated: Bool { deprecationReason != nil }
}
