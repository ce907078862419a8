import GraphQLKit

/// Serves a GraphQLKit ``ExecutableSchema`` over HTTP. Documents are parsed and validated once
/// per distinct query (through the schema's own cache, then the HTTP layer's). When the schema has
/// no asynchronous resolver, requests execute synchronously on the event loop — no task, no hop.
///
/// ```swift
/// let executable = try ExecutableSchema(sdl: "type Query { hello: String }", resolvers: resolvers)
/// var router = HTTPRouter()
/// router.addGraphQL(path: "/graphql", executor: ExecutableSchemaHTTPExecutor(schema: executable) { request in
///     RequestContext(authorization: request.headers.first(name: "authorization"))
/// })
/// ```
public struct ExecutableSchemaHTTPExecutor<Context: Sendable>: GraphQLHTTPExecutor {
    /// A prepared document with the kind of each operation, for the `GET` mutation check
    /// (a class: handing it to every request is one retain).
    public final class Prepared: Sendable {
        let document: PreparedDocument
        let operations: [(name: String?, type: OperationType)]

        init(document: PreparedDocument, operations: [(name: String?, type: OperationType)]) {
            self.document = document
            self.operations = operations
        }

        /// The kind of the operation `operationName` selects; nil when none can be selected (the
        /// executor then reports the error).
        func operationType(named operationName: String?) -> OperationType? {
            if let operationName {
                return operations.first { $0.name == operationName }?.type
            }
            return operations.count == 1 ? operations[0].type : nil
        }
    }

    /// How each request's context is made.
    private enum ContextFactory: Sendable {
        /// On the event loop; lets synchronous schemas answer without a task.
        case synchronous(@Sendable (GraphQLHTTPRequest) -> Context)
        /// In the request's task; a thrown ``GraphQLError`` answers the request with no data.
        case asynchronous(@Sendable (GraphQLHTTPRequest) async throws -> Context)
    }

    /// The schema requests run against.
    public let schema: ExecutableSchema<Context>
    private let makeContext: ContextFactory
    private let runsSynchronously: Bool

    /// Serves `schema`; `context` builds each request's context (synchronously: it runs on the
    /// event loop for synchronous schemas).
    public init(schema: ExecutableSchema<Context>, context: @escaping @Sendable (GraphQLHTTPRequest) -> Context) {
        self.schema = schema
        self.makeContext = .synchronous(context)
        self.runsSynchronously = !schema.hasAsynchronousResolvers
    }

    /// Serves `schema` with a context that may need to wait (e.g. verifying a token against a key
    /// set that may have to be fetched). If `asynchronousContext` throws a ``GraphQLError``, the
    /// request is answered with that error and no data; any other error becomes a ``GraphQLError``
    /// with its description. Every request then runs in a task.
    public init(schema: ExecutableSchema<Context>,
                asynchronousContext: @escaping @Sendable (GraphQLHTTPRequest) async throws -> Context) {
        self.schema = schema
        self.makeContext = .asynchronous(asynchronousContext)
        self.runsSynchronously = false
    }

    public func prepare(query: String) -> Prepared {
        let document = schema.prepare(query)
        var operations: [(name: String?, type: OperationType)] = []
        for definition in document.document.definitions {
            if case .operation(let operation) = definition {
                operations.append((operation.name?.value, operation.operation))
            }
        }
        return Prepared(document: document, operations: operations)
    }

    public func execute(_ request: GraphQLHTTPRequest, prepared: Prepared) -> GraphQLHTTPExecution {
        if !prepared.document.errors.isEmpty {
            return .ready(.response(GraphQLResponse(data: nil, errors: prepared.document.errors)))
        }
        switch prepared.operationType(named: request.operationName) {
        case .mutation? where request.isSafeMethod:
            return .ready(.mutationNotAllowedOverGET)
        case .subscription?:
            return .ready(.requestError("Subscriptions are not served over this endpoint; use a streaming transport."))
        default:
            break
        }
        let context: Context
        switch makeContext {
        case .synchronous(let make):
            context = make(request)
        case .asynchronous(let make):
            return executeWithAsynchronousContext(request, prepared: prepared, make: make)
        }
        if runsSynchronously {
            do {
                return .ready(.response(try schema.executeSynchronously(
                    prepared: prepared.document, operationName: request.operationName,
                    variables: request.variables, context: context)))
            } catch {
                // Unreachable without asynchronous resolvers; reported rather than re-run.
                return .ready(.response(GraphQLResponse(data: nil, errors: [error])))
            }
        }
        let schema = self.schema
        return .async {
            .response(await schema.execute(prepared: prepared.document, operationName: request.operationName,
                                           variables: request.variables, context: context))
        }
    }
}

extension ExecutableSchemaHTTPExecutor {
    private func executeWithAsynchronousContext(
        _ request: GraphQLHTTPRequest, prepared: Prepared,
        make: @escaping @Sendable (GraphQLHTTPRequest) async throws -> Context
    ) -> GraphQLHTTPExecution {
        let schema = self.schema
        return .async {
            let context: Context
            do {
                context = try await make(request)
            } catch let error as GraphQLError {
                return .response(GraphQLResponse(data: nil, errors: [error]))
            } catch {
                return .response(GraphQLResponse(data: nil, errors: [GraphQLError(message: "\(error)")]))
            }
            return .response(await schema.execute(prepared: prepared.document, operationName: request.operationName,
                                                  variables: request.variables, context: context))
        }
    }
}

extension ExecutableSchemaHTTPExecutor where Context == Void {
    /// Serves a schema whose resolvers take no context.
    public init(schema: ExecutableSchema<Void>) {
        self.init(schema: schema) { _ in () }
    }
}
