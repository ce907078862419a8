/// A GraphQL schema: its named types, directives and root operation types. Immutable and
/// `Sendable`; build one from SDL with ``buildSchema(_:options:)``.
///
/// ```swift
/// let schema = try buildSchema("type Query { hello: String }")
/// schema.queryType?.name               // "Query"
/// schema.namedType("String")           // the built-in String scalar
/// printSchema(schema)                  // the SDL again, as graphql-js prints it
/// schema.validationErrors              // [] when the type-system rules hold
/// ```
///
/// The type map keeps graphql-js's order (what introspection's `types` lists): the given types
/// in order, each followed by the built-in scalars it first refers to, then the types the
/// directives refer to, then the introspection types.
public final class GraphQLSchema: Sendable {
    public let description: String?
    public let queryTypeName: String?
    public let mutationTypeName: String?
    public let subscriptionTypeName: String?
    /// Every named type, in type-map order.
    public let types: [GraphQLNamedType]
    public let directives: [GraphQLDirective]
    public let astNode: SchemaDefinition?
    public let extensionASTNodes: [SchemaExtension]
    /// The SDL document `astNode` is in.
    public let astSource: Source?
    /// The SDL document of each schema extension.
    public let extensionSources: [Source?]

    private let typeIndex: [String: Int]
    private let directiveIndex: [String: Int]
    /// Interface name → the object and interface types that implement it, in type-map order.
    private let implementations: [String: Implementations]
    /// Abstract type name → names of its possible object types (and, for interfaces, the
    /// interfaces implementing it), for `isSubType`.
    private let subTypes: [String: Set<String>]
    private let cachedValidationErrors = LazyValue<[GraphQLError]>()
    /// Lookups for validating documents (Validation/), built on first use.
    let validationIndexCache = LazyValue<ValidationSchemaIndex>()

    /// The types implementing an interface.
    public struct Implementations: Sendable {
        public var objects: [String] = []
        public var interfaces: [String] = []
    }

    /// Assembles a schema from its parts. `types` need not list the built-in scalars or the
    /// introspection types, nor types reachable from listed ones. Throws if a type refers to a
    /// type that is neither given nor built in, or two types share a name.
    public init(description: String? = nil, query: String?, mutation: String? = nil, subscription: String? = nil,
                types: [GraphQLNamedType], directives: [GraphQLDirective] = GraphQLDirective.specified,
                astNode: SchemaDefinition? = nil, extensionASTNodes: [SchemaExtension] = [],
                astSource: Source? = nil, extensionSources: [Source?] = []) throws(GraphQLError) {
        self.description = description
        self.queryTypeName = query
        self.mutationTypeName = mutation
        self.subscriptionTypeName = subscription
        self.directives = directives
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
        self.astSource = astSource
        self.extensionSources = sourcesPerExtension(extensionSources, count: extensionASTNodes.count, defaultingTo: astSource)

        var given: [String: GraphQLNamedType] = [:]
        for type in types {
            if given[type.name] != nil {
                throw GraphQLError(message: "Schema must contain uniquely named types but contains multiple types named \"\(type.name)\".")
            }
            given[type.name] = type
        }
        let collected = try TypeCollector.collect(
            given: types, lookup: given, roots: [query, mutation, subscription].compactMap { $0 }, directives: directives)
        self.types = collected
        var typeIndex: [String: Int] = [:]
        typeIndex.reserveCapacity(collected.count)
        for (position, type) in collected.enumerated() { typeIndex[type.name] = position }
        self.typeIndex = typeIndex
        var directiveIndex: [String: Int] = [:]
        for (position, directive) in directives.enumerated() where directiveIndex[directive.name] == nil {
            directiveIndex[directive.name] = position
        }
        self.directiveIndex = directiveIndex

        var implementations: [String: Implementations] = [:]
        for type in collected {
            switch type {
            case .object(let object):
                for interface in object.interfaces where typeIndex[interface].map({ if case .interface = collected[$0] { return true } else { return false } }) == true {
                    implementations[interface, default: Implementations()].objects.append(object.name)
                }
            case .interface(let interfaceType):
                for interface in interfaceType.interfaces where typeIndex[interface].map({ if case .interface = collected[$0] { return true } else { return false } }) == true {
                    implementations[interface, default: Implementations()].interfaces.append(interfaceType.name)
                }
            default: break
            }
        }
        self.implementations = implementations
        var subTypes: [String: Set<String>] = [:]
        for type in collected {
            switch type {
            case .union(let union): subTypes[union.name] = Set(union.types)
            case .interface(let interface):
                let found = implementations[interface.name] ?? Implementations()
                subTypes[interface.name] = Set(found.objects + found.interfaces)
            default: break
            }
        }
        self.subTypes = subTypes
    }

