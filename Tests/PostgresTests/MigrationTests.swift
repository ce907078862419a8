import Postgres
import PostgresTestSupport
import Testing

@Suite struct MigrationTests {
    static let first = Migration(version: 1, name: "create users", sql: """
        CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE);
        CREATE INDEX users_email_lower ON users (lower(email));
        """)
    static let second = Migration(version: 2, name: "add created_at", sql: """
        ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
        """)
    static let third = Migration(version: 3, name: "create sessions", sql: """
        CREATE TABLE user_sessions (user_id uuid REFERENCES users (id), expires_at timestamptz NOT NULL);
        """)

    @Test func appliesFreshThenNothingThenOnlyTheNewOne() async throws {
        try await TestDatabase.withPool { db in
            let fresh = try await MigrationRunner(migrations: [Self.first, Self.second]).migrate(db)
            #expect(fresh.applied.map(\.version) == [1, 2])
            #expect(fresh.alreadyApplied == 0)
            let recorded = try await MigrationRunner(migrations: [Self.first, Self.second]).appliedMigrations(db)
            #expect(recorded.map(\.version) == [1, 2])
            #expect(recorded.map(\.checksum) == [Self.first.checksum, Self.second.checksum])
            #expect(recorded[0].name == "create users")
            // The checksum is SHA-256 of the SQL: the server computes the same.
            let serverDigest = try await db.query("SELECT encode(sha256(convert_to(\(Self.first.sql), 'UTF8')), 'hex')")
            #expect(try serverDigest[0].decode(String.self, at: 0) == Self.first.checksum)

            let repeated = try await MigrationRunner(migrations: [Self.first, Self.second]).migrate(db)
            #expect(repeated.applied.isEmpty && repeated.alreadyApplied == 2)
            let extended = try await MigrationRunner(migrations: [Self.first, Self.second, Self.third]).migrate(db)
            #expect(extended.applied.map(\.version) == [3])
            try await db.query("INSERT INTO users (id, email) VALUES (gen_random_uuid(), 'a@b.c')")
        }
    }

    @Test func aChangedAppliedMigrationStopsTheRun() async throws {
        try await TestDatabase.withPool { db in
            try await MigrationRunner(migrations: [Self.first, Self.second]).migrate(db)
            let edited = Migration(version: 2, name: "add created_at", sql: Self.second.sql + "\n-- tweaked")
            let error = await #expect(throws: PostgresError.self) {
                try await MigrationRunner(migrations: [Self.first, edited, Self.third]).migrate(db)
            }
            #expect(error?.code == .migration)
            #expect(error?.message.contains("migration 2 (add created_at) changed after it was applied") == true)
            #expect(error?.message.contains(Self.second.checksum) == true)
            #expect(error?.message.contains(edited.checksum) == true)
            // Nothing of the run was applied (migration 3 included).
            let tables = try await db.query("SELECT to_regclass('user_sessions')::text")
            #expect(try tables[0].decode(String?.self, at: 0) == nil)
        }
    }

    @Test func aFailingMigrationAppliesNothing() async throws {
        try await TestDatabase.withPool { db in
            let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE ok_table (n int); CREATE TABLE users (n int);")
            let error = await #expect(throws: PostgresError.self) {
                try await MigrationRunner(migrations: [Self.first, broken]).migrate(db)
            }
            #expect(error?.message.contains("migration 2 (broken) failed") == true)
            let applied = try await MigrationRunner(migrations: [Self.first]).appliedMigrations(db)
            #expect(applied.isEmpty)
            let leftovers = try await db.query("SELECT to_regclass('users')::text, to_regclass('ok_table')::text")
            #expect(try leftovers[0].decode((String?, String?).self) == (nil, nil))
        }
    }

    @Test func concurrentStartsApplyEachMigrationOnce() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 6)
            let migrations = [Self.first, Self.second, Self.third]
            let reports = try await withThrowingTaskGroup(of: MigrationRunner.Report.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        // Each "service instance" on its own connection.
                        let connection = try await PostgresConnection.connect(configuration: database.configuration)
                        defer { Task { await connection.close() } }
                        return try await MigrationRunner(migrations: migrations).migrate(connection)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(reports.flatMap(\.applied).map(\.version).sorted() == [1, 2, 3])
            let applied = try await MigrationRunner(migrations: migrations).appliedMigrations(pool)
            #expect(applied.map(\.version) == [1, 2, 3])
            await pool.shutdown()
        }
    }

    @Test func rejectsInvalidSetsAndUnknownVersions() async throws {
        #expect(throws: PostgresError.self) { try MigrationRunner(migrations: [Self.second, Self.first]) }
        #expect(throws: PostgresError.self) { try MigrationRunner(migrations: [Self.first, Self.first]) }
        #expect(throws: PostgresError.self) { try MigrationRunner(migrations: [Migration(version: 0, name: "zero", sql: "")]) }
        try await TestDatabase.withPool { db in
            try await MigrationRunner(migrations: [Self.first, Self.second]).migrate(db)
            let error = await #expect(throws: PostgresError.self) { try await MigrationRunner(migrations: [Self.first]).migrate(db) }
            #expect(error?.message.contains("does not know") == true)
        }
    }
}
