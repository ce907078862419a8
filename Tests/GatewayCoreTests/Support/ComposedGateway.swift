import GatewayCore
import GraphQLKit
import HTTPKit
import Logging

/// Federation subgraphs (`ExecutableSchema.subgraph`, served over GraphQLHTTP on 127.0.0.1)
/// behind a gateway runtime in polling mode: their `_service { sdl }` is fetched and composed
/// with SupergraphComposition, exactly as the gateway executable does with `GATEWAY_SUBGRAPHS`.
struct ComposedGateway: Sendable {
    let subgraphs: [SwappableSubgraph]
    let runtime: GatewayRuntime

    /// Starts the subgraphs and the runtime, loads the composed supergraph, runs `body`, stops
    /// everything. Throws when the first load fails.
    static func with<T: Sendable>(_ schemas: [(name: String, schema: ExecutableSchema<Void>)],
                                  overrideLabels: OverrideLabelPolicy = OverrideLabelPolicy(),
                                  _ body: (ComposedGateway) async throws -> T) async throws -> T {
        let subgraphs = schemas.map { SwappableSubgraph(name: $0.name, schema: $0.schema) }
        var logger = Logger(label: "composed-gateway-test")
        logger.logLevel = .critical
        let client = HTTPClient.forGatewayTests(logger: logger)
        func stop() async {
            for subgraph in subgraphs { await subgraph.server.shutdown() }
            await client.shutdown()
        }
        do {
            for subgraph in subgraphs { try await subgraph.server.start() }
            let transport = HTTPSubgraphTransport(client: client, requestTimeout: .seconds(60))
            let source = SubgraphPollingSource(subgraphs: subgraphs.map { SubgraphConfiguration(name: $0.name, url: $0.url) }, transport: transport)
            let runtime = GatewayRuntime(source: source, transport: transport, overrideLabels: overrideLabels, logger: logger)
            guard await runtime.reload() else {
                throw GraphQLError(message: "the supergraph did not load: \(runtime.status.lastError ?? "")")
            }
            let result = try await body(ComposedGateway(subgraphs: subgraphs, runtime: runtime))
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }

    /// Runs `query` through the gateway and returns the whole response as JSON.
    func run(_ query: String, headers: [(name: String, value: String)] = []) async throws -> JSONValue {
        try JSONValue.parse(utf8: await runtime.execute(GatewayRequest(query: query, headers: headers)).serialized())
    }

    /// Runs `query` and returns the response plus the plan the gateway used, as printed.
    func runWithPlan(_ query: String) async throws -> (response: JSONValue, plan: String) {
        let response = try await run(query, headers: [(name: GatewayEngine.queryPlanHeader, value: "true")])
        return (response, response["extensions"]?["queryPlan"]?.stringValue ?? "")
    }

    /// The supergraph the gateway composed and serves.
    var supergraphSDL: String { runtime.engine?.supergraph.sdl ?? "" }
}
