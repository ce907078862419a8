/// A schema with its resolvers: what runs GraphQL requests. Parsed documents and execution
/// plans are cached, so a request that was seen before goes straight to its resolvers.
///
/// ```swift
/// let executable = try ExecutableSchema(sdl: """
///     type Query { greeting(name: String = "world"): String! }
///     """, resolvers: {
///         var resolvers = Resolvers<Void>()
///         resolvers.query { query in
///             query.field("greeting") { args, _ in "Hello, \(args.optionalString("name") ?? "")!" }
///         }
///         return resolvers
///     }())
/// let response = await executable.execute(GraphQLRequest(query: "{ greeting }"), context: ())
/// String(decoding: response.serialized(), as: UTF8.self)   // {"data":{"greeting":"Hello, world!"}}
/// ```
public final class ExecutableSchema<Context: Sendable>: Sendable {
    public let schema: GraphQLSchema
    let engine: ExecutionEngine

    /// Binds resolvers to a schema. Throws if the schema breaks a type-system rule, or a
    /// resolver names a type or field the schema does not have.
    public init(schema: GraphQLSchema, resolvers: Resolvers<Context> = Resolvers(), options: ExecutionOptions = ExecutionOptions()) throws(GraphQLError) {
        let errors = schema.validationErrors
        if !errors.isEmpty {
            throw GraphQLError(message: errors.map(\.message).joined(separator: "\n\n"))
        }
        var objectTypes = resolvers.objectTypes
        for (operation, bound) in resolvers.rootTypes {
            guard let rootName = schema.rootTypeName(for: operation) else {
                throw GraphQLError(message: "Resolvers are registered for the \(operation.rawValue) root type, but the schema has none.")
            }
            objectTypes[rootName] = objectTypes[rootName].map { $0.merging(bound) } ?? bound
        }
        for (typeName, bound) in objectTypes {
            guard case .object(let objectType)? = schema.namedType(typeName) else {
                throw GraphQLError(message: "Resolvers are registered for \"\(typeName)\", which is not an object type of the schema.")
            }
            for fieldName in bound.fields.keys.sorted() where objectType.fields[fieldName] == nil {
                throw GraphQLError(message: "A resolver is registered for \(typeName).\(fieldName), which the schema does not define.")
            }
        }
        for typeName in resolvers.typeResolvers.keys.sorted() where schema.namedType(typeName)?.isAbstractType != true {
            throw GraphQLError(message: "A type resolver is registered for \"\(typeName)\", which is not an interface or union of the schema.")
        }
        var boundSchema = schema
        if !resolvers.scalars.isEmpty {
            boundSchema = try schema.replacingScalarCoercions(resolvers.scalars)
        }
        self.schema = boundSchema
        self.engine = ExecutionEngine(schema: boundSchema, objectTypes: objectTypes, typeResolvers: resolvers.typeResolvers,
                                      defaultResolver: options.defaultFieldResolver, validator: options.validator,
                                      documentCacheSize: options.documentCacheSize)
    }

    /// Builds the schema from SDL (with the resolvers' custom scalar coercion, so the SDL's
    /// default values are coerced by it too) and binds the resolvers.
    public convenience init(sdl: String, resolvers: Resolvers<Context> = Resolvers(), options: ExecutionOptions = ExecutionOptions()) throws(GraphQLError) {
        let schema = try buildSchema(sdl, options: BuildSchemaOptions(scalars: resolvers.scalars))
        var withoutScalars = resolvers
        withoutScalars.scalars = [:]
        try self.init(schema: schema, resolvers: withoutScalars, options: options)
    }

    /// Whether any field resolver is asynchronous. When `false`, every request can run through
    /// `executeSynchronously` (no task, no suspension) — GraphQLHTTP answers on the event loop then.
    public var hasAsynchronousResolvers: Bool { engine.hasAsyncResolvers }

    /// Parses and validates a query once; later requests with the same text reuse the result.
    public func prepare(_ query: String) -> PreparedDocument {
        engine.prepare(query)
    }

    /// Executes a request: parse (cached), validate (cached), coerce variables, run.
    public func execute(_ request: GraphQLRequest, context: Context, rootValue: ResolvedValue = .null) async -> GraphQLResponse {
        let prepared = engine.prepare(request.query)
        if !prepared.errors.isEmpty { return GraphQLResponse(data: nil, errors: prepared.errors) }
        return await engine.execute(prepared, operationName: request.operationName, variables: request.variables,
                                    contextBox: ContextBox(context), rootValue: rootValue)
    }

