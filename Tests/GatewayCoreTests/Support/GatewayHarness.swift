import GatewayCore
import GraphQLKit
import HTTPKit
import Logging
import NIOCore

/// Running fixture subgraphs plus a gateway engine talking to them over HTTP/2.
struct GatewayHarness: Sendable {
    let subgraphs: FixtureSubgraphs
    let client: HTTPClient
    let engine: GatewayEngine

    static func withHarness<T: Sendable>(subgraphTimeout: TimeAmount = .seconds(10), _ body: (GatewayHarness) async throws -> T) async throws -> T {
        let subgraphs = try FixtureSubgraphs.make()
        try await subgraphs.start()
        var logger = Logger(label: "gateway-test")
        logger.logLevel = .error
        var configuration = HTTPClientConfiguration()
        configuration.maxRetries = 0
        configuration.requestTimeout = .seconds(10)
        let client = HTTPClient(configuration: configuration, logger: logger)
        do {
            let supergraph = try Supergraph(sdl: subgraphs.supergraphSDL())
            let engine = try GatewayEngine(supergraph: supergraph, transport: HTTPSubgraphTransport(client: client, requestTimeout: subgraphTimeout))
            let result = try await body(GatewayHarness(subgraphs: subgraphs, client: client, engine: engine))
            await client.shutdown()
            await subgraphs.stop()
            return result
        } catch {
            await client.shutdown()
            await subgraphs.stop()
            throw error
        }
    }

    /// Runs `query` and returns the whole response as JSON plus statistics.
    func run(_ query: String, variables: JSONObject = JSONObject(), headers: [(name: String, value: String)] = []) async throws -> (JSONValue, ExecutionStatistics) {
        let (response, statistics) = await engine.execute(GatewayRequest(query: query, variables: variables, headers: headers))
        return (try JSONValue.parse(utf8: response.serialized()), statistics)
    }
}
