import EventKit
import Foundation
import Postgres
import Synchronization

/// The consumer side of the tests: `user_refs` filled by handlers that also count every
/// committed application in `applications` (rolled back with their batch, so the count is the
/// number of effects that really happened).
struct TestConsumer: Sendable {
    static let schema = """
        CREATE TABLE user_refs (
            user_id uuid PRIMARY KEY,
            email text,
            name text,
            role text,
            version bigint NOT NULL,
            deleted boolean NOT NULL DEFAULT false
        );
        CREATE TABLE applications (event_id uuid NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp());
        """

    static let userRefs = ReferenceTable(name: "user_refs", key: "user_id", columns: ["email", "name", "role"])

    /// Switches the tests flip: which e-mails make the handler fail, which block it.
    final class Controls: Sendable {
        struct Poison: Error, CustomStringConvertible {
            var email: String
            var description: String { "handler refuses \(email) (test poison)" }
        }

        let poisoned = Mutex<Set<String>>([])
        let blocking = Mutex<Set<String>>([])
        /// Handler invocations (committed or not).
        let invocations = Atomic<Int>(0)
        /// Set while a handler is blocked.
        let blocked = Atomic<Bool>(false)

        func check(_ event: ConsumedEvent) async throws {
            invocations.add(1, ordering: .relaxed)
            guard let email = event.payload["email"]?.stringValue else { return }
            if poisoned.withLock({ $0.contains(email) }) { throw Poison(email: email) }
            if blocking.withLock({ $0.contains(email) }) {
                blocked.store(true, ordering: .sequentiallyConsistent)
                defer { blocked.store(false, ordering: .sequentiallyConsistent) }
                // Held until the test cancels the consumer (or lets go); bounded either way.
                let deadline = ContinuousClock.now + .seconds(60)
                while blocking.withLock({ $0.contains(email) }) && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(10))
                }
            }
        }
    }

    static func handlers(_ controls: Controls) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on("identity.user.created", "identity.user.updated") { event, transaction in
            try await controls.check(event)
            try await userRefs.upsert(key: event.aggregateID, version: event.version, payload: try event.payloadJSON(), on: transaction)
            try await transaction.query("INSERT INTO applications (event_id) VALUES (\(event.id))")
        }
        handlers.on("identity.user.deleted") { event, transaction in
            try await controls.check(event)
            try await userRefs.tombstone(key: event.aggregateID, version: event.version, on: transaction)
            try await transaction.query("INSERT INTO applications (event_id) VALUES (\(event.id))")
        }
        handlers.snapshot(aggregate: "user", into: userRefs)
        return handlers
    }

    /// The live reference rows, sorted by id.
    static func refs(_ pool: PostgresPool) async throws -> [UserRow] {
        try await pool.query("SELECT user_id, email, name, role, version FROM user_refs WHERE NOT deleted ORDER BY user_id").map(UserRow.init)
    }

    /// How often each event id was applied (committed).
    static func applicationCounts(_ pool: PostgresPool) async throws -> [UUID: Int] {
        let rows = try await pool.query("SELECT event_id, count(*) FROM applications GROUP BY event_id")
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(UUID.self, at: 0), try $0.decode(Int.self, at: 1)) })
    }
}
