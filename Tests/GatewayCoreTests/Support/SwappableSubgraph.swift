import GraphQLHTTP
import GraphQLKit
import HTTPKit
import Logging
import NIOConcurrencyHelpers

/// A federation subgraph (built with `ExecutableSchema.subgraph`, served with GraphQLHTTP) whose
/// schema a test can replace while it runs — to change what `_service { sdl }` reports.
final class SwappableSubgraph: Sendable {
    struct Executor: GraphQLHTTPExecutor {
        let current: NIOLockedValueBox<ExecutableSchema<Void>>

        func prepare(query: String) -> String { query }

        func execute(_ request: GraphQLHTTPRequest, prepared: String) -> GraphQLHTTPExecution {
            let schema = current.withLockedValue { $0 }
            return .async {
                .response(await schema.execute(GraphQLRequest(query: prepared, operationName: request.operationName, variables: request.variables), context: ()))
            }
        }
    }

    let name: String
    private let current: NIOLockedValueBox<ExecutableSchema<Void>>
    let server: HTTPServer

    init(name: String, schema: ExecutableSchema<Void>) {
        self.name = name
        current = NIOLockedValueBox(schema)
        var router = HTTPRouter()
        // The request cache is off: the same query text must reach the newest schema.
        router.addGraphQL(path: "/graphql", executor: Executor(current: current), configuration: GraphQLHTTPConfiguration(requestCacheSize: 1))
        var logger = Logger(label: "subgraph-\(name)")
        logger.logLevel = .critical
        server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: router, logger: logger)
    }

    func replace(with schema: ExecutableSchema<Void>) {
        current.withLockedValue { $0 = schema }
    }

    var url: String { "http://127.0.0.1:\(server.port ?? 0)/graphql" }
}
