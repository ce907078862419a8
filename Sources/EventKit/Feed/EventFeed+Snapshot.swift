import HTTPKit
import Postgres

extension EventFeed {
    /// `GET /events/snapshot?aggregate=<type>&after=<id>&limit=<n>`: one page of the current
    /// state of every aggregate of `<type>` (ids ascending, after `after`), and a cursor to
    /// continue the feed from: `{"aggregate":…,"cursor":…,"items":[{"aggregateId","version","deleted","payload"}],"next":<id>|null}`.
    /// `next` is the `after` of the following page; `null` on the last one. Unknown aggregate
    /// types get `404`, bad parameters `400`.
    ///
    /// Consistency. Each page is read in one REPEATABLE READ transaction whose first statement
    /// takes the snapshot S and reports it (`pg_current_snapshot()`); the page's cursor is
    /// `(xmin(S), 0)` plus S's visibility (`xmax` and the in-progress ids):
    /// - every event with `txid < xmin(S)` committed before S, so its effect is in the page —
    ///   the cursor starts after all of them;
    /// - events above `xmin(S)` that S saw (committed before S) are in the page too; the feed
    ///   skips exactly those for this cursor (`pg_visible_in_snapshot`), and replaying them would
    ///   be harmless anyway, because consumers apply versions only upwards;
    /// - every event S did not see comes after the cursor and is delivered.
    ///
    /// Pages (keyset pagination, so memory stays bounded on both sides) are separate transactions
    /// with later snapshots S₂, S₃, … The consumer continues from the FIRST page's cursor, which
    /// stays correct: S₁'s `xmin` is not above any later snapshot's (`xmin` never moves back), so
    /// an aggregate listed at version v on a later page has every newer version in an event S₁
    /// did not see — delivered after the cursor. Events S₁ did see were committed before S₁, so
    /// no later page can show an older state than theirs; skipping them loses nothing. For an
    /// aggregate a page no longer lists (deleted before that page's snapshot), the consumer
    /// tombstones its local row at the local version: the versions between that and the delete
    /// were either seen by S₁ (skipped, so they cannot resurrect the row) or come after the
    /// cursor together with the delete itself, whose higher version wins.
    func snapshot(_ request: HTTPRequest) async -> HTTPResponse {
        let parameters = QueryParameters(request.query)
        guard let aggregate = parameters["aggregate"], !aggregate.isEmpty else {
            return FeedResponses.error(.badRequest, FeedErrorCode.invalidAggregate, "aggregate=<type> is required")
        }
        guard let source = snapshotSources[aggregate] else {
            let known = snapshotSources.keys.sorted().joined(separator: ", ")
            return FeedResponses.error(.notFound, FeedErrorCode.unknownAggregate,
                                       "no snapshot for aggregate type \"\(aggregate)\" (this feed has: \(known.isEmpty ? "none" : known))")
        }
        var limit = configuration.snapshotPageSize
        if let text = parameters["limit"] {
            guard let value = Int(text), value >= 1, value <= configuration.maxBatchSize else {
                return FeedResponses.error(.badRequest, FeedErrorCode.invalidLimit,
                                           "limit must be an integer from 1 to \(configuration.maxBatchSize), got \"\(text)\"")
            }
            limit = value
        }
        let after = parameters["after"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            let (snapshotText, items) = try await pool.transaction(isolation: .repeatableRead, readOnly: true) { transaction in
                // The first statement takes the transaction's snapshot; every later one shares it.
                let snapshot = try await transaction.query("SELECT pg_current_snapshot()::text")
                let text = try snapshot[0].decode(String.self, at: 0)
                return (text, try await source.readPage(after, limit, transaction))
            }
            guard let cursor = Self.cursor(fromSnapshot: snapshotText) else {
                throw PostgresError(code: .decoding, message: "unexpected pg_snapshot text \"\(snapshotText)\"")
            }
            var writer = JSONWriter(capacity: 256 + items.count * 256)
            writer.raw("{")
            writer.key("aggregate")
            writer.string(aggregate)
            writer.raw(",")
            writer.key("cursor")
            writer.string(cursor.encoded)
            writer.raw(",\"items\":[")
            for (index, item) in items.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("{")
                writer.key("aggregateId")
                writer.string(item.aggregateID)
                writer.raw(",")
                writer.key("version")
                writer.integer(item.version)
                writer.raw(",")
                writer.key("deleted")
                writer.bool(item.deleted)
                writer.raw(",")
                writer.key("payload")
                writer.rawBytes(item.payload.bytes)
                writer.raw("}")
            }
            writer.raw("],")
            writer.key("next")
            writer.optionalString(items.count == limit ? items.last?.aggregateID : nil)
            writer.raw("}")
            return FeedResponses.json(.ok, writer)
        } catch {
            logger.error("event snapshot read failed", metadata: ["error": "\(error)", "events.aggregate": "\(aggregate)"])
            return FeedResponses.error(.serviceUnavailable, FeedErrorCode.unavailable, "the snapshot cannot be read right now; retry")
        }
    }

    /// `xmin:xmax:xip,…` → the cursor right before everything the snapshot did not see.
    static func cursor(fromSnapshot text: String) -> EventCursor? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let xmin = UInt64(parts[0]), let xmax = UInt64(parts[1]) else { return nil }
        var inProgress: [UInt64] = []
        for item in parts[2].split(separator: ",") {
            guard let txid = UInt64(item) else { return nil }
            inProgress.append(txid)
        }
        return EventCursor(txid: xmin, position: 0, snapshot: .init(xmax: xmax, inProgress: inProgress))
    }
}
