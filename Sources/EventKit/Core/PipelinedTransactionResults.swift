import Postgres

/// Reading the results of a transaction sent as one pipeline (`BEGIN`, statements, `COMMIT`).
extension Array where Element == Result<PostgresRows, PostgresError> {
    /// The first failed query and its error. After a failure every later statement fails too
    /// ("current transaction is aborted") and `COMMIT` answers `ROLLBACK`: this one is the cause.
    var firstFailure: (index: Int, error: PostgresError)? {
        for (index, result) in enumerated() {
            if case .failure(let error) = result { return (index, error) }
        }
        return nil
    }

    /// Throws unless the last query, `COMMIT`, committed.
    func checkCommitted() throws {
        guard try self[count - 1].get().commandTag == "COMMIT" else {
            throw PostgresError(code: .server, message: "the transaction was rolled back at COMMIT",
                                sqlState: PostgresError.SQLState.inFailedTransaction)
        }
    }
}
