import Logging
import Metrics
import Synchronization

/// A bounded pool of connections to one database. Borrowing is cheap (a lock, no suspension) when a
/// connection is idle; when all are busy callers wait up to `acquireTimeout` and then fail with
/// `.poolTimeout`. Connections that broke (the server restarted, the network dropped) are replaced on
/// the next checkout; a connection idle longer than `healthCheckAfterIdle` is checked with a ping
/// before it is handed out. `shutdown()` refuses new work, waits for the work in flight, then closes
/// everything.
///
/// ```swift
/// let pool = PostgresPool(configuration: try PostgresConfiguration(url: databaseURL), logger: logger)
/// let rows = try await pool.query("SELECT email FROM users WHERE id = \(id)")
/// try await pool.transaction(isolation: .serializable) { tx in
///     try await tx.query("UPDATE accounts SET balance = balance - \(amount) WHERE id = \(from)")
///     try await tx.query("UPDATE accounts SET balance = balance + \(amount) WHERE id = \(to)")
/// }
/// await pool.shutdown()
/// ```
///
/// Metrics (OpenTelemetry names, dimension `pool.name`): `db.client.connections.usage` (`state` =
/// `idle` | `used`), `db.client.connections.max`, `db.client.connections.pending_requests`,
/// `db.client.connections.wait_time` (acquire time), `db.client.connections.create_time`,
/// `db.client.connections.timeouts`.
public final class PostgresPool: PostgresClient, Sendable {
    /// Pool settings.
    public struct Options: Sendable {
        /// The most connections open at once.
        public var maximumConnections = 10
        /// How long `acquire` waits for a free connection before failing with `.poolTimeout`.
        public var acquireTimeout: Duration = .seconds(10)
        /// A connection idle at least this long is pinged (`SELECT 1`) before being handed out.
        public var healthCheckAfterIdle: Duration = .seconds(30)
        /// Prepared statements kept per connection.
        public var statementCacheCapacity = 512
        /// The `pool.name` metric dimension.
        public var name = "default"
        /// Where metrics go (default: the global `MetricsSystem`).
        public var metricsFactory: (any MetricsFactory)?

        public init() {}
    }

    private enum WaitOutcome: Sendable {
        case connection(PostgresConnection)
        case connectSlot
        case failed(PostgresError)
        case cancelled
    }

    private typealias Waiter = CheckedContinuation<WaitOutcome, Never>
    private typealias Machine = PoolStateMachine<PostgresConnection, Waiter>

    public let configuration: PostgresConfiguration
    public let options: Options
    let logger: Logger
    private let machine: Mutex<Machine>
    private let metrics: PoolMetrics

    public init(configuration: PostgresConfiguration, options: Options = Options(), logger: Logger = Logger(label: "postgres.pool")) {
        self.configuration = configuration
        self.options = options
        var logger = logger
        logger[metadataKey: "db.pool"] = "\(options.name)"
        self.logger = logger
        self.machine = Mutex(Machine(maximumConnections: max(1, options.maximumConnections)))
        self.metrics = PoolMetrics(name: options.name, factory: options.metricsFactory)
        metrics.maximum.record(options.maximumConnections)
        metrics.update(idle: 0, used: 0, pending: 0)
    }

    // MARK: Borrowing

    /// Borrows a connection for `body` and returns it afterwards (also when `body` throws).
    public func withConnection<R>(_ body: (PostgresConnection) async throws -> R) async throws -> R {
        let connection = try await acquire()
        do {
            let result = try await body(connection)
            release(connection)
            return result
        } catch {
            release(connection)
            throw error
        }
    }

