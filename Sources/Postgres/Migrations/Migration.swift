/// One versioned schema change, compiled into the service that owns the database.
///
/// ```swift
/// enum IdentityMigrations {
///     static let all: [Migration] = [
///         Migration(version: 1, name: "create users", sql: """
///             CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE);
///             """),
///         Migration(version: 2, name: "add users.created_at", sql: """
///             ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
///             """),
///     ]
/// }
/// ```
///
/// Never edit a migration once it has run anywhere: the runner refuses to start when an applied
/// migration's SQL (its SHA-256 checksum) changed. Add a new migration instead.
public struct Migration: Sendable, Hashable {
    /// Ascending, unique, positive.
    public let version: Int
    public let name: String
    /// One or more statements (run with the simple query protocol, inside the runner's transaction;
    /// so no `BEGIN`/`COMMIT` of its own, and nothing that cannot run in a transaction block).
    public let sql: String
    /// SHA-256 of the SQL text (UTF-8), lowercase hex.
    public let checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256.hexDigest(of: Array(sql.utf8))
    }
}

/// A migration as the database recorded it.
public struct AppliedMigration: Sendable, Hashable {
    public let version: Int
    public let name: String
    public let checksum: String
    public let appliedAt: Date
}

import struct Foundation.Date