    /// The named type called `name` (built-in scalars and introspection types included).
    public func namedType(_ name: String) -> GraphQLNamedType? {
        typeIndex[name].map { types[$0] }
    }

    /// The named type inside `type`'s wrappers.
    public func namedType(_ type: GraphQLType) -> GraphQLNamedType? {
        namedType(type.namedTypeName)
    }

    public func objectType(_ name: String) -> GraphQLObjectType? {
        if case .object(let type)? = namedType(name) { return type }
        return nil
    }

    public func interfaceType(_ name: String) -> GraphQLInterfaceType? {
        if case .interface(let type)? = namedType(name) { return type }
        return nil
    }

    public func inputObjectType(_ name: String) -> GraphQLInputObjectType? {
        if case .inputObject(let type)? = namedType(name) { return type }
        return nil
    }

    public var queryType: GraphQLObjectType? { queryTypeName.flatMap(objectType) }
    public var mutationType: GraphQLObjectType? { mutationTypeName.flatMap(objectType) }
    public var subscriptionType: GraphQLObjectType? { subscriptionTypeName.flatMap(objectType) }

    /// The root type name for an operation kind.
    public func rootTypeName(for operation: OperationType) -> String? {
        switch operation {
        case .query: return queryTypeName
        case .mutation: return mutationTypeName
        case .subscription: return subscriptionTypeName
        }
    }

    /// The root object type for an operation kind.
    public func rootType(for operation: OperationType) -> GraphQLObjectType? {
        rootTypeName(for: operation).flatMap(objectType)
    }

    /// The directive called `name`.
    public func directive(_ name: String) -> GraphQLDirective? {
        directiveIndex[name].map { directives[$0] }
    }

    /// The object types an interface or union may be at runtime (empty for other types).
    public func possibleTypes(of abstractTypeName: String) -> [GraphQLObjectType] {
        switch namedType(abstractTypeName) {
        case .union(let union)?: return union.types.compactMap(objectType)
        case .interface?: return (implementations[abstractTypeName]?.objects ?? []).compactMap(objectType)
        default: return []
        }
    }

    /// The types implementing an interface.
    public func implementations(of interfaceName: String) -> Implementations {
        implementations[interfaceName] ?? Implementations()
    }

    /// Whether `maybeSubType` is a possible type of the union, or implements the interface,
    /// `abstractTypeName` (graphql-js `isSubType`).
    public func isSubType(_ abstractTypeName: String, _ maybeSubType: String) -> Bool {
        subTypes[abstractTypeName]?.contains(maybeSubType) ?? false
    }

    /// Whether `maybeSubType` is `superType` itself, or a possible/implementing type of it.
    public func isPossibleType(_ superType: String, _ maybeSubType: String) -> Bool {
        superType == maybeSubType || isSubType(superType, maybeSubType)
    }

    /// The errors of the type-system rules (graphql-js `validateSchema`), computed once.
    public var validationErrors: [GraphQLError] {
        cachedValidationErrors.get { SchemaValidator.validate(self) }
    }

    /// The field `name` of a composite type as execution and validation see it: the
    /// introspection meta-fields are found too (`__schema` and `__type` on the query type,
    /// `__typename` everywhere).
    public func field(_ name: String, on parentTypeName: String) -> GraphQLField? {
        if name.utf8.first == 0x5F /* _ */ {
            if name == "__typename" { return Introspection.typenameMetaField }
            if parentTypeName == queryTypeName {
                if name == "__schema" { return Introspection.schemaMetaField }
                if name == "__type" { return Introspection.typeMetaField }
            }
        }
        return namedType(parentTypeName)?.fields?[name]
    }
}

