import Foundation
import Logging
import Postgres

/// A database of its own for one test: a fresh role and a fresh database owned by it, on the shared
/// test server, dropped afterwards (also when the test throws).
///
/// The server is `TEST_DATABASE_URL` when set (a role allowed to create roles and databases, e.g.
/// `postgresql://postgres:secret@127.0.0.1:5432/postgres`); otherwise one temporary `LocalCluster`
/// per test process, started on first use and stopped when the process exits.
///
/// ```swift
/// @Test func storesUsers() async throws {
///     try await TestDatabase.with { database in
///         let pool = database.makePool()
///         defer { Task { await pool.shutdown() } }
///         try await pool.query("CREATE TABLE t (id int)")
///     }
/// }
/// ```
public struct TestDatabase: Sendable {
    /// The database's (and its owner role's) name, e.g. `test_3f9a…`.
    public let name: String
    /// Connects as the owner role over TCP.
    public let configuration: PostgresConfiguration
    /// The server it lives on.
    public let server: TestServer

    /// Runs `body` with a new database and drops it (and its role) afterwards.
    public static func with<R: Sendable>(
        prefix: String = "test", _ body: (TestDatabase) async throws -> R
    ) async throws -> R {
        let server = try await TestServer.shared()
        let database = try await server.createDatabase(prefix: prefix)
        do {
            let result = try await body(database)
            try await server.dropDatabase(database.name)
            return result
        } catch {
            try? await server.dropDatabase(database.name)
            throw error
        }
    }

    /// A pool for this database (shut it down before the test ends).
    public func makePool(maximumConnections: Int = 4, acquireTimeout: Duration = .seconds(10)) -> PostgresPool {
        var options = PostgresPool.Options()
        options.maximumConnections = maximumConnections
        options.acquireTimeout = acquireTimeout
        return PostgresPool(configuration: configuration, options: options, logger: TestServer.logger)
    }

    /// Runs `body` with a pool on a new database; shuts the pool down and drops the database afterwards.
    public static func withPool<R: Sendable>(
        maximumConnections: Int = 4, _ body: (PostgresPool) async throws -> R
    ) async throws -> R {
        try await with { database in
            let pool = database.makePool(maximumConnections: maximumConnections)
            do {
                let result = try await body(pool)
                await pool.shutdown()
                return result
            } catch {
                await pool.shutdown()
                throw error
            }
        }
    }
}

/// The PostgreSQL server tests use: `TEST_DATABASE_URL`, or a temporary local cluster shared by the
/// whole test process.
public final class TestServer: Sendable {
    static let logger: Logger = {
        var logger = Logger(label: "postgres.test")
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }()

    /// Connects as a role that may create roles and databases.
    public let adminConfiguration: PostgresConfiguration
    /// The local cluster, when this process started one.
    public let cluster: LocalCluster?

    init(adminConfiguration: PostgresConfiguration, cluster: LocalCluster?) {
        self.adminConfiguration = adminConfiguration
        self.cluster = cluster
    }

    private static let startup = SharedStartup()

    /// The process-wide test server (started on first call).
    public static func shared() async throws -> TestServer {
        try await startup.server()
    }

    /// Creates a role and a database owned by it; only that role (and superusers) may connect.
    func createDatabase(prefix: String) async throws -> TestDatabase {
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let name = "\(prefix)_\(suffix)"
        let password = UUID().uuidString
        let admin = try await PostgresConnection.connect(configuration: adminConfiguration, logger: Self.logger)
        do {
            let role = PostgresQuoting.identifier(name)
            _ = try await admin.script("CREATE ROLE \(role) LOGIN PASSWORD \(PostgresQuoting.literal(password))")
            _ = try await admin.script("CREATE DATABASE \(role) OWNER \(role)")
            _ = try await admin.script("REVOKE CONNECT ON DATABASE \(role) FROM PUBLIC; GRANT CONNECT ON DATABASE \(role) TO \(role)")
            await admin.close()
        } catch {
            await admin.close()
            throw error
        }
        var configuration = adminConfiguration
        if let cluster {
            configuration.host = "127.0.0.1"
            configuration.port = cluster.port
            configuration.sslMode = .disable
        }
        configuration.user = name
        configuration.password = password
        configuration.database = name
        return TestDatabase(name: name, configuration: configuration, server: self)
    }

    func dropDatabase(_ name: String) async throws {
        let admin = try await PostgresConnection.connect(configuration: adminConfiguration, logger: Self.logger)
        defer { Task { await admin.close() } }
        let identifier = PostgresQuoting.identifier(name)
        _ = try await admin.script("DROP DATABASE IF EXISTS \(identifier) WITH (FORCE)")
        _ = try await admin.script("DROP ROLE IF EXISTS \(identifier)")
    }
}

/// Starts the shared server once, however many tests ask at the same time.
private actor SharedStartup {
    private var starting: Task<TestServer, any Error>?

    func server() async throws -> TestServer {
        if let starting { return try await starting.value }
        let task = Task { try await Self.start() }
        starting = task
        return try await task.value
    }

    private static func start() async throws -> TestServer {
        if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
            return TestServer(adminConfiguration: try PostgresConfiguration(url: url), cluster: nil)
        }
        let cluster = try await LocalCluster.start(.temporary(services: [], logger: TestServer.logger))
        SharedClusterCleanup.register(cluster)
        return TestServer(adminConfiguration: cluster.superuserConfiguration(), cluster: cluster)
    }
}
