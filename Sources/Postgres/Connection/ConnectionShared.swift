import Synchronization

/// What other threads may read about a connection the I/O thread drives: whether it is closed, its
/// transaction state, and counters. Written only by the I/O thread.
final class ConnectionShared: Sendable {
    enum TransactionState: UInt8 {
        case idle, active, inTransaction, failedTransaction, unknown
    }

    private let closedFlag = Atomic<Bool>(false)
    private let transactionRaw = Atomic<UInt8>(TransactionState.idle.rawValue)
    private let backendPIDValue = Atomic<Int32>(0)
    let roundTrips = Atomic<Int>(0)
    let statementsSent = Atomic<Int>(0)
    let statementsPrepared = Atomic<Int>(0)
    let closeHandlers = Mutex<[@Sendable (PostgresError) -> Void]>([])

    var isClosed: Bool { closedFlag.load(ordering: .acquiring) }

    var transactionState: TransactionState {
        TransactionState(rawValue: transactionRaw.load(ordering: .acquiring)) ?? .unknown
    }

    var backendPID: Int32 { backendPIDValue.load(ordering: .relaxed) }

    func setTransactionState(_ state: TransactionState) {
        transactionRaw.store(state.rawValue, ordering: .releasing)
    }

    func setBackendPID(_ pid: Int32) {
        backendPIDValue.store(pid, ordering: .relaxed)
    }

    /// Marks the connection closed; returns the close handlers to run (once, by the caller).
    func markClosed(_ error: PostgresError) -> [@Sendable (PostgresError) -> Void] {
        guard !closedFlag.exchange(true, ordering: .acquiringAndReleasing) else { return [] }
        return closeHandlers.withLock { handlers in
            defer { handlers.removeAll() }
            return handlers
        }
    }

    /// Runs `handler` when the connection closes (at once if it already has).
    func onClose(_ handler: @escaping @Sendable (PostgresError) -> Void) {
        let runNow = closeHandlers.withLock { handlers -> Bool in
            if isClosed { return true }
            handlers.append(handler)
            return false
        }
        if runNow {
            handler(PostgresError(code: .connectionClosed, message: "connection closed"))
        }
    }
}
