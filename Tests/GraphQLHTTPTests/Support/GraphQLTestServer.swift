import Foundation
import GraphQLHTTP
import GraphQLKit
import HTTPKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// The schema the endpoint tests serve: synchronous fields, a field that fails, a mutation
/// that counts its executions (to prove a refused GET did not run it), and a validator that
/// rejects any document selecting `forbidden` (standing in for the validation rules).
enum TestSchema {
    static let sdl = """
        type Query { hello(name: String): String!, fail: String, number(value: Int!): Int!, forbidden: String, slow: String! }
        type Mutation { bump: Int! }
        """

    /// The schema; `async` adds an asynchronous resolver (`slow`), so requests run in a task.
    static func make(counter: NIOLockedValueBox<Int>, async: Bool = false) throws -> ExecutableSchema<Void> {
        let validator = DocumentValidator { _, document in
            let text = document.source?.body ?? ""
            return text.contains("forbidden") ? [GraphQLError(message: "Cannot query field \"forbidden\": it is forbidden.")] : []
        }
        return try ExecutableSchema(sdl: sdl, resolvers: resolvers(counter: counter, async: async), options: ExecutionOptions(validator: validator))
    }

    /// The resolvers of ``sdl``.
    static func resolvers(counter: NIOLockedValueBox<Int>, async: Bool) -> Resolvers<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("hello") { arguments, _ in "Hello, \(arguments.optionalString("name") ?? "world")!" }
            query.field("fail") { (_: FieldArguments, _: Void) throws -> String? in throw GraphQLError(message: "fail always fails") }
            query.field("number") { arguments, _ in arguments.int("value") ?? 0 }
            if async {
                query.field("slow") { (_: FieldArguments, _: Void) async throws -> String in
                    try await Task.sleep(for: .milliseconds(1))
                    return "slow"
                }
            }
        }
        resolvers.mutation { mutation in
            mutation.field("bump") { _, _ in counter.withLockedValue { $0 += 1; return $0 } }
        }
        return resolvers
    }
}

/// A running GraphQL endpoint on 127.0.0.1 (`/graphql`, plus `/graphql-post-only` with GET off).
struct GraphQLTestServer: Sendable {
    let port: Int
    let mutations: NIOLockedValueBox<Int>

    var url: String { "http://127.0.0.1:\(port)/graphql" }

    func upstream(_ wireProtocol: HTTPClientProtocol) -> HTTPUpstream {
        HTTPUpstream(host: "127.0.0.1", port: port, protocol: wireProtocol)
    }
}

/// Starts a server with the test schema, runs `body`, shuts the server down.
func withGraphQLServer<T>(async: Bool = false, _ body: (GraphQLTestServer) async throws -> T) async throws -> T {
    let counter = NIOLockedValueBox(0)
    let executable = try TestSchema.make(counter: counter, async: async)
    var router = HTTPRouter()
    router.addGraphQL(path: "/graphql", executor: ExecutableSchemaHTTPExecutor(schema: executable))
    // The same schema with ExecutableSchema's default options: the specified validation rules.
    let validated = try ExecutableSchema(sdl: TestSchema.sdl, resolvers: TestSchema.resolvers(counter: counter, async: async))
    router.addGraphQL(path: "/graphql-validated", executor: ExecutableSchemaHTTPExecutor(schema: validated))
    router.addGraphQL(path: "/graphql-post-only", executor: ExecutableSchemaHTTPExecutor(schema: executable),
                      configuration: GraphQLHTTPConfiguration(allowsGET: false))
    var logger = Logger(label: "graphql-http-test")
    logger.logLevel = .error
    let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: router, logger: logger)
    try await server.start()
    let running = GraphQLTestServer(port: server.port!, mutations: counter)
    do {
        let result = try await body(running)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// Runs `body` with an HTTPKit client, shutting it down afterwards.
func withClient<T>(_ body: (HTTPClient) async throws -> T) async throws -> T {
    var configuration = HTTPClientConfiguration()
    configuration.requestTimeout = .seconds(20)
    var logger = Logger(label: "graphql-http-test-client")
    logger.logLevel = .error
    let client = HTTPClient(configuration: configuration, logger: logger)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// One exchange with the endpoint, decoded for assertions.
struct GraphQLExchange {
    let status: HTTPResponseStatus
    let headers: HTTPHeaders
    let text: String

    var contentType: String? { headers.first(name: "content-type") }
    /// The body as JSON (nil when it is not JSON).
    var json: JSONValue? { try? JSONValue.parse(text) }
    /// The first error's message, if any.
    var firstError: String? { json?["errors"]?[0]?["message"]?.stringValue }
    var hasData: Bool { json?.objectValue?["data"] != nil }
}

extension HTTPClient {
    /// Sends a GraphQL request to `path` (default `/graphql`) and decodes the answer.
    func exchange(_ upstream: HTTPUpstream, method: HTTPMethod = .POST, path: String = "/graphql",
                  accept: String? = nil, contentType: String? = "application/json", body: String? = nil) async throws -> GraphQLExchange {
        var headers = HTTPHeaders()
        if let accept { headers.add(name: "accept", value: accept) }
        if body != nil, let contentType { headers.add(name: "content-type", value: contentType) }
        let response = try await send(HTTPClientRequest(method: method, path: path, headers: headers,
                                                        body: body.map { ByteBuffer(string: $0) }), to: upstream)
        return GraphQLExchange(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }
}

/// `value` percent-encoded for a URL query component.
func urlEncoded(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed)!
}

let graphQLResponseJSON = "application/graphql-response+json"
