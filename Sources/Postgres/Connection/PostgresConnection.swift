import Logging

/// One PostgreSQL session, driven by the module's I/O thread. Every call suspends the caller (never
/// blocks a thread) until the server answered. Requests from concurrent tasks run one after another
/// in arrival order; most code should borrow connections from a `PostgresPool` instead.
///
/// ```swift
/// let connection = try await PostgresConnection.connect(configuration: config, logger: logger)
/// let rows = try await connection.query("SELECT name FROM courses WHERE tutor_id = \(tutorID)")
/// let batch = try await connection.pipeline(ids.map { "SELECT * FROM users WHERE id = \($0)" })  // one round trip
/// await connection.close()
/// ```
///
/// Cancelling the calling task does not cancel a statement already sent (the server finishes it);
/// bound long statements with `SET statement_timeout`.
public final class PostgresConnection: Sendable {
    /// What this connection has sent so far.
    public struct Statistics: Sendable, Hashable {
        /// Requests sent to the server, each of which waited for its answer once: a single query is
        /// one, a whole pipeline is one, a script is one.
        public var roundTrips: Int
        /// Statements sent (each statement of a pipeline counts).
        public var statementsSent: Int
        /// Statements prepared on this connection (first uses that went into the statement cache).
        public var statementsPrepared: Int
    }

    public let configuration: PostgresConfiguration
    let driver: ConnectionDriver
    let shared: ConnectionShared

    private init(configuration: PostgresConfiguration, driver: ConnectionDriver, shared: ConnectionShared) {
        self.configuration = configuration
        self.driver = driver
        self.shared = shared
    }

    deinit {
        if !shared.isClosed {
            let driver = self.driver
            driver.thread.submit { _ in
                driver.close(PostgresError(code: .connectionClosed, message: "the connection was released"))
            }
        }
    }

    /// Opens a connection without blocking any thread (libpq's non-blocking connect on the I/O thread).
    /// Fails with `.connectionFailed` (server down, wrong password, database missing, no permission…)
    /// or `.timeout` after `configuration.connectTimeout`.
    public static func connect(
        configuration: PostgresConfiguration,
        statementCacheCapacity: Int = 512,
        logger: Logger = Logger(label: "postgres")
    ) async throws -> PostgresConnection {
        let thread = IOThread.shared
        let shared = ConnectionShared()
        let driver: ConnectionDriver = try await withUnsafeThrowingContinuation { continuation in
            thread.submit { loop in
                let driver = ConnectionDriver(
                    configuration: configuration, statementCacheCapacity: statementCacheCapacity,
                    loop: loop, shared: shared, logger: logger)
                // While connecting, the driver lives through its socket registration and timer.
                driver.connect { result in
                    switch result {
                    case .success: continuation.resume(returning: driver)
                    case .failure(let error): continuation.resume(throwing: error)
                    }
                }
            }
        }
        return PostgresConnection(configuration: configuration, driver: driver, shared: shared)
    }

    /// Runs one statement (prepared and cached per connection) and returns its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        if shared.isClosed { throw closedError }
        let driver = self.driver
        return try await withUnsafeThrowingContinuation { continuation in
            driver.enqueue(.single(query, continuation))
        }
    }

    /// Sends all `queries` at once in pipeline mode and collects every answer: one round trip. Each
    /// statement gets its own result; outside a transaction a failing statement does not stop the
    /// others (each is followed by its own Sync). Throws only if the connection itself fails.
    public func pipeline(_ queries: [PostgresQuery]) async throws -> [Result<PostgresRows, PostgresError>] {
        if queries.isEmpty { return [] }
        if shared.isClosed { throw closedError }
        let driver = self.driver
        return try await withUnsafeThrowingContinuation { continuation in
            driver.enqueue(.pipeline(queries, continuation))
        }
    }

    /// Runs a script of one or more statements without parameters (simple query protocol), e.g. a
    /// migration; returns the last statement's rows, or throws the first error.
    @discardableResult
    public func script(_ sql: String) async throws -> PostgresRows {
        if shared.isClosed { throw closedError }
        let driver = self.driver
        return try await withUnsafeThrowingContinuation { continuation in
            driver.enqueue(.script(sql, continuation))
        }
    }

    /// Closes the session (queued requests fail with `.connectionClosed`).
    public func close() async {
        guard !shared.isClosed else { return }
        let driver = self.driver
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            driver.thread.submit { _ in
                driver.close(PostgresError(code: .connectionClosed, message: "the connection was closed"))
                continuation.resume()
            }
        }
    }

    /// Whether the session has ended (closed, or lost because the server went away).
    public var isClosed: Bool { shared.isClosed }

    /// The server process serving this session.
    public var backendPID: Int32 { shared.backendPID }

    public var statistics: Statistics {
        Statistics(
            roundTrips: shared.roundTrips.load(ordering: .relaxed),
            statementsSent: shared.statementsSent.load(ordering: .relaxed),
            statementsPrepared: shared.statementsPrepared.load(ordering: .relaxed))
    }

    /// Whether the session is inside a transaction block (or an unfinished request).
    var isIdleOutsideTransaction: Bool { shared.transactionState == .idle }

    /// Delivers NOTIFY messages that arrive on this session to `handler` (on the I/O thread: keep it short).
    func setNotificationHandler(_ handler: @escaping @Sendable (PostgresNotification) -> Void) {
        driver.setNotificationHandler(handler)
    }

    /// Runs `handler` once when the session ends, whatever the reason.
    func onClose(_ handler: @escaping @Sendable (PostgresError) -> Void) {
        shared.onClose(handler)
    }

    private var closedError: PostgresError {
        PostgresError(code: .connectionClosed, message: "the connection to \(configuration.redactedDescription) is closed")
    }
}

