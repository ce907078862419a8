import Postgres

/// One aggregate's current state, as a snapshot page lists it.
public struct SnapshotItem: Sendable, Hashable {
    public var aggregateID: String
    /// The version of the state below (the version of the last event that changed it).
    public var version: Int64
    /// The same shape as the payload of the aggregate's created/updated events.
    public var payload: PostgresJSON
    /// A soft-deleted aggregate the producer still keeps (its tombstone).
    public var deleted: Bool

    public init(aggregateID: String, version: Int64, payload: PostgresJSON, deleted: Bool = false) {
        self.aggregateID = aggregateID
        self.version = version
        self.payload = payload
        self.deleted = deleted
    }
}

/// How a producer lists the current state of one aggregate type for consumers that resync:
/// pages in ascending aggregate id order (keyset pagination: ids greater than `after`), read
/// inside the feed's REPEATABLE READ transaction.
///
/// The order must be the natural order of the id's type (a `uuid` column ordered as `uuid`) and
/// the consumer's ``ReferenceTable`` key must have the same type: the consumer tombstones the
/// local rows that fall between two listed ids.
///
/// ```swift
/// let users = SnapshotSource(aggregateType: "user") { after, limit in
///     """
///     SELECT id::text AS aggregate_id, version,
///            jsonb_build_object('email', email, 'name', name, 'role', role) AS payload
///     FROM users WHERE \(after)::uuid IS NULL OR id > \(after)::uuid
///     ORDER BY id LIMIT \(limit)
///     """
/// }
/// ```
public struct SnapshotSource: Sendable {
    /// Reads one page: at most `limit` items with ids after `after` (all from the start when nil).
    public typealias PageReader = @Sendable (_ after: String?, _ limit: Int, _ transaction: PostgresTransaction) async throws -> [SnapshotItem]

    public let aggregateType: String
    let readPage: PageReader

    /// A source reading pages with `readPage`.
    public init(aggregateType: String, readPage: @escaping PageReader) {
        self.aggregateType = aggregateType
        self.readPage = readPage
    }

    /// A source whose page is one SQL query returning `aggregate_id` (text), `version` (bigint),
    /// `payload` (jsonb) and optionally `deleted` (boolean), in that order.
    public init(aggregateType: String, query: @escaping @Sendable (_ after: String?, _ limit: Int) -> PostgresQuery) {
        self.init(aggregateType: aggregateType) { after, limit, transaction in
            let rows = try await transaction.query(query(after, limit))
            let hasDeleted = rows.columns.count > 3
            return try rows.map { row in
                SnapshotItem(
                    aggregateID: try row.decode(String.self, at: 0),
                    version: try row.decode(Int64.self, at: 1),
                    payload: try row.decode(PostgresJSON.self, at: 2),
                    deleted: hasDeleted ? (try row.decode(Bool?.self, at: 3) ?? false) : false)
            }
        }
    }
}
