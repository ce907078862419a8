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

    /// - Parameter shortTimeouts: subgraphs whose requests time out after 300 ms (the others get a
    ///   minute, so a loaded machine never fails a test by accident).
    static func withHarness<T: Sendable>(shortTimeouts: Set<String> = [], _ body: (GatewayHarness) async throws -> T) async throws -> T {
        let subgraphs = try FixtureSubgraphs.make()
        try await subgraphs.start()
        var logger = Logger(label: "gateway-test")
        logger.logLevel = .error
        let client = HTTPClient.forGatewayTests(logger: logger)
        do {
            let supergraph = try Supergraph(sdl: subgraphs.supergraphSDL())
            let engine = try GatewayEngine(supergraph: supergraph, transport: SplitTimeoutTransport(
                short: HTTPSubgraphTransport(client: client, requestTimeout: .milliseconds(300)),
                long: HTTPSubgraphTransport(client: client, requestTimeout: .seconds(60)), shortNames: shortTimeouts))
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

/// Sends to the subgraphs in `shortNames` with a short timeout, to the others with a long one.
struct SplitTimeoutTransport: SubgraphTransport {
    let short: HTTPSubgraphTransport
    let long: HTTPSubgraphTransport
    let shortNames: Set<String>

    func send(_ body: [UInt8], to subgraph: SubgraphEndpoint, headers: [(name: String, value: String)]) async throws -> [UInt8] {
        try await (shortNames.contains(subgraph.name) ? short : long).send(body, to: subgraph, headers: headers)
    }
}
