/// The pool's bookkeeping as a value type that returns actions: which connection to hand out, when to
/// open a new one, who waits, who gets a returned connection, and when shutdown is complete. It does no
/// I/O itself, so it can be tested on its own. `Connection` and `Waiter` are generic for that reason.
struct PoolStateMachine<Connection, Waiter> {
    struct IdleConnection {
        let connection: Connection
        let since: ContinuousClock.Instant
    }

    enum AcquireAction {
        /// Use this idle connection (`idleFor` tells whether a health check is due).
        case use(Connection, idleFor: Duration)
        /// A slot is reserved: open a new connection.
        case connect
        /// Nothing free: the caller must wait.
        case wait
        case fail(PostgresError)
    }

    enum WaitAction {
        case use(Connection, idleFor: Duration)
        case connect
        /// Enqueued under this id.
        case enqueued(id: Int)
        case fail(PostgresError)
    }

    enum ReleaseAction {
        /// Give the connection to this waiter.
        case handOver(Waiter, Connection)
        /// Kept as idle.
        case parked
        /// Close this connection; optionally let a waiter open a replacement.
        case close(Connection, connectFor: Waiter?)
        /// Close the connection; shutdown is complete, resume these shutdown callers.
        case closeAndFinishShutdown(Connection, [Waiter])
    }

    enum ShutdownAction {
        /// Fail these waiters, close these idle connections; `done` when nothing is leased.
        case shutdown(failWaiters: [Waiter], closeIdle: [Connection], done: Bool)
        case alreadyDone
    }

    let maximumConnections: Int
    private(set) var idle: [IdleConnection] = []
    private(set) var leased = 0
    private(set) var connecting = 0
    private(set) var waiters: [(id: Int, waiter: Waiter)] = []
    private var nextWaiterID = 0
    private(set) var isShuttingDown = false
    private var shutdownWaiters: [Waiter] = []

    init(maximumConnections: Int) {
        precondition(maximumConnections > 0, "a pool needs at least one connection")
        self.maximumConnections = maximumConnections
    }

    var total: Int { idle.count + leased + connecting }

    /// First attempt: an idle connection, else a new one if below the maximum, else `.wait`.
    mutating func acquire(now: ContinuousClock.Instant) -> AcquireAction {
        if isShuttingDown { return .fail(Self.closedError) }
        if let entry = idle.popLast() {
            leased += 1
            return .use(entry.connection, idleFor: entry.since.duration(to: now))
        }
        if total < maximumConnections {
            connecting += 1
            return .connect
        }
        return .wait
    }

    /// Second attempt, enqueuing `waiter` if still nothing is free.
    mutating func wait(_ waiter: Waiter, now: ContinuousClock.Instant) -> WaitAction {
        switch acquire(now: now) {
        case .use(let connection, let idleFor): return .use(connection, idleFor: idleFor)
        case .connect: return .connect
        case .fail(let error): return .fail(error)
        case .wait:
            nextWaiterID += 1
            waiters.append((nextWaiterID, waiter))
            return .enqueued(id: nextWaiterID)
        }
    }

    /// A waiter gave up (timeout, cancellation); returns it if it was still waiting.
    mutating func removeWaiter(id: Int) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).waiter
    }

    /// A new connection is ready (it is leased to whoever asked for it).
    mutating func connected() {
        connecting -= 1
        leased += 1
    }

    /// Opening a connection failed: the slot is free again; a waiter may try in its place.
    mutating func connectFailed() -> Waiter? {
        connecting -= 1
        if isShuttingDown || waiters.isEmpty { return nil }
        connecting += 1
        return waiters.removeFirst().waiter
    }

    /// A leased connection comes back; `reusable` is false when it broke or is mid-transaction.
    mutating func release(_ connection: Connection, reusable: Bool, now: ContinuousClock.Instant) -> ReleaseAction {
        leased -= 1
        if isShuttingDown {
            if leased == 0 && connecting == 0 {
                let finished = shutdownWaiters
                shutdownWaiters = []
                return .closeAndFinishShutdown(connection, finished)
            }
            return .close(connection, connectFor: nil)
        }
        if !reusable {
            guard !waiters.isEmpty else { return .close(connection, connectFor: nil) }
            connecting += 1
            return .close(connection, connectFor: waiters.removeFirst().waiter)
        }
        if !waiters.isEmpty {
            leased += 1
            return .handOver(waiters.removeFirst().waiter, connection)
        }
        idle.append(IdleConnection(connection: connection, since: now))
        return .parked
    }

    /// A connection handed out as idle turned out broken (failed health check): forget it.
    mutating func discardLeased() -> Waiter? {
        leased -= 1
        if isShuttingDown || waiters.isEmpty { return nil }
        connecting += 1
        return waiters.removeFirst().waiter
    }

    /// Stops handing out connections; `caller` is resumed once every leased connection came back.
    mutating func shutdown(_ caller: Waiter) -> ShutdownAction {
        let failing = waiters.map(\.waiter)
        waiters = []
        let idleConnections = idle.map(\.connection)
        idle = []
        let wasShuttingDown = isShuttingDown
        isShuttingDown = true
        if leased == 0 && connecting == 0 {
            return wasShuttingDown && failing.isEmpty && idleConnections.isEmpty
                ? .alreadyDone : .shutdown(failWaiters: failing, closeIdle: idleConnections, done: true)
        }
        shutdownWaiters.append(caller)
        return .shutdown(failWaiters: failing, closeIdle: idleConnections, done: false)
    }

    /// When shutting down and nothing is leased or opening any more: the shutdown callers to resume.
    mutating func finishShutdownIfDrained() -> [Waiter] {
        guard isShuttingDown, leased == 0, connecting == 0 else { return [] }
        defer { shutdownWaiters = [] }
        return shutdownWaiters
    }

    static var closedError: PostgresError {
        PostgresError(code: .poolClosed, message: "the connection pool is shut down")
    }
}
