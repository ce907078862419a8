import Foundation
import GatewayCore
import GraphQLKit
import HTTPKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import Testing
import TokenAuth

/// The gateway verifying bearer tokens before planning, over real sockets: fixture subgraphs, a
/// JWKS served by a test HTTP server, the gateway's HTTP server with a ``GatewayTokenCheck``.
@Suite(.serialized) struct GatewayTokenCheckTests {
    /// A test HTTP server serving a key set at `/.well-known/jwks.json`, counting fetches.
    final class KeySetServer: Sendable {
        let server: HTTPServer
        private let state: NIOLockedValueBox<(keys: JSONWebKeySet, fetches: Int)>

        init(keys: JSONWebKeySet, logger: Logger) {
            let state = NIOLockedValueBox((keys: keys, fetches: 0))
            self.state = state
            var router = HTTPRouter()
            router.add(.GET, "/.well-known/jwks.json") { _, _ in
                .task {
                    let keys = state.withLockedValue { state -> JSONWebKeySet in
                        state.fetches += 1
                        return state.keys
                    }
                    return HTTPResponse(status: .ok, contentType: "application/json", body: ByteBuffer(bytes: Array(keys.encoded())))
                }
            }
            server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: router, logger: logger)
        }

        var url: String { "http://127.0.0.1:\(server.port ?? 0)/.well-known/jwks.json" }
        var fetches: Int { state.withLockedValue { $0.fetches } }
        func replace(keys: JSONWebKeySet) { state.withLockedValue { $0.keys = keys } }
    }

    struct Running: Sendable {
        let subgraphs: FixtureSubgraphs
        let keyServer: KeySetServer
        let server: HTTPServer
        let client: HTTPClient

        var subgraphCalls: Int { subgraphs.all.reduce(0) { $0 + $1.requests.count } }

        func post(_ query: String, authorization: String?) async throws -> (HTTPResponseStatus, JSONValue) {
            var headers = HTTPHeaders()
            headers.add(name: "content-type", value: "application/json")
            headers.add(name: "accept", value: "application/graphql-response+json")
            if let authorization { headers.add(name: "authorization", value: authorization) }
            let body: JSONValue = ["query": .string(query)]
            let response = try await client.send(HTTPClientRequest(method: .POST, path: "/graphql", headers: headers, body: ByteBuffer(string: body.serialized())),
                                                 to: HTTPUpstream(host: "127.0.0.1", port: server.port ?? 0))
            return (response.status, try JSONValue.parse(utf8: Array(response.body.readableBytesView)))
        }
    }

    static let signingKey = Ed25519SigningKey.generate()
    static let otherKey = Ed25519SigningKey.generate()

    static func keySet(_ entries: [(String, Ed25519SigningKey)]) -> JSONWebKeySet {
        JSONWebKeySet(keys: entries.map { JSONWebKeySet.Key(kid: $0.0, publicKey: Ed25519PublicKey(bytes: $0.1.publicKey)!) })
    }

    static func token(key: Ed25519SigningKey = signingKey, keyID: String = "k1", issuer: String = "identity",
                      expiresIn seconds: Int64 = 600) -> String {
        let now = Int64(Date().timeIntervalSince1970)
        let claims = TokenClaims(iss: issuer, sub: UUID().uuidString.lowercased(), role: "STUDENT", sid: UUID().uuidString,
                                 iat: now, exp: now + seconds)
        return JSONWebToken.sign(claims, key: key, keyID: keyID)
    }

    static func withGateway(refreshInterval: Duration = .seconds(3600), _ body: (Running) async throws -> Void) async throws {
        let subgraphs = try FixtureSubgraphs.make()
        try await subgraphs.start()
        let path = NSTemporaryDirectory() + "supergraph-\(UInt64.random(in: 0...UInt64.max)).graphql"
        try subgraphs.supergraphSDL().write(toFile: path, atomically: true, encoding: .utf8)
        var logger = Logger(label: "gateway-token-test")
        logger.logLevel = .critical
        let keyServer = KeySetServer(keys: keySet([("k1", signingKey)]), logger: logger)
        try await keyServer.server.start()
        let client = HTTPClient.forGatewayTests(logger: logger)
        let runtime = GatewayRuntime(source: SupergraphFileSource(path: path), transport: HTTPSubgraphTransport(client: client, requestTimeout: .seconds(60)), logger: logger)
        let tokenCheck = try #require(GatewayTokenCheck(jwksURL: keyServer.url, issuer: "identity", httpClient: client,
                                                        refreshInterval: refreshInterval, logger: logger))
        let readiness = HTTPReadiness()
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0),
                                responder: GatewayRouter.make(runtime: runtime, readiness: readiness, tokenCheck: tokenCheck),
                                logger: logger, readiness: readiness)
        func cleanUp() async {
            await server.shutdown()
            await keyServer.server.shutdown()
            await client.shutdown()
            await subgraphs.stop()
            try? FileManager.default.removeItem(atPath: path)
        }
        do {
            #expect(await runtime.reload())
            try await server.start()
            try await body(Running(subgraphs: subgraphs, keyServer: keyServer, server: server, client: client))
            await cleanUp()
        } catch {
            await cleanUp()
            throw error
        }
    }

    @Test func aValidTokenIsForwardedUnchanged() async throws {
        try await Self.withGateway { gateway in
            let authorization = "Bearer " + Self.token()
            let (status, answer) = try await gateway.post("{ me { name } }", authorization: authorization)
            #expect(status == .ok)
            #expect(answer == ["data": ["me": ["name": "Ada Lovelace"]]])
            #expect(gateway.subgraphs.accounts.requests.map { $0.headers["authorization"] } == [authorization])
            #expect(gateway.keyServer.fetches == 1)
        }
    }

    @Test func aRequestWithoutATokenPassesThrough() async throws {
        try await Self.withGateway { gateway in
            let (status, answer) = try await gateway.post("{ me { name } }", authorization: nil)
            #expect(status == .ok)
            #expect(answer == ["data": ["me": ["name": "Ada Lovelace"]]])
            #expect(gateway.subgraphs.accounts.requests.count == 1)
            #expect(gateway.subgraphs.accounts.requests.first?.headers["authorization"] == nil)
        }
    }

    @Test func badTokensAreRefusedWithoutCallingASubgraph() async throws {
        try await Self.withGateway { gateway in
            // One good request first: the key set is fetched and cached.
            let (okStatus, _) = try await gateway.post("{ me { name } }", authorization: "Bearer " + Self.token())
            #expect(okStatus == .ok)
            gateway.subgraphs.all.forEach { $0.resetRequests() }
            let valid = Self.token()
            let parts = valid.split(separator: ".").map(String.init)
            let forgedClaims = TokenClaims(iss: "identity", sub: UUID().uuidString.lowercased(), role: "ADMIN", sid: "s", iat: 0, exp: Int64(Date().timeIntervalSince1970) + 600)
            let tampered = parts[0] + "." + Base64URL.encode(try JSONEncoder().encode(forgedClaims)) + "." + parts[2]
            let cases: [(String, String)] = [
                ("Bearer " + tampered, "invalid token signature"),
                ("Bearer " + Self.token(expiresIn: -10), "token expired"),
                ("Bearer " + Self.token(key: Self.otherKey, keyID: "k9"), "token signed by an unknown key"),
                ("Bearer " + Self.token(key: Self.otherKey), "invalid token signature"),
                ("Bearer " + Self.token(issuer: "elsewhere"), "token from another issuer"),
                ("Bearer not-a-token", "malformed token"),
                ("Basic YWRhOnNlY3JldA==", "Authorization must be 'Bearer <token>'"),
            ]
            for (authorization, message) in cases {
                let (status, answer) = try await gateway.post("{ me { name } }", authorization: authorization)
                #expect(status == .badRequest, "\(message)")
                #expect(answer["data"] == nil)
                #expect(answer["errors"]?[0]?["message"]?.stringValue == message)
                #expect(answer["errors"]?[0]?["extensions"]?["code"] == "UNAUTHENTICATED", "\(message)")
            }
            #expect(gateway.subgraphCalls == 0)
            // The unknown kid is refetched at most once per refresh interval (an hour here): no refetch.
            #expect(gateway.keyServer.fetches == 1)
        }
    }

    @Test func concurrentFirstRequestsShareOneKeySetFetch() async throws {
        try await Self.withGateway { gateway in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await gateway.post("{ me { name } }", authorization: "Bearer " + Self.token()).0 }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .ok, count: 8))
            #expect(gateway.keyServer.fetches == 1)
        }
    }

    @Test func anUnknownKeyIDRefetchesTheKeySet() async throws {
        try await Self.withGateway(refreshInterval: .zero) { gateway in
            let (firstStatus, _) = try await gateway.post("{ me { name } }", authorization: "Bearer " + Self.token())
            #expect(firstStatus == .ok)
            #expect(gateway.keyServer.fetches == 1)
            // Identity rotates keys: a token signed with the new key is accepted after one refetch.
            gateway.keyServer.replace(keys: Self.keySet([("k1", Self.signingKey), ("k2", Self.otherKey)]))
            let authorization = "Bearer " + Self.token(key: Self.otherKey, keyID: "k2")
            let (status, answer) = try await gateway.post("{ me { name } }", authorization: authorization)
            #expect(status == .ok)
            #expect(answer == ["data": ["me": ["name": "Ada Lovelace"]]])
            #expect(gateway.keyServer.fetches == 2)
            #expect(gateway.subgraphs.accounts.requests.last?.headers["authorization"] == authorization)
        }
    }
}
