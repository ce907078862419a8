import Foundation
import Postgres

/// One read of the outbox for the feed, and the SQL behind it.
///
/// The visibility rule: only rows with `txid < pg_snapshot_xmin(pg_current_snapshot())` are
/// served. Every transaction below the snapshot's `xmin` has finished, so no row can appear later
/// with a smaller `txid` than one already served, and reading in `(txid, position)` order from the
/// cursor never skips anything. (A plain `position > cursor` read would: positions are handed out
/// at insert time, so a slow transaction can commit a lower position after a faster one's higher
/// position was served.)
///
/// Transaction ids and snapshots are cluster-wide, so `xmin` is held back by any open writing
/// transaction in ANY database of the cluster (another service's, a consumer's batch). The feed
/// therefore uses `event_outbox_visibility_bound()` (created by the outbox migration): `xmin`
/// relaxed past the in-progress transactions that `pg_stat_activity` shows connected to other
/// databases — those can never write this outbox. Every later row still has a `txid` at or above
/// the bound in force when the cursor was handed out: a transaction that could write here was
/// either in progress in this database (so at or above the bound) or starts later (at or above
/// the snapshot's `xmax`). A long-running writing transaction in the producer's own database
/// still holds the feed back until it ends; the lag metrics show it.
///
/// A read is ONE statement, so the retention horizon ("is this cursor too old?"), the page and
/// the lag figures come from the same snapshot: a concurrent retention run cannot delete rows
/// between the check and the page. It runs in a READ ONLY transaction whose first statement
/// reads `pg_stat_activity`: PostgreSQL keeps that copy for the rest of the transaction, so the
/// bound function sees backends as they were just BEFORE the page's snapshot was taken, and only
/// transactions that got their id in that instant count as "not proven elsewhere". Both go out as
/// one pipeline (one round trip).
struct OutboxReader: Sendable {
    /// What one read found.
    struct Page: Sendable {
        struct Event: Sendable {
            var position: Int64
            var txid: UInt64
            var eventID: UUID
            var aggregateType: String
            var aggregateID: String
            var version: Int64
            var type: String
            var payload: PostgresJSON
            var createdAt: String
        }

        var events: [Event]
        /// Where to continue (after the last event, or further when nothing visible remains).
        var nextCursor: EventCursor
        /// The newest visible event, if any.
        var head: (cursor: EventCursor, position: Int64, createdAt: String)?
        /// Visible events after this page (counted up to the configured limit).
        var remaining: Int
        var remainingIsLowerBound: Bool
        /// `created_at` of the first event after this page, if any.
        var oldestPendingCreatedAt: String?
        /// Rows exist that are not visible yet (their transaction, or an older one, is still open).
        var invisiblePending: Bool
    }

    /// The cursor is before the retention horizon.
    struct CursorTooOld: Error {
        var horizon: EventCursor
    }

    private static let createdAt = EventTimestamp.sqlExpression("created_at")

    private static func readSQL(filtered: Bool) -> String {
        let unseen = filtered ? " AND NOT pg_visible_in_snapshot(txid, $5::pg_snapshot)" : ""
        return """
            WITH meta AS (
                SELECT h.txid AS horizon_txid, h.position AS horizon_position, event_outbox_visibility_bound() AS bound
                FROM event_outbox_horizon AS h WHERE h.id = 1
            ),
            page AS (
                SELECT position, txid, event_id, aggregate_type, aggregate_id, version, type, payload, \(createdAt) AS created_at
                FROM event_outbox
                WHERE (txid, position) > ($1::xid8, $2::int8) AND txid < (SELECT bound FROM meta)\(unseen)
                ORDER BY txid, position
                LIMIT $3::int8
            ),
            lag AS (
                SELECT
                    (SELECT count(*) FROM (
                        SELECT 1 FROM event_outbox
                        WHERE (txid, position) > ($1::xid8, $2::int8) AND txid < (SELECT bound FROM meta)\(unseen)
                        LIMIT $4::int8) AS counted) AS visible_after,
                    head.txid AS head_txid, head.position AS head_position, head.created_at AS head_created_at,
                    EXISTS (SELECT 1 FROM event_outbox WHERE txid >= (SELECT bound FROM meta)) AS invisible_pending
                FROM (SELECT 1) AS one
                LEFT JOIN LATERAL (
                    SELECT txid, position, \(createdAt) AS created_at FROM event_outbox
                    WHERE txid < (SELECT bound FROM meta) ORDER BY txid DESC, position DESC LIMIT 1
                ) AS head ON true
            )
            SELECT meta.horizon_txid, meta.horizon_position, lag.visible_after, lag.head_txid, lag.head_position,
                   lag.head_created_at, lag.invisible_pending,
                   page.position, page.txid, page.event_id, page.aggregate_type, page.aggregate_id, page.version,
                   page.type, page.payload, page.created_at
            FROM meta CROSS JOIN lag LEFT JOIN page ON true
            ORDER BY page.txid, page.position
            """
    }

