import Postgres
import PostgresTestSupport
import Testing

@Suite struct PipelineTests {
    private func seed(_ db: PostgresPool) async throws {
        try await db.query("CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL)")
        try await db.query("INSERT INTO accounts SELECT n, 'account ' || n FROM generate_series(1, 200) AS n")
    }

    @Test func aHundredIdBatchIsOneRoundTrip() async throws {
        try await TestDatabase.withPool(maximumConnections: 1) { db in
            try await seed(db)
            try await db.withConnection { connection in
                let ids = (1...100).map { Int32($0 * 2) }
                let before = connection.statistics
                let results = try await connection.pipeline(ids.map { "SELECT id, name FROM accounts WHERE id = \($0)" })
                let after = connection.statistics
                #expect(after.roundTrips - before.roundTrips == 1)
                #expect(after.statementsSent - before.statementsSent == 100)
                #expect(after.statementsPrepared - before.statementsPrepared == 1)  // one statement, prepared once
                let names = try results.map { try $0.get()[0].decode(String.self, "name") }
                #expect(names == ids.map { "account \($0)" })

                // The same batch as one `= ANY($1)` query: one round trip too.
                let anyBefore = connection.statistics.roundTrips
                let rows = try await connection.query("SELECT id FROM accounts WHERE id = ANY(\(ids)) ORDER BY id")
                #expect(connection.statistics.roundTrips - anyBefore == 1)
                #expect(try rows.map { try $0.decode(Int32.self, "id") } == ids)

                // For contrast: one query at a time costs one round trip each.
                let sequentialBefore = connection.statistics.roundTrips
                for id in ids { _ = try await connection.query("SELECT name FROM accounts WHERE id = \(id)") }
                #expect(connection.statistics.roundTrips - sequentialBefore == 100)
            }
        }
    }

    @Test func anErrorMidPipelineOnlyFailsItsOwnStatement() async throws {
        try await TestDatabase.withPool(maximumConnections: 1) { db in
            try await seed(db)
            let results = try await db.pipeline([
                "SELECT name FROM accounts WHERE id = \(Int32(1))",
                "SELECT 1 / \(Int32(0))",
                "SELEKT broken",
                "SELECT name FROM accounts WHERE id = \(Int32(3))",
            ])
            #expect(try results[0].get()[0].decode(String.self, at: 0) == "account 1")
            guard case .failure(let division) = results[1], case .failure(let syntax) = results[2] else {
                Issue.record("expected failures, got \(results)"); return
            }
            #expect(division.sqlState == PostgresError.SQLState.divisionByZero)
            #expect(syntax.sqlState == PostgresError.SQLState.syntaxError)
            #expect(try results[3].get()[0].decode(String.self, at: 0) == "account 3")
            // The connection (the pool's only one) stays usable, and the broken statement is not cached.
            #expect(try await db.query("SELECT count(*) FROM accounts")[0].decode(Int.self, at: 0) == 200)
            let again = try await db.pipeline(["SELEKT broken"])
            guard case .failure(let repeated) = again[0] else { Issue.record("expected failure"); return }
            #expect(repeated.sqlState == PostgresError.SQLState.syntaxError)
        }
    }

    @Test func insideATransactionAFailureAbortsTheRest() async throws {
        try await TestDatabase.withPool(maximumConnections: 1) { db in
            try await seed(db)
            let error = await #expect(throws: PostgresError.self) {
                try await db.transaction { tx in
                    let results = try await tx.pipeline([
                        "UPDATE accounts SET name = 'changed' WHERE id = \(Int32(1))",
                        "SELECT 1 / \(Int32(0))",
                        "UPDATE accounts SET name = 'changed' WHERE id = \(Int32(2))",
                    ])
                    guard case .failure(let aborted) = results[2] else { Issue.record("expected aborted"); return }
                    #expect(aborted.sqlState == PostgresError.SQLState.inFailedTransaction)
                    _ = try results[1].get()
                }
            }
            #expect(error?.sqlState == PostgresError.SQLState.divisionByZero)
            let names = try await db.query("SELECT count(*) FROM accounts WHERE name = 'changed'")
            #expect(try names[0].decode(Int.self, at: 0) == 0)
        }
    }

    @Test func preparedStatementsAreReused() async throws {
        try await TestDatabase.withPool(maximumConnections: 1) { db in
            try await seed(db)
            try await db.withConnection { connection in
                let before = connection.statistics.statementsPrepared
                for id in 1...20 { _ = try await connection.query("SELECT name FROM accounts WHERE id = \(Int32(id))") }
                #expect(connection.statistics.statementsPrepared - before == 1)
                // A different parameter type is a different statement.
                _ = try await connection.query("SELECT name FROM accounts WHERE id = \(Int64(5))")
                #expect(connection.statistics.statementsPrepared - before == 2)
                // After a schema change that alters the result type, the statement is prepared anew.
                _ = try await connection.query("SELECT * FROM accounts WHERE id = \(Int32(1))")
                try await connection.query("ALTER TABLE accounts ADD COLUMN extra int")
                let first = await #expect(throws: PostgresError.self) { try await connection.query("SELECT * FROM accounts WHERE id = \(Int32(1))") }
                #expect(first?.sqlState == "0A000")
                let rows = try await connection.query("SELECT * FROM accounts WHERE id = \(Int32(1))")
                #expect(rows.columns.map(\.name) == ["id", "name", "extra"])
            }
        }
    }
}
