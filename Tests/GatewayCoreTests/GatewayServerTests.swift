import Foundation
import GatewayCore
import GraphQLKit
import HTTPKit
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// The gateway as it runs: HTTP server, GraphQL over HTTP on /graphql (HTTP/1.1 and h2c),
/// health, and hot reload from a supergraph file, in front of fixture subgraphs.
@Suite(.serialized) struct GatewayServerTests {
    struct Running: Sendable {
        let subgraphs: FixtureSubgraphs
        let runtime: GatewayRuntime
        let server: HTTPServer
        let client: HTTPClient
        let supergraphPath: String

        func post(_ query: String, over wireProtocol: HTTPClientProtocol = .http2, variables: JSONValue = .null) async throws -> (HTTPResponseStatus, JSONValue) {
            var headers = HTTPHeaders()
            headers.add(name: "content-type", value: "application/json")
            headers.add(name: "accept", value: "application/graphql-response+json")
            let body: JSONValue = ["query": .string(query), "variables": variables]
            let response = try await client.send(HTTPClientRequest(method: .POST, path: "/graphql", headers: headers, body: ByteBuffer(string: body.serialized())),
                                                 to: HTTPUpstream(host: "127.0.0.1", port: server.port ?? 0, protocol: wireProtocol))
            return (response.status, try JSONValue.parse(utf8: Array(response.body.readableBytesView)))
        }

        func get(_ path: String) async throws -> (HTTPResponseStatus, JSONValue) {
            let response = try await client.send(HTTPClientRequest(path: path), to: HTTPUpstream(host: "127.0.0.1", port: server.port ?? 0, protocol: .http1_1))
            return (response.status, (try? JSONValue.parse(utf8: Array(response.body.readableBytesView))) ?? .null)
        }
    }

    static func withGateway(_ body: (Running) async throws -> Void) async throws {
        let subgraphs = try FixtureSubgraphs.make()
        try await subgraphs.start()
        let path = NSTemporaryDirectory() + "supergraph-\(UInt64.random(in: 0...UInt64.max)).graphql"
        try subgraphs.supergraphSDL().write(toFile: path, atomically: true, encoding: .utf8)
        var logger = Logger(label: "gateway-server-test")
        logger.logLevel = .critical
        // As the gateway executable runs: requests on their connection's loop, a subgraph pool per loop.
        let client = HTTPClient.forGatewayTests(logger: logger, poolPerEventLoop: true)
        let runtime = GatewayRuntime(source: SupergraphFileSource(path: path), transport: HTTPSubgraphTransport(client: client, requestTimeout: .seconds(60)), logger: logger)
        let readiness = HTTPReadiness()
        var serverConfiguration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        serverConfiguration.runsTasksOnEventLoop = true
        let server = HTTPServer(configuration: serverConfiguration,
                                responder: GatewayRouter.make(runtime: runtime, readiness: readiness), logger: logger, readiness: readiness)
        func cleanUp() async {
            await server.shutdown()
            await client.shutdown()
            await subgraphs.stop()
            try? FileManager.default.removeItem(atPath: path)
        }
        do {
            #expect(await runtime.reload())
            try await server.start()
            try await body(Running(subgraphs: subgraphs, runtime: runtime, server: server, client: client, supergraphPath: path))
            await cleanUp()
        } catch {
            await cleanUp()
            throw error
        }
    }

    static let testQuery = """
        fragment User on User { id username name }
        fragment Review on Review { id body }
        fragment Product on Product { inStock name price shippingEstimate upc weight }
        query TestQuery {
          users { ...User reviews { ...Review product { ...Product } } }
          topProducts { ...Product reviews { ...Review author { ...User } } }
        }
        """

    @Test func answersOverHTTP1AndHTTP2Alike() async throws {
        try await Self.withGateway { gateway in
            let (h2Status, h2) = try await gateway.post(Self.testQuery, over: .http2)
            let (h1Status, h1) = try await gateway.post(Self.testQuery, over: .http1_1)
            #expect(h2Status == .ok && h1Status == .ok)
            #expect(h1 == h2)
            #expect(h2["data"]?["users"]?[0]?["reviews"]?[0]?["product"]?["shippingEstimate"] == 50)
            #expect(h2["data"]?["topProducts"]?[0]?["reviews"]?[1]?["author"]?["name"] == "Alan Turing")
            // Product 2's stock fails in the fixture: one error, re-pathed, data kept.
            #expect(h2["errors"]?.arrayValue?.count == 2)
            let (getStatus, viaGet) = try await gateway.get("/graphql?query=%7B%20me%20%7B%20name%20%7D%20%7D")
            #expect(getStatus == .ok)
            #expect(viaGet == ["data": ["me": ["name": "Ada Lovelace"]]])
        }
    }