    private static let plainRead = readSQL(filtered: false)
    private static let filteredRead = readSQL(filtered: true)

    let lagCountLimit: Int

    /// Reads up to `limit` events after `cursor`.
    func read(after cursor: EventCursor, limit: Int, on pool: PostgresPool) async throws -> Page {
        var bindings = PostgresBindings()
        try bindings.append(String(cursor.txid))
        try bindings.append(cursor.position)
        try bindings.append(limit + 1)
        try bindings.append(limit + 1 + lagCountLimit)
        if let snapshot = cursor.snapshot { try bindings.append(snapshot.pgSnapshotText) }
        let results = try await pool.pipeline([
            "BEGIN READ ONLY",
            "SELECT count(*) FROM pg_stat_activity",
            PostgresQuery(sql: cursor.snapshot == nil ? Self.plainRead : Self.filteredRead, bindings: bindings),
            "COMMIT",
        ])
        for result in results {
            if case .failure(let error) = result { throw error }
        }
        let rows = try results[2].get()
        guard let first = rows.first else {
            throw PostgresError(code: .server, message: "event_outbox_horizon has no row; were the outbox migrations applied?")
        }
        let horizon = EventCursor(
            txid: UInt64(bitPattern: try first.decode(Int64.self, at: 0)),
            position: try first.decode(Int64.self, at: 1))
        guard cursor >= horizon else { throw CursorTooOld(horizon: horizon) }

        var events: [Page.Event] = []
        events.reserveCapacity(min(rows.count, limit))
        var oldestPending: String?
        for row in rows where try !row.isNull("position") {
            if events.count == limit {
                oldestPending = try row.decode(String.self, at: 15)
                break
            }
            events.append(Page.Event(
                position: try row.decode(Int64.self, at: 7),
                txid: UInt64(bitPattern: try row.decode(Int64.self, at: 8)),
                eventID: try row.decode(UUID.self, at: 9),
                aggregateType: try row.decode(String.self, at: 10),
                aggregateID: try row.decode(String.self, at: 11),
                version: try row.decode(Int64.self, at: 12),
                type: try row.decode(String.self, at: 13),
                payload: try row.decode(PostgresJSON.self, at: 14),
                createdAt: try row.decode(String.self, at: 15)))
        }

        let visibleAfterCursor = try first.decode(Int.self, at: 2)
        var head: (cursor: EventCursor, position: Int64, createdAt: String)?
        if let headTxid = try first.decode(Int64?.self, at: 3) {
            let position = try first.decode(Int64.self, at: 4)
            head = (EventCursor(txid: UInt64(bitPattern: headTxid), position: position), position, try first.decode(String.self, at: 5))
        }
        let remaining = max(0, visibleAfterCursor - events.count)
        var next = cursor
        if let last = events.last { next = cursor.advanced(toTxid: last.txid, position: last.position) }
        // Nothing visible is left after this page: every visible row up to the head was handed out
        // (or, after a resync, was already in the snapshot), so the cursor may move up to the head.
        if remaining == 0, let head, head.cursor > next {
            next = next.advanced(toTxid: head.cursor.txid, position: head.cursor.position)
        }
        return Page(
            events: events, nextCursor: next, head: head, remaining: remaining,
            remainingIsLowerBound: visibleAfterCursor >= limit + 1 + lagCountLimit,
            oldestPendingCreatedAt: oldestPending,
            invisiblePending: try first.decode(Bool.self, at: 6))
    }
}