    /// Executes a prepared document (from ``prepare(_:)``): execution only, with the plans the
    /// document keeps. The document must have no errors.
    public func execute(prepared: PreparedDocument, operationName: String? = nil, variables: JSONObject = JSONObject(),
                        context: Context, rootValue: ResolvedValue = .null) async -> GraphQLResponse {
        if !prepared.errors.isEmpty { return GraphQLResponse(data: nil, errors: prepared.errors) }
        return await engine.execute(prepared, operationName: operationName, variables: variables, contextBox: ContextBox(context), rootValue: rootValue)
    }

    /// ``execute(prepared:operationName:variables:context:rootValue:)`` without suspending:
    /// throws if an asynchronous resolver is reached.
    public func executeSynchronously(prepared: PreparedDocument, operationName: String? = nil, variables: JSONObject = JSONObject(),
                                     context: Context, rootValue: ResolvedValue = .null) throws(GraphQLError) -> GraphQLResponse {
        if !prepared.errors.isEmpty { return GraphQLResponse(data: nil, errors: prepared.errors) }
        return try engine.executeSynchronously(prepared, operationName: operationName, variables: variables,
                                               contextBox: ContextBox(context), rootValue: rootValue)
    }

    /// Executes a parsed document as it is (no validation): graphql-js's `execute`.
    public func execute(document: Document, operationName: String? = nil, variables: JSONObject = JSONObject(),
                        context: Context, rootValue: ResolvedValue = .null) async -> GraphQLResponse {
        await engine.execute(PreparedDocument(document: document, errors: []), operationName: operationName, variables: variables,
                             contextBox: ContextBox(context), rootValue: rootValue)
    }

    /// Executes a parsed document without suspending (graphql-js `executeSync`): for schemas
    /// whose resolvers are all synchronous. Throws if an asynchronous resolver is reached.
    public func executeSynchronously(document: Document, operationName: String? = nil, variables: JSONObject = JSONObject(),
                                     context: Context, rootValue: ResolvedValue = .null) throws(GraphQLError) -> GraphQLResponse {
        try engine.executeSynchronously(PreparedDocument(document: document, errors: []), operationName: operationName,
                                        variables: variables, contextBox: ContextBox(context), rootValue: rootValue)
    }

    /// ``executeSynchronously(document:operationName:variables:context:rootValue:)`` for a
    /// request (parsed and validated through the cache).
    public func executeSynchronously(_ request: GraphQLRequest, context: Context, rootValue: ResolvedValue = .null) throws(GraphQLError) -> GraphQLResponse {
        let prepared = engine.prepare(request.query)
        if !prepared.errors.isEmpty { return GraphQLResponse(data: nil, errors: prepared.errors) }
        return try engine.executeSynchronously(prepared, operationName: request.operationName, variables: request.variables,
                                               contextBox: ContextBox(context), rootValue: rootValue)
    }

    /// Starts a subscription: creates the source event stream of the operation's single root
    /// field, and maps every event through execution (graphql-js `subscribe`).
    ///
    /// ```swift
    /// switch await executable.subscribe(GraphQLRequest(query: "subscription { messageAdded { text } }"), context: context) {
    /// case .stream(let responses):
    ///     for try await response in responses { send(response.serialized()) }
    /// case .failure(let response):
    ///     send(response.serialized())
    /// }
    /// ```
    public func subscribe(_ request: GraphQLRequest, context: Context, rootValue: ResolvedValue = .null) async -> SubscriptionResult {
        let prepared = engine.prepare(request.query)
        if !prepared.errors.isEmpty { return .failure(GraphQLResponse(data: nil, errors: prepared.errors)) }
        return await engine.subscribe(prepared, operationName: request.operationName, variables: request.variables,
                                      contextBox: ContextBox(context), rootValue: rootValue)
    }
}

/// How an ``ExecutableSchema`` executes.
public struct ExecutionOptions: Sendable {
    /// Checks documents before they run: by default graphql-js's specified rules
    /// (``DocumentValidator/specified``); add ``ValidationLimits`` for a public endpoint, or
    /// ``DocumentValidator/none`` for documents already validated.
    public var validator: DocumentValidator
    /// Resolves fields that have no resolver (default: JSON sources are read by key).
    public var defaultFieldResolver: DefaultFieldResolver
    /// How many distinct query texts keep their parsed document and plans.
    public var documentCacheSize: Int

    public init(validator: DocumentValidator = .specified, defaultFieldResolver: DefaultFieldResolver = .byKey, documentCacheSize: Int = 1000) {
        self.validator = validator
        self.defaultFieldResolver = defaultFieldResolver
        self.documentCacheSize = documentCacheSize
    }
}

/// A GraphQL request: the document text, the operation to run and the variable values.
public struct GraphQLRequest: Sendable {
    public var query: String
    public var operationName: String?
    public var variables: JSONObject

    public init(query: String, operationName: String? = nil, variables: JSONObject = JSONObject()) {
        self.query = query
        self.operationName = operationName
        self.variables = variables
    }
}

