import Foundation
import Logging

/// Applies a service's pending migrations: all of them in ONE transaction (the database ends up either
/// fully migrated or unchanged), serialized across processes by `pg_advisory_xact_lock`, recorded in
/// `schema_migrations` (version, name, SHA-256 checksum, applied_at). An applied migration whose SQL
/// changed, or an applied version this build does not know, stops the run with a `.migration` error
/// naming the version and both checksums.
///
/// ```swift
/// let runner = try MigrationRunner(migrations: IdentityMigrations.all, logger: logger)
/// let report = try await runner.migrate(pool)          // at service start, or from a `migrate` command
/// logger.info("migrated", metadata: ["applied": "\(report.applied.map(\.version))"])
/// ```
public struct MigrationRunner: Sendable {
    /// What a run did.
    public struct Report: Sendable {
        /// Migrations applied by this run, in order.
        public var applied: [Migration]
        /// How many were already applied before.
        public var alreadyApplied: Int
    }

    public let migrations: [Migration]
    public let tableName: String
    private let logger: Logger
    /// The advisory lock key (from the table name, so different migration tables do not contend).
    private let lockKey: Int64

    /// Checks the set: versions positive, unique and ascending; names non-empty.
    public init(migrations: [Migration], tableName: String = "schema_migrations", logger: Logger = Logger(label: "postgres.migrations")) throws {
        var previous = 0
        for migration in migrations {
            guard migration.version > 0 else {
                throw PostgresError(code: .migration, message: "migration \"\(migration.name)\" has version \(migration.version); versions must be positive")
            }
            guard migration.version > previous else {
                throw PostgresError(
                    code: .migration,
                    message: "migration versions must be unique and ascending: \(migration.version) (\(migration.name)) follows \(previous)")
            }
            guard !migration.name.isEmpty else {
                throw PostgresError(code: .migration, message: "migration \(migration.version) has no name")
            }
            previous = migration.version
        }
        self.migrations = migrations
        self.tableName = tableName
        self.logger = logger
        let digest = SHA256.digest(of: Array("tutoring-federation migrations \(tableName)".utf8))
        self.lockKey = digest.prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
    }

    /// Migrates the pool's database (on one connection).
    @discardableResult
    public func migrate(_ pool: PostgresPool) async throws -> Report {
        try await pool.withConnection { try await migrate($0) }
    }

    /// Migrates the connection's database.
    @discardableResult
    public func migrate(_ connection: PostgresConnection) async throws -> Report {
        let table = PostgresQuoting.identifier(tableName)
        return try await connection.transaction { transaction in
            _ = try await transaction.query("SELECT pg_advisory_xact_lock(\(lockKey))")
            _ = try await connection.script(
                """
                CREATE TABLE IF NOT EXISTS \(table) (
                    version bigint PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let applied = try await appliedMigrations(transaction)
            try verify(applied)
            let appliedVersions = Set(applied.map(\.version))
            var report = Report(applied: [], alreadyApplied: applied.count)
            for migration in migrations where !appliedVersions.contains(migration.version) {
                logger.info("applying migration", metadata: ["db.migration": "\(migration.version) \(migration.name)"])
                do {
                    _ = try await connection.script(migration.sql)
                } catch var error as PostgresError {
                    error.message = "migration \(migration.version) (\(migration.name)) failed: \(error.message); nothing was applied"
                    throw error
                }
                try await transaction.query(
                    "INSERT INTO \(unescaped: table) (version, name, checksum) VALUES (\(migration.version), \(migration.name), \(migration.checksum))")
                report.applied.append(migration)
            }
            return report
        }
    }

    /// What the database has applied, in version order.
    public func appliedMigrations(_ client: some PostgresClient) async throws -> [AppliedMigration] {
        let exists = try await client.query("SELECT to_regclass(\(PostgresQuoting.identifier(tableName)))::text")
        if try exists[0].decode(String?.self, at: 0) == nil { return [] }
        let rows = try await client.query(
            "SELECT version, name, checksum, applied_at FROM \(unescaped: PostgresQuoting.identifier(tableName)) ORDER BY version")
        return try rows.map { row in
            let (version, name, checksum, appliedAt) = try row.decode((Int, String, String, Date).self)
            return AppliedMigration(version: version, name: name, checksum: checksum, appliedAt: appliedAt)
        }
    }

    private func verify(_ applied: [AppliedMigration]) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for record in applied {
            guard let migration = known[record.version] else {
                throw PostgresError(
                    code: .migration,
                    message: "the database has migration \(record.version) (\(record.name)) applied, which this build does not know; "
                        + "is an older build running against a newer database?")
            }
            guard migration.checksum == record.checksum else {
                throw PostgresError(
                    code: .migration,
                    message: "migration \(record.version) (\(migration.name)) changed after it was applied: "
                        + "the database recorded checksum \(record.checksum), this build has \(migration.checksum). "
                        + "Never edit an applied migration; add a new one instead.")
            }
        }
    }
}
