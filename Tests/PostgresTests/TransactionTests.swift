import Postgres
import PostgresTestSupport
import Testing

@Suite struct TransactionTests {
    struct Boom: Error {}

    @Test func commitsOnReturnAndRollsBackOnThrow() async throws {
        try await TestDatabase.withPool { db in
            try await db.query("CREATE TABLE items (name text)")
            let result = try await db.transaction { tx in
                try await tx.query("INSERT INTO items VALUES ('kept')")
                return 42
            }
            #expect(result == 42)
            await #expect(throws: Boom.self) {
                try await db.transaction { tx in
                    try await tx.query("INSERT INTO items VALUES ('discarded')")
                    throw Boom()
                }
            }
            let rows = try await db.query("SELECT name FROM items")
            #expect(try rows.map { try $0.decode(String.self, "name") } == ["kept"])
        }
    }

    @Test func nestedTransactionsAreSavepoints() async throws {
        try await TestDatabase.withPool { db in
            try await db.query("CREATE TABLE items (name text)")
            try await db.transaction { tx in
                try await tx.query("INSERT INTO items VALUES ('outer')")
                try? await tx.transaction { inner in
                    try await inner.query("INSERT INTO items VALUES ('inner, rolled back')")
                    throw Boom()
                }
                try await tx.transaction { inner in
                    #expect(inner.depth == 1)
                    try await inner.query("INSERT INTO items VALUES ('inner, kept')")
                    // An error inside a savepoint leaves the outer transaction usable.
                    _ = try? await inner.transaction { innermost in
                        try await innermost.query("SELECT 1 / 0")
                    }
                }
            }
            let rows = try await db.query("SELECT name FROM items ORDER BY name")
            #expect(try rows.map { try $0.decode(String.self, at: 0) } == ["inner, kept", "outer"])
        }
    }

    @Test func isolationLevelAndReadOnlyAreApplied() async throws {
        try await TestDatabase.withPool { db in
            try await db.transaction(isolation: .serializable, readOnly: true) { tx in
                let level = try await tx.query("SHOW transaction_isolation")
                #expect(try level[0].decode(String.self, at: 0) == "serializable")
                let readOnly = try await tx.query("SHOW transaction_read_only")
                #expect(try readOnly[0].decode(String.self, at: 0) == "on")
                let error = await #expect(throws: PostgresError.self) {
                    try await tx.transaction { savepoint in try await savepoint.query("CREATE TABLE t (n int)") }
                }
                #expect(error?.sqlState == "25006")
            }
        }
    }

    @Test func aSwallowedStatementErrorStillFailsTheCommit() async throws {
        try await TestDatabase.withPool { db in
            try await db.query("CREATE TABLE items (name text)")
            let error = await #expect(throws: PostgresError.self) {
                try await db.transaction { tx in
                    try await tx.query("INSERT INTO items VALUES ('lost')")
                    _ = try? await tx.query("SELECT 1 / 0")
                }
            }
            #expect(error?.message.contains("rolled back") == true)
            #expect(try await db.query("SELECT count(*) FROM items")[0].decode(Int.self, at: 0) == 0)
        }
    }

    @Test func aHandleCannotBeUsedAfterItsBlock() async throws {
        try await TestDatabase.withPool { db in
            let escaped = try await db.transaction { tx in tx }
            let error = await #expect(throws: PostgresError.self) { try await escaped.query("SELECT 1") }
            #expect(error?.code == .transactionFinished)
        }
    }

    @Test func serializationFailuresCarryTheirSQLState() async throws {
        try await TestDatabase.withPool(maximumConnections: 2) { db in
            try await db.query("CREATE TABLE counters (id int PRIMARY KEY, value int)")
            try await db.query("INSERT INTO counters VALUES (1, 0)")
            let first = try await db.acquire()
            let second = try await db.acquire()
            try await first.query("BEGIN ISOLATION LEVEL SERIALIZABLE")
            try await second.query("BEGIN ISOLATION LEVEL SERIALIZABLE")
            _ = try await first.query("SELECT value FROM counters WHERE id = 1")
            _ = try await second.query("SELECT value FROM counters WHERE id = 1")
            try await first.query("UPDATE counters SET value = value + 1 WHERE id = 1")
            try await first.query("COMMIT")
            let error = await #expect(throws: PostgresError.self) {
                try await second.query("UPDATE counters SET value = value + 1 WHERE id = 1")
            }
            #expect(error?.sqlState == PostgresError.SQLState.serializationFailure)
            try await second.query("ROLLBACK")
            db.release(first)
            db.release(second)
        }
    }
}