extension GraphQLScalarType {
    public static let string = GraphQLScalarType(
        name: "String",
        description: "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
        coercion: ScalarCoercion(builtIn: .string))
    public static let int = GraphQLScalarType(
        name: "Int",
        description: "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
        coercion: ScalarCoercion(builtIn: .int))
    public static let float = GraphQLScalarType(
        name: "Float",
        description: "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
        coercion: ScalarCoercion(builtIn: .float))
    public static let boolean = GraphQLScalarType(
        name: "Boolean",
        description: "The `Boolean` scalar type represents `true` or `false`.",
        coercion: ScalarCoercion(builtIn: .boolean))
    public static let id = GraphQLScalarType(
        name: "ID",
        description: "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
        coercion: ScalarCoercion(builtIn: .id))

    /// The five specified scalars, in graphql-js's order.
    public static let specified: [GraphQLScalarType] = [string, int, float, boolean, id]

    /// The specified scalar called `name`.
    public static func specified(named name: String) -> GraphQLScalarType? {
        switch name {
        case "String": return string
        case "Int": return int
        case "Float": return float
        case "Boolean": return boolean
        case "ID": return id
        default: return nil
        }
    }
}

/// Builds the type map in graphql-js's order (its `collectReferencedTypes`), without recursion
/// so a hostile schema with a very long chain of types cannot overflow the stack.
enum TypeCollector {
    static func collect(given: [GraphQLNamedType], lookup: [String: GraphQLNamedType], roots: [String],
                        directives: [GraphQLDirective]) throws(GraphQLError) -> [GraphQLNamedType] {
        var order: [GraphQLNamedType?] = given
        var position: [String: Int] = [:]
        for (index, type) in given.enumerated() { position[type.name] = index }

        func resolve(_ name: String) throws(GraphQLError) -> GraphQLNamedType {
            if let type = lookup[name] { return type }
            if let scalar = GraphQLScalarType.specified(named: name) { return .scalar(scalar) }
            if let type = Introspection.types.first(where: { $0.name == name }) { return type }
            throw GraphQLError(message: "Unknown type: \"\(name)\".")
        }

        func references(_ type: GraphQLNamedType) -> [String] {
            switch type {
            case .union(let union): return union.types
            case .object, .interface:
                var names = type.interfaces
                for field in type.fields ?? NamedList() {
                    names.append(field.type.namedTypeName)
                    for argument in field.arguments { names.append(argument.type.namedTypeName) }
                }
                return names
            case .inputObject(let input): return input.fields.map(\.type.namedTypeName)
            case .scalar, .enum: return []
            }
        }

        /// Adds `start` (unless present) and, depth first, everything it refers to.
        func visit(_ start: GraphQLNamedType) throws(GraphQLError) {
            guard position[start.name] == nil else { return }
            position[start.name] = order.count
            order.append(start)
            var stack: [(names: [String], next: Int)] = [(references(start), 0)]
            while !stack.isEmpty {
                let top = stack.count - 1
                guard stack[top].next < stack[top].names.count else {
                    stack.removeLast()
                    continue
                }
                let name = stack[top].names[stack[top].next]
                stack[top].next += 1
                guard position[name] == nil else { continue }
                let type = try resolve(name)
                position[name] = order.count
                order.append(type)
                stack.append((references(type), 0))
            }
        }

        for (index, type) in given.enumerated() where position[type.name] == index {
            // Move the type to the end, then add what it refers to right after it.
            order[index] = nil
            position[type.name] = nil
            try visit(type)
        }
        for root in roots { try visit(try resolve(root)) }
        for directive in directives {
            for argument in directive.arguments { try visit(try resolve(argument.type.namedTypeName)) }
        }
        try visit(.object(Introspection.schemaType))
        return order.compactMap { $0 }
    }
}
