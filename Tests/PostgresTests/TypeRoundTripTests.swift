import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite struct TypeRoundTripTests {
    struct Preferences: Codable, Equatable {
        var theme: String
        var languages: [String]
    }

    @Test func scalarsRoundTripThroughATable() async throws {
        try await TestDatabase.withPool { db in
            try await db.query("""
                CREATE TABLE everything (
                    small smallint, regular integer, big bigint, real4 real, real8 double precision, flag boolean,
                    label text, code varchar(20), id uuid, at timestamptz, money numeric(30, 8), exact numeric,
                    document jsonb, tags text[], counts integer[], ids uuid[], blob bytea, day date, missing text
                )
                """)
            let id = UUID()
            let at = Date(timeIntervalSince1970: 1_700_000_000.123456)
            let money = Decimal(string: "12345678901234567890.12345678")!
            let exact = PostgresNumeric("-98765432109876543210987654321098765432109876543210.000000000000000000000000000123")!
            let preferences = Preferences(theme: "dark", languages: ["de", "fr"])
            let blob = Data([0, 1, 2, 255, 0])
            try await db.query("""
                INSERT INTO everything VALUES (\(Int16.min), \(Int32.max), \(Int64.min), \(Float(1.5)), \(Double.pi), \(true),
                    \("Grüße, 世界 🎓 'quoted' \\ back"), \("code-7"), \(id), \(at), \(money), \(exact),
                    \(try PostgresJSON(encoding: preferences)), \(["a", "b c", "", "d,e", "\"q\""]), \([Int32(1), -2, 3]), \([id, UUID()]),
                    \(blob), \(Date(timeIntervalSince1970: 86_400 * 19_000)), \(String?.none))
                """)
            let row = try await db.query("SELECT * FROM everything")[0]
            #expect(try row.decode(Int16.self, "small") == .min)
            #expect(try row.decode(Int32.self, "regular") == .max)
            #expect(try row.decode(Int.self, "regular") == Int(Int32.max))  // widening is allowed
            #expect(try row.decode(Int64.self, "big") == .min)
            #expect(try row.decode(Float.self, "real4") == 1.5)
            #expect(try row.decode(Double.self, "real8") == .pi)
            #expect(try row.decode(Bool.self, "flag"))
            #expect(try row.decode(String.self, "label") == "Grüße, 世界 🎓 'quoted' \\ back")
            #expect(try row.decode(String.self, "code") == "code-7")
            #expect(try row.decode(UUID.self, "id") == id)
            #expect(try row.decode(Date.self, "at") == at)
            #expect(try row.decode(Decimal.self, "money") == money)
            #expect(try row.decode(PostgresNumeric.self, "money").description == "12345678901234567890.12345678")
            #expect(try row.decode(PostgresNumeric.self, "exact") == exact)
            #expect(try row.decodeJSON(Preferences.self, "document") == preferences)
            #expect(try row.decode([String].self, "tags") == ["a", "b c", "", "d,e", "\"q\""])
            #expect(try row.decode([Int32].self, "counts") == [1, -2, 3])
            #expect(try row.decode([UUID].self, "ids").first == id)
            #expect(try row.decode(Data.self, "blob") == blob)
            #expect(try row.decode(Date.self, "day") == Date(timeIntervalSince1970: 86_400 * 19_000))
            #expect(try row.decode(String?.self, "missing") == nil)
            #expect(try row.isNull("missing"))
        }
    }

    @Test func numericsStayExact() async throws {
        try await TestDatabase.withPool { db in
            let values = [
                "0", "-0.0000001", "1.10", "99999999999999999999999999999999999999", "0.000000000000000000000000000000000001",
                "123456789012345678901234567890.123456789012345678901234567890", "-5e3", "NaN", "Infinity", "-Infinity",
            ]
            for text in values {
                let rows = try await db.query("SELECT \(text)::numeric AS value, (\(text)::numeric)::text AS text")
                let decoded = try rows[0].decode(PostgresNumeric.self, "value")
                let serverText = try rows[0].decode(String.self, "text")
                #expect(decoded.description == serverText, "\(text)")
                // And back: sent as a parameter, compared by the server.
                let same = try await db.query("SELECT \(decoded) = \(text)::numeric")
                #expect(try same[0].decode(Bool.self, at: 0), "\(text)")
            }
            // Decimal: exact when it fits (38 digits), an error when it would have to round.
            let fits = try await db.query("SELECT 1234567890123456789012345678.0123456789::numeric")
            #expect(try fits[0].decode(Decimal.self, at: 0) == Decimal(string: "1234567890123456789012345678.0123456789")!)
            let tooPrecise = try await db.query("SELECT 1234567890123456789012345678901234567890.5::numeric AS total")
            let error = #expect(throws: PostgresError.self) { try tooPrecise[0].decode(Decimal.self, "total") }
            #expect(error?.message.contains("\"total\"") == true)
            #expect(error?.message.contains("PostgresNumeric") == true)
            let money = Decimal(string: "-1234.5600")!
            let echoed = try await db.query("SELECT \(money) + 0")
            #expect(try echoed[0].decode(Decimal.self, at: 0) == money)
        }
    }

    @Test func arraysAndNulls() async throws {
        try await TestDatabase.withPool { db in
            let rows = try await db.query("""
                SELECT \([Int32?.some(1), nil, 3]) AS with_null, \([String]()) AS empty, ARRAY[[1,2],[3,4]] AS matrix,
                       ARRAY['x', NULL]::text[] AS texts, NULL::int[] AS no_array
                """)
            let row = rows[0]
            #expect(try row.decode([Int32?].self, "with_null") == [1, nil, 3])
            #expect(try row.decode([String].self, "empty") == [])
            #expect(try row.decode([String?].self, "texts") == ["x", nil])
            #expect(try row.decode([Int]?.self, "no_array") == nil)
            let nullElement = #expect(throws: PostgresError.self) { try row.decode([String].self, "texts") }
            #expect(nullElement?.message.contains("array element 2") == true)
            #expect(throws: PostgresError.self) { try row.decode([Int32].self, "matrix") }
        }
    }

    @Test func mismatchesNameTheColumnAndTypes() async throws {
        try await TestDatabase.withPool { db in
            let row = try await db.query("SELECT 'x'::text AS email, NULL::int AS age, 'infinity'::timestamptz AS forever")[0]
            let mismatch = #expect(throws: PostgresError.self) { try row.decode(Int.self, "email") }
            #expect(mismatch?.code == .decoding)
            #expect(mismatch?.column == "email")
            #expect(mismatch?.message == "column \"email\" (index 0, text) as Int: cannot decode text as Int64")
            let null = #expect(throws: PostgresError.self) { try row.decode(Int.self, "age") }
            #expect(null?.message.contains("NULL") == true && null?.message.contains("\"age\"") == true)
            let missing = #expect(throws: PostgresError.self) { try row.decode(Int.self, "nope") }
            #expect(missing?.message.contains("columns: email, age, forever") == true)
            let infinite = #expect(throws: PostgresError.self) { try row.decode(Date.self, "forever") }
            #expect(infinite?.message.contains("infinity") == true)
            #expect(try row.decode(Int?.self, "age") == nil)
        }
    }

    @Test func rejectsUnencodableParametersWithoutSendingThem() async throws {
        try await TestDatabase.withPool { db in
            let error = await #expect(throws: PostgresError.self) { try await db.query("SELECT \("nul\u{0}byte")") }
            #expect(error?.code == .encoding)
            #expect(error?.message.contains("$1") == true)
            var bindings = PostgresBindings()
            for value in 0..<70_000 { try bindings.append(value) }
            let tooMany = await #expect(throws: PostgresError.self) { try await db.query(PostgresQuery(sql: "SELECT 1", bindings: bindings)) }
            #expect(tooMany?.message.contains("65535") == true)
            #expect(try await db.query("SELECT 1").count == 1)
        }
    }

    @Test func valuesAreNeverSplicedIntoSQL() async throws {
        try await TestDatabase.withPool { db in
            try await db.query("CREATE TABLE users (name text)")
            let hostile = "x'); DROP TABLE users; --"
            let query: PostgresQuery = "INSERT INTO users (name) VALUES (\(hostile))"
            #expect(query.sql == "INSERT INTO users (name) VALUES ($1)")
            try await db.query(query)
            let rows = try await db.query("SELECT name FROM users")
            #expect(try rows[0].decode(String.self, "name") == hostile)
        }
    }
}
