import Foundation
import Postgres
import PostgresTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ErrorTests {
    @Test func serverErrorsCarryTheirDiagnostics() async throws {
        try await TestDatabase.withPool(maximumConnections: 1) { db in
            let syntax = await #expect(throws: PostgresError.self) { try await db.query("SELEC 1") }
            #expect(syntax?.code == .server)
            #expect(syntax?.sqlState == PostgresError.SQLState.syntaxError)
            #expect(syntax?.position == 1)
            #expect(syntax?.query == "SELEC 1")

            try await db.query("CREATE TABLE users (email text CONSTRAINT users_email_key UNIQUE)")
            try await db.query("INSERT INTO users VALUES (\("a@example.com"))")
            let duplicate = await #expect(throws: PostgresError.self) { try await db.query("INSERT INTO users VALUES (\("a@example.com"))") }
            #expect(duplicate?.sqlState == PostgresError.SQLState.uniqueViolation)
            #expect(duplicate?.constraint == "users_email_key")
            #expect(duplicate?.table == "users")
            #expect(duplicate?.detail == "Key (email)=(a@example.com) already exists.")

            let raised = await #expect(throws: PostgresError.self) {
                try await db.script("DO $$ BEGIN RAISE EXCEPTION 'boom' USING DETAIL = 'the detail', HINT = 'the hint', ERRCODE = 'P0001'; END $$")
            }
            #expect(raised?.message == "boom")
            #expect(raised?.detail == "the detail")
            #expect(raised?.hint == "the hint")
            #expect(raised?.sqlState == "P0001")
            #expect(raised?.severity == "ERROR")
            // The one pooled connection keeps working after every error.
            #expect(try await db.query("SELECT 2")[0].decode(Int32.self, at: 0) == 2)
        }
    }

    @Test func wrongPasswordIsAClearConnectionError() async throws {
        try await TestDatabase.with { database in
            var configuration = database.configuration
            configuration.password = "wrong"
            let error = await #expect(throws: PostgresError.self) { try await PostgresConnection.connect(configuration: configuration) }
            #expect(error?.code == .connectionFailed)
            #expect(error?.message.contains("password authentication failed") == true)
            // A pool with the wrong password reports the same, and the pool itself stays usable.
            let pool = PostgresPool(configuration: configuration)
            let poolError = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(poolError?.message.contains("password authentication failed") == true)
            #expect(pool.usage.connecting == 0)
            await pool.shutdown()
        }
    }

    @Test func serverDownIsAClearConnectionError() async throws {
        let port = try unusedPort()
        let configuration = PostgresConfiguration(host: "127.0.0.1", port: port, user: "nobody", database: "nothing")
        let error = await #expect(throws: PostgresError.self) { try await PostgresConnection.connect(configuration: configuration) }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("Connection refused") == true)
    }

    @Test func silentServerTimesOut() async throws {
        // A socket that accepts TCP connections (the kernel's backlog) but never answers.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(fd, 8)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        var configuration = PostgresConfiguration(host: "127.0.0.1", port: Int(UInt16(bigEndian: address.sin_port)), user: "u", database: "d", sslMode: .disable)
        configuration.connectTimeout = .milliseconds(300)
        let error = await #expect(throws: PostgresError.self) { try await PostgresConnection.connect(configuration: configuration) }
        #expect(error?.code == .timeout)
        #expect(error?.message.contains("within") == true)
    }

    @Test func unsupportedCopyClosesCleanly() async throws {
        try await TestDatabase.withPool(maximumConnections: 1) { db in
            try await db.query("CREATE TABLE t (n int)")
            let error = await #expect(throws: PostgresError.self) { try await db.script("COPY t FROM STDIN") }
            #expect(error?.message.contains("COPY") == true)
            #expect(try await db.query("SELECT count(*) FROM t")[0].decode(Int.self, at: 0) == 0)
        }
    }

    private func unusedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))  // bound but not listening: connections are refused
    }
}