    /// Runs one statement on a pooled connection.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        let connection = try await acquire()
        do {
            let rows = try await connection.query(query)
            release(connection)
            return rows
        } catch {
            release(connection)
            throw error
        }
    }

    /// Runs `queries` in one round trip on one pooled connection (see `PostgresConnection.pipeline`).
    public func pipeline(_ queries: [PostgresQuery]) async throws -> [Result<PostgresRows, PostgresError>] {
        try await withConnection { try await $0.pipeline(queries) }
    }

    /// Runs a parameterless multi-statement script on a pooled connection.
    @discardableResult
    public func script(_ sql: String) async throws -> PostgresRows {
        try await withConnection { try await $0.script(sql) }
    }

    /// Borrows a connection: an idle one, a new one, or the next one returned (up to `acquireTimeout`).
    public func acquire() async throws -> PostgresConnection {
        let start = ContinuousClock.now
        while true {
            let action = machine.withLock { $0.acquire(now: start) }
            let connection: PostgresConnection
            switch action {
            case .use(let idleConnection, let idleFor):
                guard let checked = await checkedIdleConnection(idleConnection, idleFor: idleFor) else { continue }
                connection = checked
            case .connect:
                connection = try await openConnection()
            case .fail(let error):
                throw error
            case .wait:
                guard let waited = try await waitForConnection(since: start) else { continue }
                connection = waited
            }
            metrics.waitTime.recordNanoseconds(start.duration(to: .now).nanoseconds)
            publishUsage()
            return connection
        }
    }

    /// Gives a borrowed connection back. A broken connection, or one left inside a transaction, is closed.
    public func release(_ connection: PostgresConnection) {
        let reusable = !connection.isClosed && connection.isIdleOutsideTransaction
        let action = machine.withLock { $0.release(connection, reusable: reusable, now: .now) }
        switch action {
        case .handOver(let waiter, let connection):
            waiter.resume(returning: .connection(connection))
        case .parked:
            break
        case .close(let connection, let connectFor):
            if !connection.isClosed {
                if !reusable { logger.warning("closing a connection returned inside a transaction") }
                Task { await connection.close() }
            }
            connectFor?.resume(returning: .connectSlot)
        case .closeAndFinishShutdown(let connection, let shutdownCallers):
            Task {
                await connection.close()
                for caller in shutdownCallers { caller.resume(returning: .connectSlot) }
            }
        }
        publishUsage()
    }

    /// Refuses new work, fails waiting callers with `.poolClosed`, waits until every borrowed
    /// connection came back, then closes all connections. Safe to call more than once.
    public func shutdown() async {
        let idleConnections = Mutex<[PostgresConnection]>([])
        _ = await withCheckedContinuation { (caller: Waiter) in
            let action = machine.withLock { $0.shutdown(caller) }
            switch action {
            case .alreadyDone:
                caller.resume(returning: .connectSlot)
            case .shutdown(let failWaiters, let closeIdle, let done):
                for waiter in failWaiters { waiter.resume(returning: .failed(Machine.closedError)) }
                idleConnections.withLock { $0 = closeIdle }
                if done { caller.resume(returning: .connectSlot) }
            }
        }
        for connection in idleConnections.withLock({ $0 }) { await connection.close() }
        publishUsage()
    }

    // MARK: Internals

    private func checkedIdleConnection(_ connection: PostgresConnection, idleFor: Duration) async -> PostgresConnection? {
        var healthy = !connection.isClosed
        if healthy && idleFor >= options.healthCheckAfterIdle {
            do {
                _ = try await connection.query("SELECT 1")
            } catch {
                logger.info("pooled connection failed its health check; replacing it", metadata: ["error": "\(error)"])
                healthy = false
            }
        }
        if healthy && connection.isClosed { healthy = false }
        guard healthy else {
            let (waiter, finished) = machine.withLock { machine in
                (machine.discardLeased(), machine.finishShutdownIfDrained())
            }
            waiter?.resume(returning: .connectSlot)
            for caller in finished { caller.resume(returning: .connectSlot) }
            await connection.close()
            return nil
        }
        return connection
    }

    private func openConnection() async throws -> PostgresConnection {
        let start = ContinuousClock.now
        do {
            let connection = try await PostgresConnection.connect(
                configuration: configuration, statementCacheCapacity: options.statementCacheCapacity, logger: logger)
            metrics.createTime.recordNanoseconds(start.duration(to: .now).nanoseconds)
            let shuttingDown = machine.withLock { machine -> Bool in
                machine.connected()
                return machine.isShuttingDown
            }
            if shuttingDown {
                release(connection)
                throw Machine.closedError
            }
            return connection
        } catch {
            let (waiter, finished) = machine.withLock { machine in
                (machine.connectFailed(), machine.finishShutdownIfDrained())
            }
            waiter?.resume(returning: .connectSlot)
            for caller in finished { caller.resume(returning: .connectSlot) }
            logger.warning("could not open a pooled connection", metadata: ["error": "\(error)"])
            throw error
        }
    }

    /// Waits for a connection; `nil` means "try again" (a slot freed up for this caller to use).
    private func waitForConnection(since start: ContinuousClock.Instant) async throws -> PostgresConnection? {
        let remaining = options.acquireTimeout - start.duration(to: .now)
        let waiterID = Mutex<Int?>(nil)
        let outcome: WaitOutcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: Waiter) in
                let action = machine.withLock { $0.wait(waiter, now: .now) }
                switch action {
                case .use(let connection, _):
                    waiter.resume(returning: .connection(connection))
                case .connect:
                    waiter.resume(returning: .connectSlot)
                case .fail(let error):
                    waiter.resume(returning: .failed(error))
                case .enqueued(let id):
                    waiterID.withLock { $0 = id }
                    publishUsage()
                    if Task.isCancelled {  // cancelled before the handler could know the id
                        giveUp(waiterID: id, reason: .cancelled)
                        return
                    }
                    Task { [weak self] in
                        try? await Task.sleep(for: remaining)
                        self?.giveUp(waiterID: id, reason: .timeout)
                    }
                }
            }
        } onCancel: {
            if let id = waiterID.withLock({ $0 }) { giveUp(waiterID: id, reason: .cancelled) }
        }
        switch outcome {
        case .connection(let connection):
            // Handed over by `release`; it was in use a moment ago, so no health check is needed.
            if connection.isClosed {
                let (waiter, finished) = machine.withLock { ($0.discardLeased(), $0.finishShutdownIfDrained()) }
                waiter?.resume(returning: .connectSlot)
                for caller in finished { caller.resume(returning: .connectSlot) }
                return nil
            }
            return connection
        case .connectSlot:
            return try await openConnection()
        case .failed(let error):
            throw error
        case .cancelled:
            throw CancellationError()
        }
    }

    private enum GiveUpReason { case timeout, cancelled }

    private func giveUp(waiterID: Int, reason: GiveUpReason) {
        guard let waiter = machine.withLock({ $0.removeWaiter(id: waiterID) }) else { return }
        switch reason {
        case .timeout:
            metrics.timeouts.increment()
            waiter.resume(returning: .failed(PostgresError(
                code: .poolTimeout,
                message: "no connection to \(configuration.redactedDescription) became free within \(options.acquireTimeout) "
                    + "(pool '\(options.name)' has \(options.maximumConnections) connections, all in use)")))
        case .cancelled:
            waiter.resume(returning: .cancelled)
        }
        publishUsage()
    }

    private func publishUsage() {
        let (idle, used, pending) = machine.withLock { ($0.idle.count, $0.leased, $0.waiters.count) }
        metrics.update(idle: idle, used: used, pending: pending)
    }

    /// Counts for tests and health endpoints: idle, in use, opening, waiting.
    public var usage: (idle: Int, used: Int, connecting: Int, waiting: Int) {
        machine.withLock { ($0.idle.count, $0.leased, $0.connecting, $0.waiters.count) }
    }
}

private extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
