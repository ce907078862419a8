import Foundation
import Postgres

extension EventConsumer {
    /// Applies one page in one transaction (see the type's documentation): in one round trip
    /// when every event has only statement handlers (``applyPipelined(_:cursor:expectedCursor:)``),
    /// else with a savepoint per event. Returns nil when the
    /// stored cursor is no longer the one the page was read after (another instance or a resync
    /// moved it): nothing is applied and the next cycle reads from the stored cursor.
    func apply(_ page: FeedClient.Page, expectedCursor: String) async throws -> BatchReport? {
        let events = try page.events.map { wire -> ConsumedEvent in
            guard let createdAt = EventTimestamp.parse(wire.createdAt) else {
                throw EventFeedError(code: "invalid_response", status: 502, message: "event \(wire.eventId) has createdAt \"\(wire.createdAt)\"")
            }
            return ConsumedEvent(id: wire.eventId, type: wire.type, aggregateType: wire.aggregateType, aggregateID: wire.aggregateId,
                                 version: wire.version, payload: wire.payload, createdAt: createdAt, position: wire.position)
        }
        if events.isEmpty && page.cursor == expectedCursor {
            recordLag(page)
            return nil
        }
        let started = ContinuousClock.now
        let outcome: BatchReport?
        switch try await applyPipelined(events, cursor: page.cursor, expectedCursor: expectedCursor) {
        case .committed(let report):
            outcome = report
            metrics.pipelinedBatches.increment()
        case .cursorMoved:
            outcome = nil
        case .needsSavepoints:
            outcome = try await applyWithSavepoints(events, cursor: page.cursor, expectedCursor: expectedCursor)
            if outcome != nil { metrics.savepointBatches.increment() }
        }
        guard let report = outcome else { return nil }
        remember(cursor: report.cursor)
        recordLag(page)
        metrics.batchDuration.recordNanoseconds(started.duration(to: .now).nanosecondsClamped)
        metrics.applied.increment(by: report.applied)
        metrics.duplicates.increment(by: report.duplicates)
        metrics.unhandled.increment(by: report.unhandled)
        metrics.deadLettered.increment(by: report.deadLettered)
        if report.deadLettered > 0 {
            logger.error("events dead-lettered; replay them once the cause is fixed", metadata: ["events.dead_lettered": "\(report.deadLettered)"])
        }
        batchCommitted(report)
        return report
    }

    /// The general way: one transaction with a savepoint per event, so a failing event is retried
    /// and dead-lettered alone. Returns nil when the stored cursor is not `expectedCursor`.
    private func applyWithSavepoints(_ events: [ConsumedEvent], cursor: String, expectedCursor: String) async throws -> BatchReport? {
        try await pool.transaction { transaction -> BatchReport? in
            let ids = events.map(\.id)
            let before = try await transaction.pipeline([
                "SELECT cursor FROM event_consumer_cursors WHERE consumer = \(name) AND producer = \(producer.name) FOR UPDATE",
                "SELECT event_id FROM event_processed WHERE consumer = \(name) AND producer = \(producer.name) AND event_id = ANY(\(ids))",
            ])
            let cursorRows = try before[0].get()
            let stored = cursorRows.isEmpty ? "" : try cursorRows[0].decode(String.self, at: 0)
            guard stored == expectedCursor else {
                remember(cursor: stored)
                return nil
            }
            let processed = Set(try before[1].get().map { try $0.decode(UUID.self, at: 0) })
            var report = BatchReport(events: events, applied: 0, duplicates: 0, unhandled: 0, deadLettered: 0, cursor: cursor)
            for event in events {
                try Task.checkCancellation()
                if processed.contains(event.id) {
                    report.duplicates += 1
                    continue
                }
                let eventHandlers = handlers.entries(for: event.type)
                if eventHandlers.isEmpty {
                    report.unhandled += 1
                    continue
                }
                if let (error, attempts) = try await applyWithRetries(event, eventHandlers, on: transaction) {
                    try await deadLetter(event, error: error, attempts: attempts, on: transaction)
                    report.deadLettered += 1
                } else {
                    report.applied += 1
                }
            }
            try Task.checkCancellation()
            let newIDs = ids.filter { !processed.contains($0) }
            let after = try await transaction.pipeline([
                """
                INSERT INTO event_processed (consumer, producer, event_id)
                SELECT \(name), \(producer.name), unnest(\(newIDs)::uuid[]) ON CONFLICT DO NOTHING
                """,
                """
                UPDATE event_consumer_cursors SET cursor = \(cursor), updated_at = now()
                WHERE consumer = \(name) AND producer = \(producer.name)
                """,
            ])
            for result in after { _ = try result.get() }
            return report
        }
    }

    /// Runs the event's handlers in a savepoint, again after a non-transient failure up to the
    /// configured attempts. Returns the last error and the attempts when the event is poison;
    /// throws transient errors and cancellation (the whole batch rolls back).
    private func applyWithRetries(
        _ event: ConsumedEvent, _ eventHandlers: [EventHandlers.Entry], on transaction: PostgresTransaction
    ) async throws -> (any Error, Int)? {
        var attempts = 0
        while true {
            attempts += 1
            do {
                try await transaction.transaction { savepoint in
                    for handler in eventHandlers { try await handler.apply(event, on: savepoint) }
                }
                return nil
            } catch {
                switch FailureKind(error) {
                case .transient, .cancelled:
                    throw error
                case .poison:
                    return (error, attempts)
                case .permanent:
                    logger.warning("event handler failed", metadata: [
                        "error": "\(error)", "events.event_id": "\(event.id)", "events.type": "\(event.type)", "events.attempt": "\(attempts)",
                    ])
                    if attempts >= configuration.handlerAttempts { return (error, attempts) }
                }
            }
        }
    }

    private func deadLetter(_ event: ConsumedEvent, error: any Error, attempts: Int, on transaction: PostgresTransaction) async throws {
        logger.error("event dead-lettered", metadata: [
            "error": "\(error)", "events.event_id": "\(event.id)", "events.type": "\(event.type)", "events.attempts": "\(attempts)",
        ])
        let payload = try event.payloadJSON()
        let message = String(describing: error)
        try await transaction.query("""
            INSERT INTO event_dead_letters (consumer, producer, event_id, event_type, aggregate_type, aggregate_id, version,
                                            payload, event_created_at, error, attempts)
            VALUES (\(name), \(producer.name), \(event.id), \(event.type), \(event.aggregateType), \(event.aggregateID), \(event.version),
                    \(payload), \(event.createdAt), \(message), \(attempts))
            ON CONFLICT (consumer, producer, event_id) DO UPDATE
            SET error = excluded.error, attempts = event_dead_letters.attempts + excluded.attempts,
                failed_at = now(), replayed_at = NULL
            """)
    }
}
