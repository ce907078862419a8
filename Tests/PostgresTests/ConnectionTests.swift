import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite struct ConnectionTests {
    @Test func connectsAndSelects() async throws {
        try await TestDatabase.with { database in
            let connection = try await PostgresConnection.connect(configuration: database.configuration)
            let rows = try await connection.query("SELECT 1::int4 AS one, \("hello") AS greeting, \(42) + 1 AS answer")
            #expect(rows.count == 1)
            let (one, greeting, answer) = try rows[0].decode((Int32, String, Int).self)
            #expect(one == 1)
            #expect(greeting == "hello")
            #expect(answer == 43)
            await connection.close()
            #expect(connection.isClosed)
        }
    }
}

@Suite struct TaskExecutorTests {
    @Test func queriesRunFromTheIOExecutor() async throws {
        try await TestDatabase.withPool { db in
            let sum = try await withTaskExecutorPreference(PostgresTaskExecutor.shared) {
                var total = 0
                for value in 1...50 { total += try await db.query("SELECT \(value) * 2")[0].decode(Int.self, at: 0) }
                return total
            }
            #expect(sum == 2550)
        }
    }
}
