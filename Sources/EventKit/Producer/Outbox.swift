import Postgres

/// Appends events to the producer's outbox inside the caller's transaction — the same one that
/// makes the domain change — and wakes the feed with `pg_notify` (delivered at commit, dropped on
/// rollback, so the event exists exactly when the change does).
///
/// ```swift
/// let outbox = Outbox()
/// try await pool.transaction { tx in
///     try await tx.query("UPDATE users SET name = \(name), version = version + 1 WHERE id = \(id)")
///     try await outbox.append(try OutboxEvent(type: "identity.user.updated", aggregateType: "user",
///                                             aggregateID: id.uuidString, version: newVersion, payload: user), on: tx)
/// }
/// ```
///
/// Each row gets `txid = pg_current_xact_id()` (the top-level transaction, also inside
/// savepoints) and a `position` from a sequence; the feed orders by both (see ``EventFeed``).
public struct Outbox: Sendable {
    /// The NOTIFY channel the feed listens on.
    public let channel: String
    private let insert: String

    /// - Parameter channel: must match the feed's ``EventConfiguration/notifyChannel``.
    public init(channel: String = EventConfiguration.defaultNotifyChannel) {
        self.channel = channel
        self.insert = """
            WITH inserted AS (
                INSERT INTO event_outbox (event_id, aggregate_type, aggregate_id, version, type, payload)
                VALUES ($1, $2, $3, $4, $5, $6) RETURNING position
            )
            SELECT position, pg_notify(\(PostgresQuoting.literal(channel)), '') FROM inserted
            """
    }

    /// Appends one event; returns its outbox position.
    @discardableResult
    public func append(_ event: OutboxEvent, on transaction: PostgresTransaction) async throws -> Int64 {
        let rows = try await transaction.query(query(for: event))
        return try rows[0].decode(Int64.self, at: 0)
    }

    /// Appends several events in one round trip, in order; returns their positions.
    @discardableResult
    public func append(_ events: [OutboxEvent], on transaction: PostgresTransaction) async throws -> [Int64] {
        let results = try await transaction.pipeline(try events.map(query(for:)))
        return try results.map { try $0.get()[0].decode(Int64.self, at: 0) }
    }

    private func query(for event: OutboxEvent) throws -> PostgresQuery {
        var bindings = PostgresBindings()
        try bindings.append(event.id)
        try bindings.append(event.aggregateType)
        try bindings.append(event.aggregateID)
        try bindings.append(event.version)
        try bindings.append(event.type)
        try bindings.append(event.payload)
        return PostgresQuery(sql: insert, bindings: bindings)
    }
}
