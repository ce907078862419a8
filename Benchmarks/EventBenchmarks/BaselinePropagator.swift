import Foundation
import Postgres

/// The baseline: the smallest hand-written NOTIFY-driven propagation. Each notification carries
/// a user id; the propagator commits one INSERT of it into the other database and records when.
struct BaselinePropagator: Sendable {
    let pool: PostgresPool
    let applied: Locked<[UUID: ContinuousClock.Instant]>

    func run(_ notifications: AsyncStream<PostgresListenerEvent>) async throws {
        for await event in notifications {
            guard case .notification(let note) = event, let id = UUID(uuidString: note.payload) else { continue }
            try await pool.transaction { transaction in
                _ = try await transaction.query("INSERT INTO baseline_refs (user_id) VALUES (\(id))")
            }
            let now = ContinuousClock.now
            applied.withLock { $0[id] = now }
        }
    }
}
