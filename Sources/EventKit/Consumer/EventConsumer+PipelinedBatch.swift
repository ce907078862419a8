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

    /// Applies a batch whose events all have statement handlers in two round trips on one
    /// connection, with the guarantees of the general path:
    /// 1. `BEGIN`, lock the cursor row (`FOR UPDATE`), read which of the ids were processed;
    /// 2. the statements of the new events, their processed ids, the new cursor, `COMMIT` — one
    ///    pipeline; if a statement fails, everything after it fails too and `COMMIT` rolls the
    ///    whole batch back.
    func applyPipelined(_ events: [ConsumedEvent], cursor: String, expectedCursor: String) async throws -> PipelinedOutcome {
        var plans: [[EventHandlers.Statement]] = []
        plans.reserveCapacity(events.count)
        for event in events {
            guard let statements = handlers.statements(for: event.type) else { return .needsSavepoints }
            plans.append(statements)
        }
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
                for (event, statements) in zip(events, plans) {
                    if processed.contains(event.id) {
                        report.duplicates += 1
                        continue
                    }
                    newIDs.append(event.id)
                    if statements.isEmpty {
                        report.unhandled += 1
                        continue
                    }
                    do {
                        for statement in statements { queries.append(try statement(event)) }
                    } catch {
                        try await connection.query("ROLLBACK")
                        inTransaction = false
                        return .needsSavepoints
                    }
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
                if let failed = results.firstIndex(where: { if case .failure = $0 { true } else { false } }) {
                    guard case .failure(let error) = results[failed] else { preconditionFailure() }
                    // A handler statement failed (COMMIT rolled everything back): unless the
                    // database itself is the problem, find and isolate the event the general way.
                    if failed < handlerStatements && FailureKind(error) != .transient {
                        logger.debug("a statement of the batch failed; applying it with a savepoint per event",
                                     metadata: ["error": "\(error)"])
                        return .needsSavepoints
                    }
                    throw error
                }
                guard try results[results.count - 1].get().commandTag == "COMMIT" else {
                    throw PostgresError(code: .server, message: "the batch transaction was rolled back at COMMIT",
                                        sqlState: PostgresError.SQLState.inFailedTransaction)
                }
                return .committed(report)
            } catch {
                if inTransaction && !connection.isClosed { _ = try? await connection.query("ROLLBACK") }
                throw error
            }
        }
    }
}
