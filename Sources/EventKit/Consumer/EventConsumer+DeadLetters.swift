import Foundation
import Postgres

extension EventConsumer {
    /// A poison event kept for inspection and replay.
    public struct DeadLetter: Sendable, Hashable {
        public var id: Int64
        public var event: ConsumedEvent
        public var error: String
        public var attempts: Int
        public var failedAt: Date
        /// Set once a replay applied it.
        public var replayedAt: Date?
    }

    /// What a replay did.
    public struct ReplayReport: Sendable, Hashable {
        /// Applied now (and marked replayed).
        public var replayed: Int
        /// Failed again (error and attempts updated; still pending).
        public var failed: Int
    }

    /// This consumer's dead letters from this producer, oldest first.
    public func deadLetters(includeReplayed: Bool = false) async throws -> [DeadLetter] {
        let rows = try await pool.query("""
            SELECT id, event_id, event_type, aggregate_type, aggregate_id, version, payload, event_created_at,
                   error, attempts, failed_at, replayed_at
            FROM event_dead_letters
            WHERE consumer = \(name) AND producer = \(producer.name) AND (\(includeReplayed) OR replayed_at IS NULL)
            ORDER BY id
            """)
        return try rows.map { row in
            DeadLetter(
                id: try row.decode(Int64.self, at: 0),
                event: ConsumedEvent(
                    id: try row.decode(UUID.self, at: 1), type: try row.decode(String.self, at: 2),
                    aggregateType: try row.decode(String.self, at: 3), aggregateID: try row.decode(String.self, at: 4),
                    version: try row.decode(Int64.self, at: 5), payload: try row.decodeJSON(JSONValue.self, "payload"),
                    createdAt: try row.decode(Date.self, at: 7), position: 0),
                error: try row.decode(String.self, at: 8), attempts: try row.decode(Int.self, at: 9),
                failedAt: try row.decode(Date.self, at: 10), replayedAt: try row.decode(Date?.self, at: 11))
        }
    }

    /// Re-applies pending dead letters (all, or those with the given ids), each in its own
    /// transaction that locks the dead letter, runs the handlers in a savepoint and marks it
    /// replayed — so two concurrent replays cannot apply one event twice, and a replay that fails
    /// again leaves it pending with the new error. Version guards make replaying an event older
    /// than the reference row harmless.
    ///
    /// ```swift
    /// let report = try await consumer.replayDeadLetters()        // after deploying the fix
    /// ```
    @discardableResult
    public func replayDeadLetters(ids: [Int64]? = nil) async throws -> ReplayReport {
        let pending = try await deadLetters().filter { ids?.contains($0.id) ?? true }
        var report = ReplayReport(replayed: 0, failed: 0)
        for letter in pending {
            try Task.checkCancellation()
            let replayed = try await pool.transaction { transaction -> Bool in
                let locked = try await transaction.query(
                    "SELECT 1 FROM event_dead_letters WHERE id = \(letter.id) AND replayed_at IS NULL FOR UPDATE")
                guard !locked.isEmpty else { return false }
                do {
                    let eventHandlers = handlers.entries(for: letter.event.type)
                    guard !eventHandlers.isEmpty else {
                        throw EventPayloadError(message: "no handler is registered for \(letter.event.type)")
                    }
                    try await transaction.transaction { savepoint in
                        for handler in eventHandlers { try await handler.apply(letter.event, on: savepoint) }
                    }
                    try await transaction.query("UPDATE event_dead_letters SET replayed_at = now() WHERE id = \(letter.id)")
                    return true
                } catch {
                    let kind = FailureKind(error)
                    if kind == .transient || kind == .cancelled { throw error }
                    try await transaction.query("""
                        UPDATE event_dead_letters SET error = \(String(describing: error)), attempts = attempts + 1, failed_at = now()
                        WHERE id = \(letter.id)
                        """)
                    report.failed += 1
                    return false
                }
            }
            if replayed { report.replayed += 1 }
        }
        if report.replayed > 0 || report.failed > 0 {
            logger.info("dead letters replayed", metadata: ["events.replayed": "\(report.replayed)", "events.failed": "\(report.failed)"])
        }
        return report
    }
}
