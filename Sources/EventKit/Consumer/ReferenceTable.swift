import Postgres

/// A consumer's local copy of another service's aggregates, kept current by events and resyncs:
/// one row per aggregate with a key column, value columns, a `version` and a `deleted` flag.
///
/// Writes are version-guarded, so duplicates and reordering are harmless: an upsert or tombstone
/// with version v changes the row only if its version is below v
/// (`INSERT … ON CONFLICT (key) DO UPDATE … WHERE t.version < excluded.version`). A delete leaves a
/// tombstone (`deleted = true`, value columns NULL, version kept), so a stale update arriving
/// after it loses. Value columns must therefore be nullable (a tombstone may also arrive first).
///
/// Values come from the event payload by name: column `email` takes payload field `email`
/// (or another field with ``Column/init(_:from:)``), converted by PostgreSQL
/// (`jsonb_populate_record`) to the column's type.
///
/// ```swift
/// // CREATE TABLE user_refs (user_id uuid PRIMARY KEY, email text, name text, role text,
/// //                         version bigint NOT NULL, deleted boolean NOT NULL DEFAULT false);
/// let userRefs = ReferenceTable(name: "user_refs", key: "user_id", columns: ["email", "name", "role"])
/// try await userRefs.upsert(key: event.aggregateID, version: event.version, payload: try event.payloadJSON(), on: tx)
/// try await userRefs.tombstone(key: event.aggregateID, version: event.version, on: tx)
/// ```
public struct ReferenceTable: Sendable {
    /// A value column and the payload field it is filled from.
    public struct Column: Sendable, Hashable, ExpressibleByStringLiteral {
        public var name: String
        public var field: String

        public init(_ name: String, from field: String? = nil) {
            self.name = name
            self.field = field ?? name
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    public let name: String
    public let key: String
    /// The key column's SQL type (`uuid`, `text`, `bigint`): ids from the producer are cast to it.
    public let keyType: String
    public let columns: [Column]
    public let versionColumn: String
    public let deletedColumn: String

    private let upsertSQL: String
    private let tombstoneSQL: String
    private let tombstoneAbsentSQL: String

    /// - Parameter name: an unqualified table name on the connection's search path.
    public init(name: String, key: String, keyType: String = "uuid", columns: [Column],
                versionColumn: String = "version", deletedColumn: String = "deleted") {
        self.name = name
        self.key = key
        self.keyType = keyType
        self.columns = columns
        self.versionColumn = versionColumn
        self.deletedColumn = deletedColumn

        let table = PostgresQuoting.identifier(name)
        let keyColumn = PostgresQuoting.identifier(key)
        let version = PostgresQuoting.identifier(versionColumn)
        let deleted = PostgresQuoting.identifier(deletedColumn)
        let names = columns.map { PostgresQuoting.identifier($0.name) }
        let mapped = columns.map { "\(PostgresQuoting.literal($0.name)), $3::jsonb -> \(PostgresQuoting.literal($0.field))" }
        let valueList = names.map { ", r.\($0)" }.joined()
        let columnList = names.map { ", \($0)" }.joined()
        let assignments = names.map { "\($0) = excluded.\($0), " }.joined()
        let clearing = names.map { ", \($0) = NULL" }.joined()
        upsertSQL = """
            INSERT INTO \(table) (\(keyColumn)\(columnList), \(version), \(deleted))
            SELECT $1::\(keyType)\(valueList), $2::int8, false
            FROM jsonb_populate_record(NULL::\(table), jsonb_build_object(\(mapped.joined(separator: ", ")))) AS r
            ON CONFLICT (\(keyColumn)) DO UPDATE SET \(assignments)\(version) = excluded.\(version), \(deleted) = false
            WHERE \(table).\(version) < excluded.\(version)
            RETURNING 1
            """
        tombstoneSQL = """
            INSERT INTO \(table) (\(keyColumn), \(version), \(deleted)) VALUES ($1::\(keyType), $2::int8, true)
            ON CONFLICT (\(keyColumn)) DO UPDATE SET \(version) = excluded.\(version), \(deleted) = true\(clearing)
            WHERE \(table).\(version) < excluded.\(version)
            RETURNING 1
            """
        tombstoneAbsentSQL = """
            UPDATE \(table) SET \(deleted) = true\(clearing)
            WHERE NOT \(deleted)
              AND ($1::\(keyType) IS NULL OR \(keyColumn) > $1::\(keyType))
              AND ($2::\(keyType) IS NULL OR \(keyColumn) <= $2::\(keyType))
              AND \(keyColumn) <> ALL ($3::text[]::\(keyType)[])
            """
    }

    /// A table whose value columns are filled from payload fields of the same names.
    public init(name: String, key: String, keyType: String = "uuid", columns: [String],
                versionColumn: String = "version", deletedColumn: String = "deleted") {
        self.init(name: name, key: key, keyType: keyType, columns: columns.map { Column($0) },
                  versionColumn: versionColumn, deletedColumn: deletedColumn)
    }

    /// Inserts or updates the row from `payload` unless it already has `version` or newer (a
    /// tombstone included). Returns whether the row changed.
    @discardableResult
    public func upsert(key: String, version: Int64, payload: PostgresJSON, on client: some PostgresClient) async throws -> Bool {
        try await client.query(upsertQuery(key: key, version: version, payload: payload)).count == 1
    }

    /// The statement of ``upsert(key:version:payload:on:)`` (one row when the row changed).
    public func upsertQuery(key: String, version: Int64, payload: PostgresJSON) throws -> PostgresQuery {
        var bindings = PostgresBindings()
        try bindings.append(key)
        try bindings.append(version)
        try bindings.append(payload)
        return PostgresQuery(sql: upsertSQL, bindings: bindings)
    }

    /// Marks the row deleted at `version` (creating the tombstone if the row is unknown) unless it
    /// already has `version` or newer. Returns whether the row changed.
    @discardableResult
    public func tombstone(key: String, version: Int64, on client: some PostgresClient) async throws -> Bool {
        try await client.query(tombstoneQuery(key: key, version: version)).count == 1
    }

    /// The statement of ``tombstone(key:version:on:)`` (one row when the row changed).
    public func tombstoneQuery(key: String, version: Int64) throws -> PostgresQuery {
        var bindings = PostgresBindings()
        try bindings.append(key)
        try bindings.append(version)
        return PostgresQuery(sql: tombstoneSQL, bindings: bindings)
    }

    /// Resync: tombstones the live rows with keys in `(after, through]` (open ends when nil) that
    /// the snapshot page did not list, keeping their versions. Returns how many.
    @discardableResult
    func tombstoneAbsent(after: String?, through: String?, present: [String], on client: some PostgresClient) async throws -> Int {
        var bindings = PostgresBindings()
        try bindings.append(after)
        try bindings.append(through)
        try bindings.append(present)
        return try await client.query(PostgresQuery(sql: tombstoneAbsentSQL, bindings: bindings)).affectedRows
    }
}
