import Postgres

/// What a consumer does with each event type, and how it rebuilds reference tables on resync.
/// Handlers get the batch's local transaction (inside a savepoint of their own): everything they
/// write commits together with the consumer's cursor, or not at all. They must not have effects
/// outside that transaction (no HTTP calls, no e-mails): a batch may be rolled back and retried.
///
/// Event types without a handler are skipped (and recorded as processed).
///
/// A handler that is one SQL statement (``on(_:statement:)``, and ``upsert(_:into:)`` and
/// ``tombstone(_:in:)``) lets the consumer send a whole batch in one round trip instead of four
/// plus three per event: when every event of a batch has only such handlers, their statements go
/// out in one pipeline with the cursor and processed ids and `COMMIT`. If one of them fails, the
/// batch is rolled back and applied again the general way (a savepoint per event), so a failing
/// event is retried and dead-lettered alone.
///
/// ```swift
/// let userRefs = ReferenceTable(name: "user_refs", key: "user_id", columns: ["email", "name", "role"])
/// var handlers = EventHandlers()
/// handlers.upsert("identity.user.created", "identity.user.updated", into: userRefs)
/// handlers.tombstone("identity.user.deleted", in: userRefs)
/// handlers.snapshot(aggregate: "user", into: userRefs)          // for resync
/// handlers.on("identity.user.updated", as: UserPayload.self) { event, user, tx in
///     try await tx.query("UPDATE tutors SET display_name = \(user.name) WHERE user_id = \(event.aggregateID)::uuid")
/// }
/// ```
public struct EventHandlers: Sendable {
    /// Applies one event inside the batch transaction (a savepoint).
    public typealias Handler = @Sendable (_ event: ConsumedEvent, _ transaction: PostgresTransaction) async throws -> Void
    /// The one statement that applies an event (run in the batch transaction; its result is not read).
    public typealias Statement = @Sendable (_ event: ConsumedEvent) throws -> PostgresQuery

    /// One registered handler: Swift code, or a single statement.
    enum Entry: Sendable {
        case code(Handler)
        case statement(Statement)

        /// Runs the handler for `event` in `transaction`.
        func apply(_ event: ConsumedEvent, on transaction: PostgresTransaction) async throws {
            switch self {
            case .code(let handler): try await handler(event, transaction)
            case .statement(let statement): try await transaction.query(try statement(event))
            }
        }
    }
    /// Applies one snapshot item inside a resync page's transaction.
    public typealias SnapshotApplier = @Sendable (_ item: SnapshotItem, _ transaction: PostgresTransaction) async throws -> Void

    /// How one aggregate type is rebuilt from the producer's snapshot.
    struct SnapshotTarget: Sendable {
        var table: ReferenceTable
        var apply: SnapshotApplier
    }

    private(set) var entries: [String: [Entry]] = [:]
    private(set) var snapshotTargets: [String: SnapshotTarget] = [:]

    public init() {}

    /// Runs `handler` for events of these types (several handlers per type run in the order added).
    public mutating func on(_ types: String..., handler: @escaping Handler) {
        for type in types { entries[type, default: []].append(.code(handler)) }
    }

    /// Runs the statement `statement` builds for events of these types. Batches whose events have
    /// only statement handlers are applied in one round trip (see the type's documentation).
    public mutating func on(_ types: String..., statement: @escaping Statement) {
        for type in types { entries[type, default: []].append(.statement(statement)) }
    }

    /// Runs `handler` with the payload decoded as `Payload`; an undecodable payload dead-letters
    /// the event at once.
    public mutating func on<Payload: Decodable & Sendable>(
        _ types: String..., as payload: Payload.Type,
        handler: @escaping @Sendable (_ event: ConsumedEvent, _ payload: Payload, _ transaction: PostgresTransaction) async throws -> Void
    ) {
        for type in types {
            entries[type, default: []].append(.code { event, transaction in
                try await handler(event, try event.decodePayload(Payload.self), transaction)
            })
        }
    }

    /// Version-guarded upsert of the event's payload into `table`.
    public mutating func upsert(_ types: String..., into table: ReferenceTable) {
        for type in types {
            entries[type, default: []].append(.statement { event in
                try table.upsertQuery(key: event.aggregateID, version: event.version, payload: try event.payloadJSON())
            })
        }
    }

    /// Version-guarded tombstone in `table`.
    public mutating func tombstone(_ types: String..., in table: ReferenceTable) {
        for type in types {
            entries[type, default: []].append(.statement { event in
                try table.tombstoneQuery(key: event.aggregateID, version: event.version)
            })
        }
    }

    /// On resync, rebuilds `table` from the producer's snapshot of `aggregate`: each item is
    /// upserted (or tombstoned when the producer lists it as deleted) with the version guard —
    /// or handed to `apply` when given — and local rows the snapshot no longer lists are
    /// tombstoned.
    public mutating func snapshot(aggregate: String, into table: ReferenceTable, apply: SnapshotApplier? = nil) {
        let apply = apply ?? { item, transaction in
            if item.deleted {
                try await table.tombstone(key: item.aggregateID, version: item.version, on: transaction)
            } else {
                try await table.upsert(key: item.aggregateID, version: item.version, payload: item.payload, on: transaction)
            }
        }
        snapshotTargets[aggregate] = SnapshotTarget(table: table, apply: apply)
    }

    /// The handlers of `type` in the order added (empty when it has none).
    func entries(for type: String) -> [Entry] {
        entries[type] ?? []
    }
}
