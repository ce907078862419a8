import Synchronization

/// A transaction in progress on one connection. Statements run on it see its changes; nested
/// `transaction` calls become savepoints. It stops working once its block returns.
///
/// ```swift
/// try await pool.transaction(isolation: .serializable) { tx in
///     let rows = try await tx.query("SELECT balance FROM wallets WHERE id = \(id) FOR UPDATE")
///     try await tx.transaction { savepoint in            // SAVEPOINT; rolled back alone if it throws
///         try await savepoint.query("INSERT INTO audit (wallet_id) VALUES (\(id))")
///     }
/// }
/// ```
public final class PostgresTransaction: PostgresClient, Sendable {
    public let connection: PostgresConnection
    /// 0 for the outer transaction, 1 for its first savepoint level, …
    public let depth: Int
    private let active = Atomic<Bool>(true)

    init(connection: PostgresConnection, depth: Int) {
        self.connection = connection
        self.depth = depth
    }

    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try checkActive()
        return try await connection.query(query)
    }

    public func pipeline(_ queries: [PostgresQuery]) async throws -> [Result<PostgresRows, PostgresError>] {
        try checkActive()
        return try await connection.pipeline(queries)
    }

    /// A nested block under a savepoint: released on return, rolled back to on throw (the outer
    /// transaction continues either way; the error is rethrown).
    public func transaction<R>(_ body: (PostgresTransaction) async throws -> R) async throws -> R {
        try checkActive()
        let name = "sp_\(depth + 1)"
        _ = try await connection.query(PostgresQuery(sql: "SAVEPOINT \(name)"))
        let nested = PostgresTransaction(connection: connection, depth: depth + 1)
        do {
            let result = try await body(nested)
            nested.finish()
            _ = try await connection.query(PostgresQuery(sql: "RELEASE SAVEPOINT \(name)"))
            return result
        } catch {
            nested.finish()
            if !connection.isClosed {
                _ = try? await connection.query(PostgresQuery(sql: "ROLLBACK TO SAVEPOINT \(name)"))
            }
            throw error
        }
    }

    func finish() {
        active.store(false, ordering: .releasing)
    }

    private func checkActive() throws {
        guard active.load(ordering: .acquiring) else {
            throw PostgresError(
                code: .transactionFinished,
                message: "this transaction (or savepoint) has already ended; use the handle only inside its block")
        }
    }
}

extension PostgresConnection {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<R>(
        isolation: IsolationLevel = .readCommitted, readOnly: Bool = false,
        _ body: (PostgresTransaction) async throws -> R
    ) async throws -> R {
        let begin = "BEGIN ISOLATION LEVEL \(isolation.rawValue)" + (readOnly ? " READ ONLY" : "")
        _ = try await query(PostgresQuery(sql: begin))
        let transaction = PostgresTransaction(connection: self, depth: 0)
        let result: R
        do {
            result = try await body(transaction)
        } catch {
            transaction.finish()
            if !isClosed { _ = try? await query("ROLLBACK") }
            throw error
        }
        transaction.finish()
        let commit: PostgresRows
        do {
            commit = try await query("COMMIT")
        } catch {
            if !isClosed { _ = try? await query("ROLLBACK") }
            throw error
        }
        // COMMIT of a transaction that had a failed statement rolls back and reports "ROLLBACK".
        guard commit.commandTag != "ROLLBACK" else {
            throw PostgresError(
                code: .server,
                message: "the transaction was rolled back at COMMIT because a statement inside it failed",
                sqlState: PostgresError.SQLState.inFailedTransaction)
        }
        return result
    }
}

extension PostgresPool {
    /// Runs `body` in a transaction on one pooled connection: committed when it returns, rolled back
    /// when it throws. Serialization failures (SQLSTATE 40001) are thrown; retry at the call site.
    public func transaction<R>(
        isolation: IsolationLevel = .readCommitted, readOnly: Bool = false,
        _ body: (PostgresTransaction) async throws -> R
    ) async throws -> R {
        try await withConnection { connection in
            try await connection.transaction(isolation: isolation, readOnly: readOnly, body)
        }
    }
}
