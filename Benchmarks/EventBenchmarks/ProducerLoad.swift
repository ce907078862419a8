import EventKit
import Foundation
import Postgres
import Synchronization

/// Open-loop load: a new user every 1/rate seconds, each in its own transaction (the domain row
/// and, for EventKit, its outbox row), started on schedule whether or not earlier ones finished.
/// Records when each transaction's COMMIT returned.
struct ProducerLoad {
    struct UserPayload: Codable, Sendable {
        var email: String
        var name: String
        var role: String
    }

    enum Mode: Sendable {
        /// Users + outbox event (what Identity does).
        case outbox(Outbox)
        /// Users + a bare `pg_notify` carrying the id (the baseline's wake-up).
        case notify(channel: String)
    }

    let pool: PostgresPool
    let rate: Int
    let seconds: Int

    /// Runs the load; returns commit times by user id and how many transactions started late.
    func run(_ mode: Mode) async throws -> (commits: [UUID: ContinuousClock.Instant], lateStarts: Int) {
        let total = rate * seconds
        let interval = Duration.seconds(1) / rate
        let commits = Locked<[UUID: ContinuousClock.Instant]>([:])
        let clock = ContinuousClock()
        let start = clock.now + .milliseconds(100)
        var late = 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<total {
                let due = start + interval * index
                if clock.now > due + .milliseconds(5) { late += 1 }
                try await clock.sleep(until: due)
                group.addTask {
                    let id = UUID()
                    let email = "bench\(index)-\(id.uuidString.prefix(8))@example.com"
                    try await pool.transaction { transaction in
                        try await transaction.query(
                            "INSERT INTO users (id, email, name, role, version) VALUES (\(id), \(email), 'Bench User', 'student', 1)")
                        switch mode {
                        case .outbox(let outbox):
                            try await outbox.append(
                                try OutboxEvent(type: "identity.user.created", aggregateType: "user", aggregateID: id.uuidString.lowercased(),
                                                version: 1, payload: UserPayload(email: email, name: "Bench User", role: "student")),
                                on: transaction)
                        case .notify(let channel):
                            try await transaction.query("SELECT pg_notify(\(channel), \(id.uuidString.lowercased()))")
                        }
                    }
                    let committed = clock.now
                    commits.withLock { $0[id] = committed }
                }
            }
            try await group.waitForAll()
        }
        return (commits.withLock { $0 }, late)
    }
}
