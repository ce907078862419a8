import Foundation
import Logging
import Synchronization

/// A PostgreSQL cluster this program runs itself — the suite's embedded default for development and
/// tests. It finds the system's server binaries, `initdb`s a data folder (kept for development,
/// temporary for tests), starts the server on 127.0.0.1 with a free port and a private socket folder
/// (as the `postgres` OS user when run as root: PostgreSQL refuses root), waits until it accepts
/// connections, and stops it cleanly.
///
/// It creates one role and one database per service; each role owns its database and is the only
/// role (besides the superuser) allowed to connect to it (`REVOKE CONNECT … FROM PUBLIC`).
///
/// ```swift
/// let cluster = try await LocalCluster.start(.temporary())
/// let learning = PostgresPool(configuration: cluster.configuration(forService: "learning"))
/// …
/// try await cluster.stop()   // a temporary cluster's folder is removed
/// ```
///
/// A temporary cluster also has a watchdog process that stops the server and removes the folder if
/// this process dies without calling `stop()` (a crash, a failed test run), so no stray server survives.
public final class LocalCluster: Sendable {
    /// The six services of the suite, each with its own database and role.
    public static let serviceNames = ["identity", "learning", "payment", "communication", "ai", "analytics"]

    /// How to set up and run the cluster.
    public struct Options: Sendable {
        /// The cluster's folder; `nil` makes a temporary one that `stop()` removes.
        public var directory: String?
        /// The TCP port; `nil` picks a free one (a persistent cluster reuses its last port when free).
        public var port: Int?
        /// Services to create a role and database for.
        public var services: [String]
        /// Extra `postgresql.conf` settings.
        public var settings: [String: String]
        /// Stop the server when this process exits, even abnormally (default: for temporary clusters).
        public var stopWhenProcessExits: Bool
        public var logger: Logger

        /// A throwaway cluster for tests: durability off (fsync, full-page writes) for speed.
        public static func temporary(
            services: [String] = LocalCluster.serviceNames, settings: [String: String] = [:],
            logger: Logger = Logger(label: "postgres.cluster")
        ) -> Options {
            var merged = ["fsync": "off", "full_page_writes": "off", "synchronous_commit": "off", "max_connections": "300"]
            for (key, value) in settings { merged[key] = value }
            return Options(directory: nil, port: nil, services: services, settings: merged, stopWhenProcessExits: true, logger: logger)
        }

        /// A cluster kept in `directory` across runs (development).
        public static func persistent(
            directory: String, port: Int? = nil, services: [String] = LocalCluster.serviceNames,
            settings: [String: String] = [:], logger: Logger = Logger(label: "postgres.cluster")
        ) -> Options {
            Options(directory: directory, port: port, services: services, settings: settings, stopWhenProcessExits: false, logger: logger)
        }
    }

    /// Passwords and the last port, kept in `cluster.json` (mode 0600) in the cluster folder.
    struct Credentials: Codable, Sendable {
        var port: Int
        var superuserPassword: String
        var servicePasswords: [String: String]
    }

    private struct RunState {
        var running: Bool
        var port: Int
        var watchdog: pid_t?
    }

    /// The cluster folder (holds `data/`, `sockets/`, `log/postgres.log`, `cluster.json`, `connection.env`).
    public let directory: String
    public let binaries: PostgresBinaries
    public let isTemporary: Bool
    /// The OS user running the server (`postgres` when this process is root, else the current user).
    public let serverUser: String?
    private let options: Options
    private let credentials: Credentials
    // Mutex proof of Sendable: the only mutable state, guarded by the lock.
    private let state: Mutex<RunState>

    public static let superuser = "postgres"

    public var dataDirectory: String { directory + "/data" }
    public var socketDirectory: String { directory + "/sockets" }
    public var logDirectory: String { directory + "/log" }
    public var logFile: String { logDirectory + "/postgres.log" }
    /// The TCP port on 127.0.0.1.
    public var port: Int { state.withLock { $0.port } }
    public var isRunning: Bool { state.withLock { $0.running } }
    public var services: [String] { options.services }

