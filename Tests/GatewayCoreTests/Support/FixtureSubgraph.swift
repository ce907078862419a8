import GraphQLKit
import HTTPKit
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// A request a fixture subgraph received: the GraphQL body and the headers.
struct ReceivedRequest: Sendable {
    var query: String
    var variables: JSONObject
    var headers: [String: String]

    var representations: [JSONValue] { variables["representations"]?.arrayValue ?? [] }
}

/// A GraphQLKit server with static data standing in for one subgraph: answers POST /graphql
/// over HTTP/1.1 and HTTP/2 on 127.0.0.1, resolves `_entities` with one batched call per type,
/// and records every request it gets.
final class FixtureSubgraph: Sendable {
    typealias EntityResolver = @Sendable ([JSONObject]) -> [JSONValue]

    let name: String
    let schema: ExecutableSchema<Void>
    let server: HTTPServer
    private let received = NIOLockedValueBox<[ReceivedRequest]>([])
    /// While set, requests are held (not answered) until ``release()``.
    private let holding = NIOLockedValueBox<(enabled: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    /// - Parameters:
    ///   - sdl: the executable SDL (with `_entities` and `_Any` when the subgraph has entities).
    ///   - entities: one batched resolver per entity type: representations in, objects out.
    init(name: String, sdl: String, resolvers: Resolvers<Void> = Resolvers(), entities: [String: EntityResolver] = [:]) throws {
        self.name = name
        var resolvers = resolvers
        if !entities.isEmpty {
            resolvers.query { root in
                root.field("_entities") { (arguments: FieldArguments, _: Void) -> JSONValue in
                    let representations = arguments["representations"]?.arrayValue ?? []
                    var results = [JSONValue](repeating: .null, count: representations.count)
                    var byType: [String: [(Int, JSONObject)]] = [:]
                    var order: [String] = []
                    for (index, representation) in representations.enumerated() {
                        guard let object = representation.objectValue, let type = object["__typename"]?.stringValue else { continue }
                        if byType[type] == nil { order.append(type) }
                        byType[type, default: []].append((index, object))
                    }
                    for type in order {
                        guard let resolve = entities[type], let batch = byType[type] else { continue }
                        let answers = resolve(batch.map(\.1))
                        for (position, (index, _)) in batch.enumerated() where position < answers.count {
                            results[index] = answers[position]
                        }
                    }
                    return .array(results)
                }
            }
        }
        let schema = try ExecutableSchema<Void>(sdl: sdl, resolvers: resolvers)
        self.schema = schema
        var router = HTTPRouter()
        let received = self.received
        let holding = self.holding
        router.add(.POST, "/graphql") { request, _ in
            .task {
                let body = (try? JSONValue.parse(utf8: Array(request.body.readableBytesView))) ?? .null
                let query = body["query"]?.stringValue ?? ""
                let variables = body["variables"]?.objectValue ?? JSONObject()
                var headers: [String: String] = [:]
                for header in request.headers { headers[header.name.lowercased()] = header.value }
                received.withLockedValue { $0.append(ReceivedRequest(query: query, variables: variables, headers: headers)) }
                await withCheckedContinuation { continuation in
                    let held = holding.withLockedValue { state -> Bool in
                        if state.enabled { state.waiting.append(continuation) }
                        return state.enabled
                    }
                    if !held { continuation.resume() }
                }
                let response = await schema.execute(GraphQLRequest(query: query, operationName: body["operationName"]?.stringValue, variables: variables), context: ())
                return HTTPResponse(status: .ok, contentType: "application/json", body: ByteBuffer(bytes: response.serialized()))
            }
        }
        var logger = Logger(label: "fixture-\(name)")
        logger.logLevel = .error
        server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: router, logger: logger)
    }

    func start() async throws {
        try await server.start()
    }

    var url: String { "http://127.0.0.1:\(server.port ?? 0)/graphql" }

    var requests: [ReceivedRequest] { received.withLockedValue { $0 } }

    func resetRequests() { received.withLockedValue { $0.removeAll() } }

    /// Holds every request from now on (a hung subgraph), until ``release()``.
    func hold() { holding.withLockedValue { $0.enabled = true } }

    /// Answers the held requests and stops holding.
    func release() {
        let waiting = holding.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            defer { state = (false, []) }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    func stop() async {
        release()
        await server.shutdown()
    }
}