    @Test func malformedRequestsGetClearErrorsAndTheGatewayKeepsServing() async throws {
        try await Self.withGateway { gateway in
            let (syntaxStatus, syntax) = try await gateway.post("{ me { ")
            #expect(syntaxStatus == .badRequest)
            #expect(syntax["errors"]?[0]?["message"]?.stringValue?.hasPrefix("Syntax Error") == true)
            let (unknownStatus, unknown) = try await gateway.post("{ nope }")
            #expect(unknownStatus == .badRequest)
            #expect(unknown["errors"]?[0]?["message"] == "Cannot query field \"nope\" on type \"Query\".")
            let (cycleStatus, cycle) = try await gateway.post("{ me { ...A } } fragment A on User { id ...A }")
            #expect(cycleStatus == .badRequest)
            #expect(cycle["errors"]?[0]?["message"] == "Cannot spread fragment \"A\" within itself.")
            let (okStatus, ok) = try await gateway.post("{ me { id } }")
            #expect(okStatus == .ok)
            #expect(ok == ["data": ["me": ["id": "1"]]])
        }
    }

    @Test func aSubgraphKilledMidTestGivesPartialResults() async throws {
        try await Self.withGateway { gateway in
            let (_, before) = try await gateway.post("{ me { name reviews { body } } }")
            #expect(before["data"]?["me"]?["reviews"]?.arrayValue?.count == 2)
            await gateway.subgraphs.reviews.stop()
            let (status, after) = try await gateway.post("{ me { name reviews { body } } }")
            #expect(status == .ok)
            #expect(after["data"] == ["me": ["name": "Ada Lovelace", "reviews": nil]])
            #expect(after["errors"]?[0]?["extensions"]?["service"] == "reviews")
            #expect(after["errors"]?[0]?["extensions"]?["code"] == "SUBREQUEST_HTTP_ERROR")
        }
    }

    @Test func aSchemaChangeIsPickedUpWithoutRestart() async throws {
        try await Self.withGateway { gateway in
            let (_, hidden) = try await gateway.post("{ secret }")
            #expect(hidden["errors"]?[0]?["message"] == "Cannot query field \"secret\" on type \"Query\". Did you mean \"search\"?")
            // The new supergraph makes Query.secret accessible.
            let changed = gateway.subgraphs.supergraphSDL().replacingOccurrences(of: "secret: String @join__field(graph: ACCOUNTS) @inaccessible",
                                                                               with: "secret: String @join__field(graph: ACCOUNTS)")
            try changed.write(toFile: gateway.supergraphPath, atomically: true, encoding: .utf8)
            let reloader = Task { try await SupergraphReloader(runtime: gateway.runtime, interval: .milliseconds(20)).run() }
            defer { reloader.cancel() }
            #expect(await eventually { gateway.runtime.status.loads == 2 })
            let (_, visible) = try await gateway.post("{ secret }")
            #expect(visible == ["data": ["secret": "hidden"]])
        }
    }

    @Test func aBrokenSupergraphKeepsTheLastGoodOneServing() async throws {
        try await Self.withGateway { gateway in
            let (_, ready) = try await gateway.get("/health/ready")
            #expect(ready == ["status": "pass", "supergraph": "current"])
            try "type Query { broken".write(toFile: gateway.supergraphPath, atomically: true, encoding: .utf8)
            #expect(await gateway.runtime.reload() == false)
            let (status, stale) = try await gateway.get("/health/ready")
            #expect(status == .ok)
            #expect(stale["status"] == "warn")
            #expect(stale["supergraph"] == "stale")
            #expect(gateway.runtime.status.failures == 1)
            let (_, answer) = try await gateway.post("{ me { name } }")
            #expect(answer == ["data": ["me": ["name": "Ada Lovelace"]]])
            // A supergraph that parses but names no graphs is refused the same way.
            try "type Query { a: Int }".write(toFile: gateway.supergraphPath, atomically: true, encoding: .utf8)
            #expect(await gateway.runtime.reload() == false)
            #expect(gateway.runtime.status.failures == 2)
            let (_, still) = try await gateway.post("{ me { name } }")
            #expect(still == ["data": ["me": ["name": "Ada Lovelace"]]])
            let (_, live) = try await gateway.get("/health/live")
            #expect(live == ["status": "pass"])
        }
    }
}

/// Waits (bounded, yielding) until `condition` holds; false if it never does.
func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
    for _ in 0..<3000 {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
