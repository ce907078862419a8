import Foundation
import Postgres

extension EventConsumer {
    /// What ``applyPipelined(_:cursor:expectedCursor:)`` did.
    enum PipelinedOutcome {
        /// The batch, its processed ids and its cursor are committed.
        case committed(BatchReport)
        /// The stored cursor is not the one the page was read after: nothing was applied.
        case cursorMoved
        /// Nothing was applied; apply the batch the general way (a savepoint per event): an event
        /// has a Swift handler, or a statement could not be built or failed for a reason that is
        /// not transient (that event is then retried and dead-lettered alone).
        case needsSavepoints
    }

    /// Applies a batch whose events all have statement handlers, with the guarantees of the
    /// general path. Usually in ONE round trip: `BEGIN`, `event_consumer_claim` (locks the cursor
    /// row, checks it, records the ids, stores the new cursor — see ``ConsumerSchema``), the
    /// handlers' statements, `COMMIT`, as one pipeline; if anything fails, everything after it
    /// fails too and `COMMIT` rolls the whole batch back. If the batch holds events processed
    /// before, in two: see ``applySkippingDuplicates(_:_:_:cursor:expectedCursor:)``.
    func applyPipelined(_ events: [ConsumedEvent], cursor: String, expectedCursor: String) async throws -> PipelinedOutcome {
        var queries: [PostgresQuery] = [
            "BEGIN ISOLATION LEVEL READ COMMITTED",
            "SELECT event_consumer_claim(\(name), \(producer.name), \(expectedCursor), \(cursor), \(events.map(\.id))::uuid[])",
        ]
        queries.reserveCapacity(events.count + 3)
        // Where each event's statements are in `queries` (empty when it has no handler).
        var statementsOfEvent: [Range<Int>] = []
        statementsOfEvent.reserveCapacity(events.count)
        var report = BatchReport(events: events, applied: 0, duplicates: 0, unhandled: 0, deadLettered: 0, cursor: cursor)
        do {
            for event in events {
                let first = queries.count
                for entry in handlers.entries(for: event.type) {
                    guard case .statement(let statement) = entry else { return .needsSavepoints }
                    queries.append(try statement(event))
                }
                statementsOfEvent.append(first..<queries.count)
                if queries.count == first { report.unhandled += 1 } else { report.applied += 1 }
            }
        } catch {
            return .needsSavepoints
        }
        queries.append("COMMIT")
        try Task.checkCancellation()
        let results = try await pool.pipeline(queries)
        if let (failed, error) = results.firstFailure {
            switch (failed, error.sqlState) {
            case (1, .some(Self.cursorMovedState)):
                let rows = try await pool.query(
                    "SELECT cursor FROM event_consumer_cursors WHERE consumer = \(name) AND producer = \(producer.name)")
                remember(cursor: rows.isEmpty ? "" : try rows[0].decode(String.self, at: 0))
                return .cursorMoved
            case (1, .some(Self.alreadyProcessedState)):
                return try await applySkippingDuplicates(events, queries, statementsOfEvent, cursor: cursor, expectedCursor: expectedCursor)
            case (2..<(results.count - 1), _) where FailureKind(error) != .transient:
                logger.debug("a statement of the batch failed; applying it with a savepoint per event", metadata: ["error": "\(error)"])
                return .needsSavepoints
            default:
                throw error
            }
        }
        try results.checkCommitted()
        return .committed(report)
    }

    /// `event_consumer_claim`'s SQLSTATE when the stored cursor is not the expected one…
    static let cursorMovedState = "EK001"
    /// …and when an event of the batch was processed before.
    static let alreadyProcessedState = "EK002"

    /// A batch with events processed before, in two round trips on one connection:
    /// 1. `BEGIN`, lock the cursor row (`FOR UPDATE`), read which of the ids were processed;
    /// 2. the statements of the new events (taken from `batch`, where `statementsOfEvent` locates
    ///    them), their processed ids, the new cursor, `COMMIT`.
    private func applySkippingDuplicates(
        _ events: [ConsumedEvent], _ batch: [PostgresQuery], _ statementsOfEvent: [Range<Int>], cursor: String, expectedCursor: String
    ) async throws -> PipelinedOutcome {
        let ids = events.map(\.id)
        return try await pool.withConnection { connection in
            var inTransaction = false
            do {
                let before = try await connection.pipeline([
                    "BEGIN ISOLATION LEVEL READ COMMITTED",
                    "SELECT cursor FROM event_consumer_cursors WHERE consumer = \(name) AND producer = \(producer.name) FOR UPDATE",
                    "SELECT event_id FROM event_processed WHERE consumer = \(name) AND producer = \(producer.name) AND event_id = ANY(\(ids))",
                ])
                _ = try before[0].get()
                inTransaction = true
                let cursorRows = try before[1].get()
                let stored = cursorRows.isEmpty ? "" : try cursorRows[0].decode(String.self, at: 0)
                let processed = Set(try before[2].get().map { try $0.decode(UUID.self, at: 0) })
                guard stored == expectedCursor else {
                    try await connection.query("ROLLBACK")
                    inTransaction = false
                    remember(cursor: stored)
                    return .cursorMoved
                }

                var report = BatchReport(events: events, applied: 0, duplicates: 0, unhandled: 0, deadLettered: 0, cursor: cursor)
                var queries: [PostgresQuery] = []
                queries.reserveCapacity(events.count + 3)
                var newIDs: [UUID] = []
                for (event, statements) in zip(events, statementsOfEvent) {
                    if processed.contains(event.id) {
                        report.duplicates += 1
                        continue
                    }
                    newIDs.append(event.id)
                    if statements.isEmpty {
                        report.unhandled += 1
                        continue
                    }
                    queries.append(contentsOf: batch[statements])
                    report.applied += 1
                }
                let handlerStatements = queries.count
                queries.append("""
                    INSERT INTO event_processed (consumer, producer, event_id)
                    SELECT \(name), \(producer.name), unnest(\(newIDs)::uuid[]) ON CONFLICT DO NOTHING
                    """)
                queries.append("""
                    UPDATE event_consumer_cursors SET cursor = \(cursor), updated_at = now()
                    WHERE consumer = \(name) AND producer = \(producer.name)
                    """)
                queries.append("COMMIT")
                try Task.checkCancellation()
                let results = try await connection.pipeline(queries)
                inTransaction = false
                if let (failed, error) = results.firstFailure {
                    // A handler statement failed (COMMIT rolled everything back): unless the
                    // database itself is the problem, find and isolate the event the general way.
                    if failed < handlerStatements && FailureKind(error) != .transient {
                        logger.debug("a statement of the batch failed; applying it with a savepoint per event",
                                     metadata: ["error": "\(error)"])
                        return .needsSavepoints
                    }
                    throw error
                }
                try results.checkCommitted()
                return .committed(report)
            } catch {
                if inTransaction && !connection.isClosed { _ = try? await connection.query("ROLLBACK") }
                throw error
            }
        }
    }
}
