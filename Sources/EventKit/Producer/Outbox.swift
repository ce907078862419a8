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

    /// Runs `statements`, then appends `events`, in ONE transaction sent as one pipeline
    /// (`BEGIN`, the statements, the events, `COMMIT`): a single round trip. Returns the rows of
    /// each statement; throws the first failing statement's error (everything is rolled back).
    ///
    /// Prefer it to ``append(_:on:)`` inside `pool.transaction { … }` whenever the write needs no
    /// answer before it commits. The transaction then holds its id only while the server runs
    /// it, never across round trips to this process — and the feed serves an event only once
    /// every transaction that got its id earlier has ended, so one slow transaction delays the
    /// events of all the others.
    ///
    /// ```swift
    /// let rows = try await outbox.commit([
    ///     "INSERT INTO users (id, email, version) VALUES (\(id), \(email), 1) RETURNING created_at",
    /// ], events: [created], on: pool)
    /// ```
    public func commit(_ statements: [PostgresQuery], events: [OutboxEvent], on pool: PostgresPool) async throws -> [PostgresRows] {
        var queries: [PostgresQuery] = ["BEGIN"]
        queries.reserveCapacity(statements.count + events.count + 2)
        queries.append(contentsOf: statements)
        for event in events { queries.append(try query(for: event)) }
        queries.append("COMMIT")
        let results = try await pool.pipeline(queries)
        if let (_, error) = results.firstFailure { throw error }
        try results.checkCommitted()
        return try results[1..<1 + statements.count].map { try $0.get() }
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
