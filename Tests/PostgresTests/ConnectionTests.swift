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
