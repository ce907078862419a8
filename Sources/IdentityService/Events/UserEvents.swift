import EventKit
import Postgres

/// The events Identity produces, appended in the transaction that changes the user.
enum UserEvents {
    static let created = "identity.user.created"
    static let updated = "identity.user.updated"
    static let deleted = "identity.user.deleted"

    static let outbox = Outbox()

    /// Appends `type` for `user` (whose `version` is already the new one).
    static func append(_ type: String, _ user: User, on transaction: PostgresTransaction) async throws {
        try await outbox.append(try event(type, UserEventPayload(user)), on: transaction)
    }

    /// The event `type` carrying `payload` (whose `version` is the user's new one).
    static func event(_ type: String, _ payload: UserEventPayload) throws -> OutboxEvent {
        try OutboxEvent(type: type, aggregateType: "user", aggregateID: payload.id, version: payload.version, payload: payload)
    }

    /// The `user` snapshot consumers resync from: the same payload as the events, deleted users as tombstones.
    static let snapshot = SnapshotSource(aggregateType: "user") { after, limit in
        """
        SELECT id::text AS aggregate_id, version,
               jsonb_build_object('id', id::text, 'email', email, 'firstName', first_name, 'lastName', last_name,
                                  'name', first_name || ' ' || last_name, 'role', role, 'status', status,
                                  'version', version) AS payload,
               status = 'DELETED' AS deleted
        FROM users WHERE \(after)::uuid IS NULL OR id > \(after)::uuid
        ORDER BY id LIMIT \(limit)
        """
    }
}