    private init(
        directory: String, binaries: PostgresBinaries, isTemporary: Bool, serverUser: String?,
        options: Options, credentials: Credentials, port: Int
    ) {
        self.directory = directory
        self.binaries = binaries
        self.isTemporary = isTemporary
        self.serverUser = serverUser
        self.options = options
        self.credentials = credentials
        self.state = Mutex(RunState(running: false, port: port, watchdog: nil))
    }

    /// Sets up (if needed) and starts a cluster, and makes sure every service has its role and database.
    public static func start(_ options: Options = .temporary()) async throws -> LocalCluster {
        let binaries = try await PostgresBinaries.locate()
        let isRoot = geteuid() == 0
        let serverUser: String? = isRoot ? "postgres" : nil
        if isRoot && getpwnam("postgres") == nil {
            throw PostgresError(
                code: .cluster,
                message: "running as root, but there is no 'postgres' OS user to run the server as (install Debian's postgresql package, or run as another user)")
        }
        let fileManager = FileManager.default
        let directory: String
        let isTemporary = options.directory == nil
        if let requested = options.directory {
            directory = URL(fileURLWithPath: requested).standardizedFileURL.path
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } else {
            directory = fileManager.temporaryDirectory.appendingPathComponent("pg-cluster-\(UUID().uuidString.prefix(8))").path
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        // Others may traverse (the server user must reach data/ and sockets/) but not list.
        chmod(directory, 0o711)

        let credentialsPath = directory + "/cluster.json"
        var credentials: Credentials
        if let data = fileManager.contents(atPath: credentialsPath),
            let stored = try? JSONDecoder().decode(Credentials.self, from: data)
        {
            credentials = stored
        } else {
            credentials = Credentials(port: 0, superuserPassword: randomSecret(), servicePasswords: [:])
        }
        for service in options.services where credentials.servicePasswords[service] == nil {
            credentials.servicePasswords[service] = randomSecret()
        }

        var port = options.port ?? credentials.port
        if port == 0 || (options.port == nil && !isPortFree(port)) { port = try FreePort.pick() }
        credentials.port = port

        let cluster = LocalCluster(
            directory: directory, binaries: binaries, isTemporary: isTemporary, serverUser: serverUser,
            options: options, credentials: credentials, port: port)
        do {
            if options.stopWhenProcessExits { try cluster.startWatchdog() }
            try await cluster.initializeIfNeeded()
            try cluster.saveCredentials()
            try await cluster.startServer(allowPortRetry: options.port == nil)
            try await cluster.ensureServiceDatabases()
        } catch {
            try? await cluster.stop()
            throw error
        }
        options.logger.info(
            "local PostgreSQL cluster running",
            metadata: ["db.cluster": "\(directory)", "db.port": "\(cluster.port)"])
        return cluster
    }

    // MARK: Connection settings

    /// The superuser over the private Unix socket (trusted: only root and the server user can reach it).
    public func superuserConfiguration(database: String = "postgres") -> PostgresConfiguration {
        var configuration = PostgresConfiguration(
            host: socketDirectory, port: port, user: Self.superuser, database: database)
        configuration.applicationName = "local-cluster"
        return configuration
    }

    /// A service's own role and database over TCP on 127.0.0.1 (password authentication).
    public func configuration(forService service: String) -> PostgresConfiguration {
        var configuration = PostgresConfiguration(
            host: "127.0.0.1", port: port, user: service, password: credentials.servicePasswords[service],
            database: service, sslMode: .disable)
        configuration.applicationName = service
        return configuration
    }

    /// The service's `DATABASE_URL`.
    public func url(forService service: String) -> String {
        configuration(forService: service).url
    }

    /// The password of a service's role.
    public func password(forService service: String) -> String? {
        credentials.servicePasswords[service]
    }

    // MARK: Lifecycle

    /// Stops the server (fast shutdown: open sessions are ended) and, for a temporary cluster, removes its folder.
    public func stop() async throws {
        let (wasRunning, watchdog) = state.withLock { state -> (Bool, pid_t?) in
            defer {
                state.running = false
                state.watchdog = nil
            }
            return (state.running, state.watchdog)
        }
        var failure: Error?
        if wasRunning || FileManager.default.fileExists(atPath: dataDirectory + "/postmaster.pid") {
            do {
                try await ProcessRunner.check(
                    binaries.path(for: "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60"],
                    as: serverUser, workingDirectory: directory, what: "pg_ctl stop")
            } catch {
                failure = error
            }
        }
        if isTemporary {
            try? FileManager.default.removeItem(atPath: directory)
        }
        if let watchdog {
            kill(watchdog, SIGTERM)
            var status: Int32 = 0
            waitpid(watchdog, &status, 0)  // it exits at once on SIGTERM; reap it
        }
        if let failure { throw failure }
    }

    /// Stops the server (fast shutdown) and starts it again on the same port; connections break.
    public func restart() async throws {
        try await ProcessRunner.check(
            binaries.path(for: "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60"],
            as: serverUser, workingDirectory: directory, what: "pg_ctl stop")
        state.withLock { $0.running = false }
        try await startServer(allowPortRetry: false)
    }

    /// Stops the server without removing anything (to test "server down"); `start()` brings it back.
    public func stopServer() async throws {
        try await ProcessRunner.check(
            binaries.path(for: "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "60"],
            as: serverUser, workingDirectory: directory, what: "pg_ctl stop")
        state.withLock { $0.running = false }
    }

    /// Starts a stopped server again on the same port.
    public func startServer() async throws {
        try await startServer(allowPortRetry: false)
    }

    /// Runs one of the cluster's PostgreSQL programs (`pgbench`, `psql`, `pg_dump`, …) as the current
    /// user and returns its output (stdout and stderr); throws `.cluster` with the output if it fails.
    ///
    /// ```swift
    /// let output = try await cluster.runTool("pgbench", ["-i", "-s", "10", "-h", "127.0.0.1", "-p", "\(cluster.port)", "bench"],
    ///                                        environment: ["PGPASSWORD": cluster.password(forService: "bench")!])
    /// ```
    @discardableResult
    public func runTool(_ name: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        try await ProcessRunner.check(binaries.path(for: name), arguments, environment: environment, what: name)
    }

    // MARK: Set-up steps

    private func initializeIfNeeded() async throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: dataDirectory + "/PG_VERSION") { return }
        try fileManager.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
        chmod(dataDirectory, 0o700)
        chmod(socketDirectory, 0o700)
        let passwordFile = directory + "/.pwfile"
        guard fileManager.createFile(atPath: passwordFile, contents: Data(credentials.superuserPassword.utf8)) else {
            throw PostgresError(code: .cluster, message: "cannot write \(passwordFile)")
        }
        defer { try? fileManager.removeItem(atPath: passwordFile) }
        if let serverUser {
            for path in [dataDirectory, socketDirectory, logDirectory, passwordFile] {
                try await ProcessRunner.check("/bin/chown", [serverUser, path], what: "chown \(path) to \(serverUser)")
            }
            let reachable = try await ProcessRunner.run("/usr/bin/test", ["-w", dataDirectory], as: serverUser)
            guard reachable.status == 0 else {
                throw PostgresError(
                    code: .cluster,
                    message: "the \(serverUser) OS user cannot reach \(dataDirectory); make its parent folders traversable (chmod o+x)")
            }
        }
        try await ProcessRunner.check(
            binaries.path(for: "initdb"),
            [
                "-D", dataDirectory, "-U", Self.superuser, "--encoding=UTF8", "--no-locale",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=\(passwordFile)",
            ],
            as: serverUser, workingDirectory: directory, what: "initdb")

        var settings = [
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": PostgresQuoting.literal(socketDirectory),
            "unix_socket_permissions": "0770",
            "password_encryption": "'scram-sha-256'",
            "log_line_prefix": "'%m [%p] %q%u@%d '",
        ]
        for (key, value) in options.settings { settings[key] = value }
        let lines = settings.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
        let conf = "\n# Written by LocalCluster\n" + lines.joined(separator: "\n") + "\n"
        let confPath = dataDirectory + "/postgresql.conf"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: confPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(conf.utf8))
        try handle.close()
    }

    private func saveCredentials() throws {
        let path = directory + "/cluster.json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(credentials)
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw PostgresError(code: .cluster, message: "cannot write \(path)")
        }
        chmod(path, 0o600)
    }

    /// `connection.env`: the superuser's libpq environment, for `infra/db-backup` and `psql`.
    private func saveConnectionEnvironment() throws {
        let text = """
            # Written by LocalCluster: libpq settings for the superuser of this cluster.
            PGHOST=\(socketDirectory)
            PGPORT=\(port)
            PGUSER=\(Self.superuser)

            """
        let path = directory + "/connection.env"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw PostgresError(code: .cluster, message: "cannot write \(path)")
        }
    }

    private func startServer(allowPortRetry: Bool) async throws {
        let pgctl = binaries.path(for: "pg_ctl")
        var attempts = 0
        while true {
            attempts += 1
            let port = self.port
            let outcome = try await ProcessRunner.run(
                pgctl,
                ["start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", "-p \(port)"],
                as: serverUser, workingDirectory: directory)
            if outcome.status == 0 { break }
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            let portTaken = log.contains("Address already in use") || log.contains("could not bind")
            if portTaken && allowPortRetry && attempts < 5 {
                let next = try FreePort.pick()
                state.withLock { $0.port = next }
                continue
            }
            let tail = log.split(separator: "\n").suffix(15).joined(separator: "\n")
            throw PostgresError(
                code: .cluster,
                message: "pg_ctl start failed (exit status \(outcome.status)): \(outcome.output.trimmingTrailingWhitespace)\nserver log (\(logFile)):\n\(tail)")
        }
        state.withLock { $0.running = true }
        var updated = credentials
        updated.port = port
        try? saveCredentialsFile(updated)
        try saveConnectionEnvironment()
    }

    private func saveCredentialsFile(_ credentials: Credentials) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let path = directory + "/cluster.json"
        _ = FileManager.default.createFile(atPath: path, contents: try encoder.encode(credentials), attributes: [.posixPermissions: 0o600])
    }

    /// Creates each missing service role and database and restricts CONNECT to the owner (idempotent).
    private func ensureServiceDatabases() async throws {
        let connection = try await PostgresConnection.connect(configuration: superuserConfiguration(), logger: options.logger)
        defer { Task { await connection.close() } }
        for service in options.services {
            let password = credentials.servicePasswords[service] ?? ""
            let role = try await connection.query("SELECT 1 FROM pg_roles WHERE rolname = \(service)")
            if role.isEmpty {
                _ = try await connection.script(
                    "CREATE ROLE \(PostgresQuoting.identifier(service)) LOGIN PASSWORD \(PostgresQuoting.literal(password))")
            } else {
                _ = try await connection.script(
                    "ALTER ROLE \(PostgresQuoting.identifier(service)) LOGIN PASSWORD \(PostgresQuoting.literal(password))")
            }
            let database = try await connection.query("SELECT 1 FROM pg_database WHERE datname = \(service)")
            if database.isEmpty {
                _ = try await connection.script(
                    "CREATE DATABASE \(PostgresQuoting.identifier(service)) OWNER \(PostgresQuoting.identifier(service))")
            }
            _ = try await connection.script(
                """
                REVOKE CONNECT, TEMPORARY ON DATABASE \(PostgresQuoting.identifier(service)) FROM PUBLIC;
                GRANT CONNECT, TEMPORARY ON DATABASE \(PostgresQuoting.identifier(service)) TO \(PostgresQuoting.identifier(service));
                """)
        }
    }

    /// A shell loop that waits for this process to end, then stops the server and, for a temporary
    /// cluster, removes the folder. It ends by itself once it has done that (or when `stop()` kills it).
    private func startWatchdog() throws {
        let ownPID = getpid()
        let userPrefix = serverUser.map { "/usr/sbin/runuser -u \($0) -- " } ?? ""
        var script = """
            while kill -0 \(ownPID) 2>/dev/null; do sleep 0.5; done
            if [ -f '\(dataDirectory)/postmaster.pid' ]; then \(userPrefix)'\(binaries.path(for: "pg_ctl"))' stop -D '\(dataDirectory)' -m immediate -w -t 30; fi

            """
        if isTemporary { script += "rm -rf '\(directory)'\n" }
        let pid = try ProcessRunner.launchDetached("/bin/sh", ["-c", script])
        state.withLock { $0.watchdog = pid }
    }

    private static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    private static func isPortFree(_ port: Int) -> Bool {
        // A quick probe: try to connect; refused means nobody listens.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result != 0
    }
}
