/// Anything statements can run on: a pool, a connection, or a transaction. Repository code takes a
/// `PostgresClient` so the same function works inside and outside a transaction.
///
/// ```swift
/// func insertUser(_ user: User, on db: some PostgresClient) async throws {
///     try await db.query("INSERT INTO users (id, email) VALUES (\(user.id), \(user.email))")
/// }
/// ```
public protocol PostgresClient: Sendable {
    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRows
    /// Runs several statements in one round trip; one result per statement.
    func pipeline(_ queries: [PostgresQuery]) async throws -> [Result<PostgresRows, PostgresError>]
}

extension PostgresConnection: PostgresClient {}
