import Foundation
import Postgres

/// One read of the outbox for the feed, and the SQL behind it.
///
/// The visibility rule: only rows with `txid < pg_snapshot_xmin(pg_current_snapshot())` are
/// served. Every transaction below the snapshot's `xmin` has finished, so no row can appear later
/// with a smaller `txid` than one already served, and reading in `(txid, position)` order from the
/// cursor never skips anything. (A plain `position > cursor` read would: positions are handed out
/// at insert time, so a slow transaction can commit a lower position after a faster one's higher
/// position was served.) The price is that one long-running writing transaction holds the feed
/// back until it ends; the lag metrics show it.
///
/// All statements of a read run in one REPEATABLE READ, READ ONLY transaction, sent as one
/// pipeline (one round trip): the retention horizon, the page, and the lag figures all come from
/// the same snapshot, so a concurrent retention run can never delete rows between the "is this
/// cursor too old?" check and the page.
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
    private static let visible = "txid < pg_snapshot_xmin(pg_current_snapshot())"

    private static func pageSQL(filtered: Bool) -> String {
        """
        SELECT position, txid, event_id, aggregate_type, aggregate_id, version, type, payload, \(createdAt) AS created_at
        FROM event_outbox
        WHERE (txid, position) > ($1::xid8, $2::int8) AND \(visible)\(filtered ? " AND NOT pg_visible_in_snapshot(txid, $4::pg_snapshot)" : "")
        ORDER BY txid, position
        LIMIT $3::int8
        """
    }

    private static func lagSQL(filtered: Bool) -> String {
        """
        SELECT
            (SELECT count(*) FROM (
                SELECT 1 FROM event_outbox
                WHERE (txid, position) > ($1::xid8, $2::int8) AND \(visible)\(filtered ? " AND NOT pg_visible_in_snapshot(txid, $4::pg_snapshot)" : "")
                LIMIT $3::int8) AS counted) AS visible_after,
            head.txid, head.position, head.created_at,
            EXISTS (SELECT 1 FROM event_outbox WHERE txid >= pg_snapshot_xmin(pg_current_snapshot())) AS invisible_pending
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (
            SELECT txid, position, \(createdAt) AS created_at FROM event_outbox
            WHERE \(visible) ORDER BY txid DESC, position DESC LIMIT 1
        ) AS head ON true
        """
    }

    private static let plainPage = pageSQL(filtered: false)
    private static let filteredPage = pageSQL(filtered: true)
    private static let plainLag = lagSQL(filtered: false)
    private static let filteredLag = lagSQL(filtered: true)

    let lagCountLimit: Int

    /// Reads up to `limit` events after `cursor`.
    func read(after cursor: EventCursor, limit: Int, on pool: PostgresPool) async throws -> Page {
        let filtered = cursor.snapshot != nil
        func bindings(limit: Int) throws -> PostgresBindings {
            var bindings = PostgresBindings()
            try bindings.append(String(cursor.txid))
            try bindings.append(cursor.position)
            try bindings.append(limit)
            if let snapshot = cursor.snapshot { try bindings.append(snapshot.pgSnapshotText) }
            return bindings
        }
        let results = try await pool.pipeline([
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
            "SELECT txid, position FROM event_outbox_horizon WHERE id = 1",
            PostgresQuery(sql: filtered ? Self.filteredPage : Self.plainPage, bindings: try bindings(limit: limit + 1)),
            PostgresQuery(sql: filtered ? Self.filteredLag : Self.plainLag, bindings: try bindings(limit: limit + 1 + lagCountLimit)),
            "COMMIT",
        ])
        for result in results {
            if case .failure(let error) = result { throw error }
        }
        let horizonRows = try results[1].get()
        guard horizonRows.count == 1 else {
            throw PostgresError(code: .server, message: "event_outbox_horizon has no row; were the outbox migrations applied?")
        }
        let horizon = EventCursor(
            txid: UInt64(bitPattern: try horizonRows[0].decode(Int64.self, at: 0)),
            position: try horizonRows[0].decode(Int64.self, at: 1))
        guard cursor >= horizon else { throw CursorTooOld(horizon: horizon) }

        let rows = try results[2].get()
        var events: [Page.Event] = []
        events.reserveCapacity(min(rows.count, limit))
        var oldestPending: String?
        for row in rows {
            if events.count == limit {
                oldestPending = try row.decode(String.self, at: 8)
                break
            }
            events.append(Page.Event(
                position: try row.decode(Int64.self, at: 0),
                txid: UInt64(bitPattern: try row.decode(Int64.self, at: 1)),
                eventID: try row.decode(UUID.self, at: 2),
                aggregateType: try row.decode(String.self, at: 3),
                aggregateID: try row.decode(String.self, at: 4),
                version: try row.decode(Int64.self, at: 5),
                type: try row.decode(String.self, at: 6),
                payload: try row.decode(PostgresJSON.self, at: 7),
                createdAt: try row.decode(String.self, at: 8)))
        }

        let lag = try results[3].get()[0]
        let visibleAfterCursor = try lag.decode(Int.self, at: 0)
        var head: (cursor: EventCursor, position: Int64, createdAt: String)?
        if let headTxid = try lag.decode(Int64?.self, at: 1) {
            let position = try lag.decode(Int64.self, at: 2)
            head = (EventCursor(txid: UInt64(bitPattern: headTxid), position: position), position, try lag.decode(String.self, at: 3))
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
            invisiblePending: try lag.decode(Bool.self, at: 4))
    }
}