/// A GraphQL response: `data` as JSON text (absent when the request failed before execution),
/// and the errors in graphql-js's order.
public struct GraphQLResponse: Sendable {
    /// The `data` entry as JSON bytes, written in selection order; nil when absent.
    public var data: [UInt8]?
    public var errors: [GraphQLError]
    /// Extra entries for the response's `extensions`.
    public var extensions: JSONObject?

    public init(data: [UInt8]?, errors: [GraphQLError], extensions: JSONObject? = nil) {
        self.data = data
        self.errors = errors
        self.extensions = extensions
    }

    /// `data` parsed into a JSON value (for tests and tools; the bytes are the fast path).
    public var dataValue: JSONValue? {
        data.flatMap { try? JSONValue.parse(utf8: $0, options: JSONParseOptions(maxDepth: 10_000)) }
    }

    /// The response as JSON text, as graphql-js's `JSON.stringify(result)` writes it:
    /// `{"errors":[…],"data":…}` with errors, `{"data":…}` without, then `extensions`.
    public func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((data?.count ?? 0) + 32 + errors.count * 96)
        output.append(0x7B)
        var first = true
        if !errors.isEmpty {
            output.append(contentsOf: Array("\"errors\":".utf8))
            JSONValue.array(errors.map(\.jsonValue)).write(to: &output)
            first = false
        }
        if let data {
            if !first { output.append(0x2C) }
            output.append(contentsOf: Array("\"data\":".utf8))
            output.append(contentsOf: data)
            first = false
        }
        if let extensions, !extensions.isEmpty {
            if !first { output.append(0x2C) }
            output.append(contentsOf: Array("\"extensions\":".utf8))
            JSONValue.object(extensions).write(to: &output)
        }
        output.append(0x7D)
        return output
    }
}

/// A parsed and validated document with its execution plans (one per operation and
/// @skip/@include variable values).
public final class PreparedDocument: Sendable {
    public let document: Document
    /// Syntax or validation errors; a document with errors does not execute.
    public let errors: [GraphQLError]
    let fragments: [String: FragmentDefinition]
    let operations: [OperationDefinition]
    let conditionVariables: [String]
    let plans = Locked<[PlanKey: OperationPlan]>([:])
    /// One plan per operation, compiled when the document was prepared, when no @skip/@include
    /// reads a variable (the plan is then the same for every request): such requests skip the
    /// plan cache. Empty otherwise (nil entries: the schema has no root type for that kind).
    let fixedPlans: [OperationPlan?]

    struct PlanKey: Hashable {
        let operation: Int
        let conditions: ConditionKey
    }

    init(document: Document, errors: [GraphQLError], engine: ExecutionEngine? = nil) {
        self.document = document
        self.errors = errors
        var fragments: [String: FragmentDefinition] = [:]
        var operations: [OperationDefinition] = []
        for definition in document.definitions {
            switch definition {
            case .operation(let operation): operations.append(operation)
            case .fragment(let fragment): fragments[fragment.name.value] = fragment
            default: break
            }
        }
        self.fragments = fragments
        self.operations = operations
        let conditionVariables = conditionVariableNames(document)
        self.conditionVariables = conditionVariables
        if let engine, errors.isEmpty, conditionVariables.isEmpty {
            fixedPlans = operations.map { engine.compilePlan($0, fragments: fragments, conditionVariables: JSONObject(), source: document.source) }
        } else {
            fixedPlans = []
        }
    }

    /// The index of the operation `operationName` selects, nil when none or several match.
    func operationIndex(named operationName: String?) -> Int? {
        guard let operationName else { return operations.count == 1 ? 0 : nil }
        var found: Int?
        for index in operations.indices where operations[index].name?.value == operationName {
            found = index
        }
        return found
    }
}

/// Prepared documents by query text, at most `capacity` of them (the oldest go first).
final class DocumentCache: Sendable {
    private struct State {
        var documents: [String: PreparedDocument] = [:]
        var order: [String] = []
    }

    private let state = Locked(State())
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    func document(for query: String, prepare: () -> PreparedDocument) -> PreparedDocument {
        if let cached = state.withLock({ $0.documents[query] }) { return cached }
        let prepared = prepare()
        guard capacity > 0 else { return prepared }
        return state.withLock { state in
            if let existing = state.documents[query] { return existing }
            if state.order.count >= capacity {
                let evicted = state.order.removeFirst()
                state.documents[evicted] = nil
            }
            state.documents[query] = prepared
            state.order.append(query)
            return prepared
        }
    }
}

/// The result of starting a subscription.
public enum SubscriptionResult: Sendable {
    /// One response per event of the source stream.
    case stream(GraphQLResponseStream)
    /// The subscription could not start (bad document, variables, or its resolver failed).
    case failure(GraphQLResponse)
}
