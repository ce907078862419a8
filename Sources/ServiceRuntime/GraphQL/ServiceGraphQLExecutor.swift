import GraphQLHTTP
import GraphQLKit

/// Serves a service's subgraph through `GraphQLHTTP` (spec status codes, Accept negotiation, the
/// request cache) with a per-request context built asynchronously — the caller's token is
/// verified against Identity's JWKS, which may need a fetch. An ``AuthError`` from `makeContext`
/// becomes a GraphQL error with `extensions.code` (`UNAUTHENTICATED`), with no data.
///
/// ```swift
/// router.addGraphQL(path: "/graphql", executor: ServiceGraphQLExecutor(schema: schema) { request in
///     try await LearningContext.make(request, verifier: verifier)
/// })
/// ```
public struct ServiceGraphQLExecutor<Context: Sendable>: GraphQLHTTPExecutor {
    /// Builds one request's context.
    public typealias MakeContext = @Sendable (GraphQLHTTPRequest) async throws -> Context

    /// A prepared document and the kind of each of its operations.
    public struct Prepared: Sendable {
        let document: PreparedDocument
        let operations: [(name: String?, type: OperationType)]

        func operationType(named name: String?) -> OperationType? {
            if let name { return operations.first { $0.name == name }?.type }
            return operations.count == 1 ? operations[0].type : nil
        }
    }

    public let schema: ExecutableSchema<Context>
    private let makeContext: MakeContext

    public init(schema: ExecutableSchema<Context>, makeContext: @escaping MakeContext) {
        self.schema = schema
        self.makeContext = makeContext
    }

    public func prepare(query: String) -> Prepared {
        let document = schema.prepare(query)
        var operations: [(name: String?, type: OperationType)] = []
        for definition in document.document.definitions {
            if case .operation(let operation) = definition { operations.append((operation.name?.value, operation.operation)) }
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
            return .ready(.requestError("Subscriptions are not served over this endpoint."))
        default:
            break
        }
        let schema = self.schema, makeContext = self.makeContext
        return .async {
            let context: Context
            do {
                context = try await makeContext(request)
            } catch let error as AuthError {
                return .response(GraphQLResponse(data: nil, errors: [error.graphQLError]))
            } catch let error as GraphQLError {
                return .response(GraphQLResponse(data: nil, errors: [error]))
            } catch {
                return .response(GraphQLResponse(data: nil, errors: [ServiceError(code: "INTERNAL_SERVER_ERROR", message: "\(error)").graphQLError]))
            }
            return .response(await schema.execute(prepared: prepared.document, operationName: request.operationName,
                                                  variables: request.variables, context: context))
        }
    }
}
