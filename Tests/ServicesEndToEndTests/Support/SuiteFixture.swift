import Foundation
import GraphQLKit
import HTTPKit
import Logging
import NIOCore
import NIOHTTP1
import Postgres
import SupergraphComposition
import Testing

/// A real cluster (one database + role per service) with the real Identity and Learning
/// executables on free ports of 127.0.0.1, and superuser pools to compare their databases.
final class SuiteFixture: Sendable {
    static let logger: Logger = {
        var logger = Logger(label: "e2e")
        logger.logLevel = .warning
        return logger
    }()

    let cluster: LocalCluster
    let identity: ServiceProcess
    let learning: ServiceProcess
    let gateway: ServiceProcess
    let identityPort: Int
    let learningPort: Int
    let gatewayPort: Int
    let client: HTTPClient
    /// Superuser pools on each service's database (for checks and fault injection only).
    let identityDB: PostgresPool
    let learningDB: PostgresPool
    let logDirectory: String
    static let adminEmail = "admin@example.com"
    static let adminPassword = "admin-password-1"

    /// Where `swift build` put the executables (beside the test bundle), or `SERVICE_BIN_DIR`.
    static var binaryDirectory: String {
        if let directory = ProcessInfo.processInfo.environment["SERVICE_BIN_DIR"] { return directory }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.path + "/identity-service") { return url.path }
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug"
    }

    private init(cluster: LocalCluster, environment extra: [String: String]) throws {
        self.cluster = cluster
        identityPort = try freePort()
        learningPort = try freePort()
        gatewayPort = try freePort()
        logDirectory = cluster.directory + "/service-logs"
        try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
        var common = ProcessInfo.processInfo.environment
        for (key, value) in [
            "LOG_LEVEL": "warning", "HTTP_HOST": "127.0.0.1",
            "PASSWORD_HASH_OPS": "1", "PASSWORD_HASH_MEMORY_BYTES": "8192",
            "EVENTS_POLL_INTERVAL_MS": "200", "EVENTS_LONG_POLL_WAIT_MS": "2000",
            "EVENTS_BACKOFF_INITIAL_MS": "20", "EVENTS_BACKOFF_MAX_MS": "300", "EVENTS_BATCH_SIZE": "100",
            "IDENTITY_EVENTS_URL": "http://127.0.0.1:\(identityPort)",
            "AUTH_JWKS_URL": "http://127.0.0.1:\(identityPort)/.well-known/jwks.json",
        ] { common[key] = value }
        for (key, value) in extra { common[key] = value }
        var identityEnvironment = common
        identityEnvironment["DATABASE_URL"] = cluster.url(forService: "identity")
        identityEnvironment["PORT"] = "\(identityPort)"
        identityEnvironment["IDENTITY_ADMIN_EMAIL"] = Self.adminEmail
        identityEnvironment["IDENTITY_ADMIN_PASSWORD"] = Self.adminPassword
        var learningEnvironment = common
        learningEnvironment["DATABASE_URL"] = cluster.url(forService: "learning")
        learningEnvironment["PORT"] = "\(learningPort)"
        identity = ServiceProcess(name: "identity", executable: Self.binaryDirectory + "/identity-service",
                                  environment: identityEnvironment, logDirectory: logDirectory)
        learning = ServiceProcess(name: "learning", executable: Self.binaryDirectory + "/learning-service",
                                  environment: learningEnvironment, logDirectory: logDirectory)
        var gatewayEnvironment = common
        gatewayEnvironment["GATEWAY_PORT"] = "\(gatewayPort)"
        gatewayEnvironment["GATEWAY_SUPERGRAPH_FILE"] = logDirectory + "/supergraph.graphql"
        gatewayEnvironment["GATEWAY_JWKS_URL"] = "http://127.0.0.1:\(identityPort)/.well-known/jwks.json"
        gateway = ServiceProcess(name: "gateway", executable: Self.binaryDirectory + "/gateway",
                                 environment: gatewayEnvironment, logDirectory: logDirectory)
        client = HTTPClient(logger: Self.logger)
        identityDB = PostgresPool(configuration: cluster.superuserConfiguration(database: "identity"), logger: Self.logger)
        learningDB = PostgresPool(configuration: cluster.superuserConfiguration(database: "learning"), logger: Self.logger)
    }

    /// Runs `body` with both services started and ready; stops everything afterwards.
    static func with(environment: [String: String] = [:], _ body: (SuiteFixture) async throws -> Void) async throws {
        let cluster = try await LocalCluster.start(.temporary(services: ["identity", "learning"], logger: logger))
        let fixture = try SuiteFixture(cluster: cluster, environment: environment)
        do {
            try await fixture.startIdentity()
            try await fixture.startLearning()
            try await fixture.installEffectCounter()
            try await body(fixture)
        } catch {
            Issue.record("identity log:\n\(fixture.identity.log.suffix(4000))\nlearning log:\n\(fixture.learning.log.suffix(4000))\ngateway log:\n\(fixture.gateway.log.suffix(2000))")
            await fixture.close()
            throw error
        }
        await fixture.close()
    }

    func close() async {
        await gateway.stop()
        await learning.stop()
        await identity.stop()
        await client.shutdown()
        await identityDB.shutdown()
        await learningDB.shutdown()
        try? await cluster.stop()
    }

    // MARK: Processes

    func startIdentity() async throws {
        try identity.start()
        try await waitReady(identity, port: identityPort)
    }

    func startLearning() async throws {
        try learning.start()
        try await waitReady(learning, port: learningPort)
    }

    /// Composes the two subgraphs (their `_service { sdl }`) and starts the gateway on that supergraph.
    func startGateway() async throws {
        var definitions: [SubgraphDefinition] = []
        for (name, port) in [("identity", identityPort), ("learning", learningPort)] {
            let sdl = try await graphql(port, "{ _service { sdl } }")["_service"]?["sdl"]?.stringValue ?? ""
            definitions.append(SubgraphDefinition(name: name, url: "http://127.0.0.1:\(port)/graphql", sdl: sdl))
        }
        guard case .success(let supergraph) = composeSupergraph(definitions) else {
            throw NotReady(description: "the subgraphs do not compose: \(composeSupergraph(definitions))")
        }
        try supergraph.sdl.write(toFile: logDirectory + "/supergraph.graphql", atomically: true, encoding: .utf8)
        try gateway.start()
        try await waitReady(gateway, port: gatewayPort, path: "/health/ready")
    }

    struct NotReady: Error, CustomStringConvertible {
        var description: String
    }

    /// Waits (bounded) until the service answers `/health/live` — ready needs the consumer's first read.
    func waitReady(_ process: ServiceProcess, port: Int, path: String = "/health/live") async throws {
        let upstream = client.upstream(HTTPUpstream(host: "127.0.0.1", port: port))
        for _ in 0..<1200 {
            guard process.isRunning else { throw NotReady(description: "\(process.name) exited:\n\(process.log.suffix(3000))") }
            if let response = try? await upstream.send(HTTPClientRequest(method: .GET, path: path, timeout: .seconds(2))),
               response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw NotReady(description: "\(process.name) did not answer \(path)")
    }

    // MARK: GraphQL

    struct GraphQLFailure: Error, CustomStringConvertible {
        var errors: [JSONValue]
        var codes: [String] { errors.compactMap { $0["extensions"]?["code"]?.stringValue } }
        var description: String { "GraphQL errors: \(errors)" }
    }

    /// The whole response (`data` and `errors`).
    func request(_ port: Int, _ query: String, variables: JSONObject = JSONObject(), token: String? = nil) async throws -> JSONValue {
        var body: JSONObject = ["query": .string(query)]
        body["variables"] = .object(variables)
        var bytes: [UInt8] = []
        JSONValue.object(body).write(to: &bytes)
        var headers = HTTPHeaders([("content-type", "application/json")])
        if let token { headers.add(name: "authorization", value: "Bearer \(token)") }
        let response = try await client.upstream(HTTPUpstream(host: "127.0.0.1", port: port))
            .send(HTTPClientRequest(method: .POST, path: "/graphql", headers: headers, body: ByteBuffer(bytes: bytes), timeout: .seconds(30)))
        return try JSONValue.parse(utf8: response.body.readableBytesView)
    }

    /// `data`, or throws ``GraphQLFailure``.
    @discardableResult
    func graphql(_ port: Int, _ query: String, variables: JSONObject = JSONObject(), token: String? = nil) async throws -> JSONValue {
        let response = try await request(port, query, variables: variables, token: token)
        if case .array(let errors)? = response["errors"], !errors.isEmpty { throw GraphQLFailure(errors: errors) }
        return response["data"] ?? .null
    }

    struct Account: Sendable {
        var id: String
        var token: String
    }

    func register(_ email: String, first: String = "Test", last: String = "User", role: String = "STUDENT") async throws -> Account {
        let data = try await graphql(identityPort, """
            mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }
            """, variables: ["input": .object(["email": .string(email), "password": "password-123", "firstName": .string(first),
                                               "lastName": .string(last), "role": .string(role)])])
        return Account(id: data["register"]?["user"]?["id"]?.stringValue ?? "", token: data["register"]?["token"]?.stringValue ?? "")
    }

    func login(_ email: String, _ password: String) async throws -> Account {
        let data = try await graphql(identityPort, """
            mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }
            """, variables: ["e": .string(email), "p": .string(password)])
        return Account(id: data["login"]?["user"]?["id"]?.stringValue ?? "", token: data["login"]?["token"]?.stringValue ?? "")
    }

    /// Registers `count` users, `concurrency` at a time; returns their ids.
    @discardableResult
    func registerMany(_ count: Int, prefix: String, concurrency: Int = 8) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for lane in 0..<concurrency {
                group.addTask {
                    var ids: [String] = []
                    var index = lane
                    while index < count {
                        ids.append(try await self.register("\(prefix)-\(index)@example.com").id)
                        index += concurrency
                    }
                    return ids
                }
            }
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
    }

    // MARK: Convergence and exactly-once

    /// Counts every effective change to Learning's user_refs (insert or update that committed),
    /// by (user, version): a trigger the services know nothing about.
    func installEffectCounter() async throws {
        try await learningDB.script("""
            CREATE TABLE IF NOT EXISTS test_effects (user_id uuid NOT NULL, version bigint NOT NULL, deleted boolean NOT NULL);
            CREATE OR REPLACE FUNCTION test_record_effect() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
            BEGIN
                INSERT INTO test_effects VALUES (NEW.user_id, NEW.version, NEW.deleted);
                RETURN NEW;
            END $$;
            DROP TRIGGER IF EXISTS test_effects ON user_refs;
            CREATE TRIGGER test_effects AFTER INSERT OR UPDATE ON user_refs FOR EACH ROW EXECUTE FUNCTION test_record_effect();
            -- What was applied before the counter existed (the admin created at start), in the
            -- same transaction as the trigger, which locks user_refs against concurrent batches.
            INSERT INTO test_effects SELECT user_id, version, deleted FROM user_refs;
            """)
    }

    struct UserState: Hashable, Sendable, CustomStringConvertible {
        var id: String
        var email: String?
        var name: String?
        var role: String?
        var status: String?
        var version: Int64
        var deleted: Bool
        var description: String { "\(id) v\(version) \(deleted ? "deleted" : "\(email ?? "-") \(name ?? "-") \(role ?? "-") \(status ?? "-")")" }
    }

    /// Identity's users as Learning should mirror them (deleted users: tombstones, values NULL).
    func identityUsers() async throws -> Set<UserState> {
        let rows = try await identityDB.query("""
            SELECT id::text, email, first_name || ' ' || last_name AS name, role, status, version, status = 'DELETED' AS deleted FROM users
            """)
        return Set(try rows.map { row in
            let deleted = try row.decode(Bool.self, "deleted")
            return UserState(id: try row.decode(String.self, at: 0), email: deleted ? nil : try row.decode(String.self, "email"),
                             name: deleted ? nil : try row.decode(String.self, "name"), role: deleted ? nil : try row.decode(String.self, "role"),
                             status: deleted ? nil : try row.decode(String.self, "status"), version: try row.decode(Int64.self, "version"),
                             deleted: deleted)
        })
    }

    func learningRefs() async throws -> Set<UserState> {
        let rows = try await learningDB.query("SELECT user_id::text, email, name, role, status, version, deleted FROM user_refs")
        return Set(try rows.map { row in
            UserState(id: try row.decode(String.self, at: 0), email: try row.decode(String?.self, "email"),
                      name: try row.decode(String?.self, "name"), role: try row.decode(String?.self, "role"),
                      status: try row.decode(String?.self, "status"), version: try row.decode(Int64.self, "version"),
                      deleted: try row.decode(Bool.self, "deleted"))
        })
    }

    struct NotConverged: Error, CustomStringConvertible {
        var description: String
    }

    /// Waits (bounded: `attempts` × 100 ms) until Learning's user_refs equal Identity's users.
    func waitConverged(attempts: Int = 1200) async throws {
        var last: (Set<UserState>, Set<UserState>) = ([], [])
        for _ in 0..<attempts {
            let users = try await identityUsers()
            let refs = try await learningRefs()
            if users == refs { return }
            last = (users, refs)
            try await Task.sleep(for: .milliseconds(100))
        }
        let missing = last.0.subtracting(last.1).prefix(5)
        let extra = last.1.subtracting(last.0).prefix(5)
        throw NotConverged(description: "user_refs differ from users: expected but absent \(Array(missing)); present but unexpected \(Array(extra))")
    }

    /// No (user, version) change was applied twice.
    func duplicateEffects() async throws -> Int {
        try await learningDB.query("""
            SELECT count(*) FROM (SELECT 1 FROM test_effects GROUP BY user_id, version, deleted HAVING count(*) > 1) AS d
            """)[0].decode(Int64.self, at: 0).asInt
    }

    /// The (aggregate, version) pairs Identity published, and those Learning applied.
    func publishedVersions() async throws -> Set<String> {
        Set(try await identityDB.query("SELECT aggregate_id || ':' || version FROM event_outbox WHERE aggregate_type = 'user'")
            .map { try $0.decode(String.self, at: 0) })
    }

    /// Waits until Learning has recorded as processed as many events as Identity's outbox holds
    /// (after its cursor and processed ids were wiped, i.e. the whole feed was delivered again).
    func waitRedelivered(attempts: Int = 1200) async throws {
        var last = (published: Int64(0), processed: Int64(0))
        for _ in 0..<attempts {
            let published = try await identityDB.query("SELECT count(*) FROM event_outbox")[0].decode(Int64.self, at: 0)
            let processed = try await learningDB.query("SELECT count(*) FROM event_processed")[0].decode(Int64.self, at: 0)
            if processed >= published { return }
            last = (published, processed)
            try await Task.sleep(for: .milliseconds(100))
        }
        throw NotConverged(description: "redelivery incomplete: \(last.processed) of \(last.published) events processed again")
    }

    func appliedVersions() async throws -> Set<String> {
        Set(try await learningDB.query("SELECT user_id::text || ':' || version FROM test_effects").map { try $0.decode(String.self, at: 0) })
    }

    /// Converged, and every published event applied exactly once (for runs without resync,
    /// which may skip intermediate versions by design).
    func expectExactlyOnce() async throws {
        try await waitConverged()
        #expect(try await duplicateEffects() == 0, "no change applied twice")
        let published = try await publishedVersions()
        let applied = try await appliedVersions()
        #expect(applied == published, "every event applied: missing \(published.subtracting(applied).prefix(5)), unexpected \(applied.subtracting(published).prefix(5))")
    }
}

extension Int64 {
    var asInt: Int { Int(self) }
}
