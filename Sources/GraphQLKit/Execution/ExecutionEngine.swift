/// The non-generic core of an ``ExecutableSchema``: the schema, its bound resolvers, and the
/// caches shared by all requests (prepared documents and plans, introspection sources).
final class ExecutionEngine: Sendable {
    let schema: GraphQLSchema
    let objectTypes: [String: BoundObjectType]
    let typeResolvers: [String: TypeResolver]
    /// Swift type → the object type names registered with it (for default type resolution).
    let objectTypeNamesBySwiftType: [ObjectIdentifier: [String]]
    let hasAsyncResolvers: Bool
    let defaultResolver: DefaultFieldResolver
    let documents: DocumentCache
    let validator: DocumentValidator
    private let cachedIntrospection = LazyValue<IntrospectionCache>()

    init(schema: GraphQLSchema, objectTypes: [String: BoundObjectType], typeResolvers: [String: TypeResolver],
         defaultResolver: DefaultFieldResolver, validator: DocumentValidator, documentCacheSize: Int) {
        self.schema = schema
        self.objectTypes = objectTypes
        self.typeResolvers = typeResolvers
        var bySwiftType: [ObjectIdentifier: [String]] = [:]
        for (name, bound) in objectTypes.sorted(by: { $0.key < $1.key }) {
            if let swiftType = bound.swiftType { bySwiftType[swiftType, default: []].append(name) }
        }
        self.objectTypeNamesBySwiftType = bySwiftType
        self.hasAsyncResolvers = objectTypes.values.contains { $0.fields.values.contains { $0.isAsync } }
        self.defaultResolver = defaultResolver
        self.validator = validator
        self.documents = DocumentCache(capacity: documentCacheSize)
    }

    var introspection: IntrospectionCache {
        cachedIntrospection.get { IntrospectionCache(schema: schema) }
    }

    func boundType(_ name: String) -> BoundObjectType? {
        objectTypes[name]
    }

    func completion(for type: GraphQLType) -> Completion {
        Completion(type, schema: schema)
    }

    /// The object type a value of an interface or union is (graphql-js `resolveType`, then its
    /// `defaultTypeResolver`): the registered type resolver, a JSON `__typename`, an
    /// ``ObjectSource``'s typename or Swift type, then `isTypeOf` of the possible types.
    func resolveType(of value: ResolvedValue, abstractType: String, request: RequestState) throws -> String? {
        if let resolver = typeResolvers[abstractType], let name = try resolver.resolve(value, request) {
            return name
        }
        switch value {
        case .json(.object(let object)):
            if case .string(let name)? = object["__typename"] { return name }
        case .object(let object):
            if let name = object.typename { return name }
            if let names = objectTypeNamesBySwiftType[object.swiftType] {
                if names.count == 1 { return names[0] }
                if let name = names.first(where: { schema.isSubType(abstractType, $0) }) { return name }
            }
        default:
            break
        }
        for possible in schema.possibleTypes(of: abstractType) {
            if let isTypeOf = objectTypes[possible.name]?.isTypeOf, isTypeOf(value, request) { return possible.name }
        }
        return nil
    }
}

/// What a field without a resolver resolves to: graphql-js's default resolver reads the
/// source's property named like the field. GraphQLKit reads JSON objects by key; a Swift value
/// needs a registered resolver.
public struct DefaultFieldResolver: Sendable {
    let resolveJSON: @Sendable (JSONObject, String, FieldArguments) throws -> ResolvedValue

    /// Reads JSON sources by key (missing keys are null) with a custom rule for the value found
    /// (the conformance harness uses it for the oracle's `$error` and `$echoArgs` conventions).
    public init(jsonProperty: @escaping @Sendable (_ source: JSONObject, _ fieldName: String, _ arguments: FieldArguments) throws -> ResolvedValue) {
        self.resolveJSON = jsonProperty
    }

    /// JSON objects are read by key; everything else resolves to null.
    public static let byKey = DefaultFieldResolver { source, fieldName, _ in
        source[fieldName].map(ResolvedValue.json) ?? .null
    }

    func resolve(_ source: ResolvedValue, _ field: FieldPlan, _ arguments: FieldArguments) throws -> ResolvedValue {
        switch source {
        case .json(.object(let object)):
            return try resolveJSON(object, field.fieldName, arguments)
        case .object(let object):
            throw GraphQLError(message: "No resolver for field \(field.parentTypeName).\(field.fieldName) (the source is a Swift \(object.debugDescription)).")
        default:
            return .null
        }
    }
}

/// Checks documents before they execute: the hook validation (GraphQL specification section 5)
/// plugs into. Errors stop the request (no `data`), as graphql-js's `validate` does.
public struct DocumentValidator: Sendable {
    /// The errors of `document` against `schema`; empty when it may execute.
    public let validate: @Sendable (GraphQLSchema, Document) -> [GraphQLError]

    public init(_ validate: @escaping @Sendable (GraphQLSchema, Document) -> [GraphQLError]) {
        self.validate = validate
    }

    /// No validation: documents are executed as they are (malformed parts are skipped the way
    /// graphql-js's executor skips them). For documents validated elsewhere.
    public static let none = DocumentValidator { _, _ in [] }
}
