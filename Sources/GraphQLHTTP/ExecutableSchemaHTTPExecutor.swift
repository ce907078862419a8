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

    /// The schema requests run against.
    public let schema: ExecutableSchema<Context>
    private let makeContext: @Sendable (GraphQLHTTPRequest) -> Context
    private let runsSynchronously: Bool

    /// Serves `schema`; `context` builds each request's context (synchronously: it runs on the
    /// event loop for synchronous schemas).
    public init(schema: ExecutableSchema<Context>, context: @escaping @Sendable (GraphQLHTTPRequest) -> Context) {
        self.schema = schema
        self.makeContext = context
        self.runsSynchronously = !schema.hasAsynchronousResolvers
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
        let context = makeContext(request)
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

extension ExecutableSchemaHTTPExecutor where Context == Void {
    /// Serves a schema whose resolvers take no context.
    public init(schema: ExecutableSchema<Void>) {
        self.init(schema: schema) { _ in () }
    }
}
