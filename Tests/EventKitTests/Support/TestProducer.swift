import EventKit
import Foundation
import Postgres

/// The producer side of the tests: a `users` table whose every change appends an outbox event
/// in the same transaction (what Identity will do).
struct TestProducer: Sendable {
    struct UserPayload: Codable, Sendable {
        var email: String
        var name: String
        var role: String
    }

    static let schema = """
        CREATE TABLE users (
            id uuid PRIMARY KEY,
            email text NOT NULL,
            name text NOT NULL,
            role text NOT NULL,
            version bigint NOT NULL
        );
        """

    static let snapshot = SnapshotSource(aggregateType: "user") { after, limit in
        """
        SELECT id::text AS aggregate_id, version, jsonb_build_object('email', email, 'name', name, 'role', role) AS payload
        FROM users WHERE \(after)::uuid IS NULL OR id > \(after)::uuid
        ORDER BY id LIMIT \(limit)
        """
    }

    let pool: PostgresPool
    let outbox = Outbox()

    static func event(_ type: String, id: UUID, version: Int64, user: UserPayload?) throws -> OutboxEvent {
        if let user {
            return try OutboxEvent(type: type, aggregateType: "user", aggregateID: id.uuidString.lowercased(), version: version, payload: user)
        }
        return OutboxEvent(type: type, aggregateType: "user", aggregateID: id.uuidString.lowercased(), version: version,
                           payload: PostgresJSON(text: "{}"))
    }

    @discardableResult
    func createUser(email: String, name: String = "Ada", role: String = "student", in transaction: PostgresTransaction) async throws -> UUID {
        let id = UUID()
        try await transaction.query("INSERT INTO users (id, email, name, role, version) VALUES (\(id), \(email), \(name), \(role), 1)")
        try await outbox.append(try Self.event("identity.user.created", id: id, version: 1,
                                               user: UserPayload(email: email, name: name, role: role)), on: transaction)
        return id
    }

    @discardableResult
    func createUser(email: String, name: String = "Ada", role: String = "student") async throws -> UUID {
        try await pool.transaction { try await createUser(email: email, name: name, role: role, in: $0) }
    }

    func updateUser(_ id: UUID, name: String, in transaction: PostgresTransaction) async throws {
        let rows = try await transaction.query(
            "UPDATE users SET name = \(name), version = version + 1 WHERE id = \(id) RETURNING version, email, role")
        let (version, email, role) = try rows[0].decode((Int64, String, String).self)
        try await outbox.append(try Self.event("identity.user.updated", id: id, version: version,
                                               user: UserPayload(email: email, name: name, role: role)), on: transaction)
    }

    func updateUser(_ id: UUID, name: String) async throws {
        try await pool.transaction { try await updateUser(id, name: name, in: $0) }
    }

    func deleteUser(_ id: UUID) async throws {
        try await pool.transaction { transaction in
            let rows = try await transaction.query("DELETE FROM users WHERE id = \(id) RETURNING version")
            let version = try rows[0].decode(Int64.self, at: 0) + 1
            try await outbox.append(try Self.event("identity.user.deleted", id: id, version: version, user: nil), on: transaction)
        }
    }

    /// Every outbox event id.
    func eventIDs() async throws -> [UUID] {
        try await pool.query("SELECT event_id FROM event_outbox ORDER BY position").map { try $0.decode(UUID.self, at: 0) }
    }

    /// The users as (id, email, name, role, version), sorted by id.
    func users() async throws -> [UserRow] {
        try await pool.query("SELECT id, email, name, role, version FROM users ORDER BY id").map(UserRow.init)
    }
}

/// One user as both sides store it.
struct UserRow: Hashable, Sendable, CustomStringConvertible {
    var id: UUID
    var email: String?
    var name: String?
    var role: String?
    var version: Int64

    init(row: PostgresRow) throws {
        (id, email, name, role, version) = try row.decode((UUID, String?, String?, String?, Int64).self)
    }

    var description: String { "\(id.uuidString.prefix(8)) \(email ?? "-") \(name ?? "-") v\(version)" }
}
