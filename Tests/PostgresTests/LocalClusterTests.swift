import Foundation
import Postgres
import Testing

@Suite struct LocalClusterTests {
    @Test func eachServiceRoleReachesOnlyItsOwnDatabase() async throws {
        try await withOwnCluster(services: LocalCluster.serviceNames) { cluster in
            for service in LocalCluster.serviceNames {
                let connection = try await PostgresConnection.connect(configuration: cluster.configuration(forService: service))
                let rows = try await connection.query("SELECT current_user::text, current_database()::text")
                #expect(try rows[0].decode((String, String).self) == (service, service))
                await connection.close()
            }
            var intruder = cluster.configuration(forService: "learning")
            intruder.database = "identity"
            let error = await #expect(throws: PostgresError.self) { try await PostgresConnection.connect(configuration: intruder) }
            #expect(error?.code == .connectionFailed)
            #expect(error?.message.contains("permission denied for database \"identity\"") == true)
            // The superuser sees that CONNECT was revoked from PUBLIC and granted to the owner only.
            let admin = try await PostgresConnection.connect(configuration: cluster.superuserConfiguration())
            let acl = try await admin.query("SELECT datacl::text[] FROM pg_database WHERE datname = 'identity'")
            let entries = try acl[0].decode([String].self, at: 0)
            #expect(!entries.contains { $0.hasPrefix("=") && $0.contains("c") })
            #expect(entries.contains { $0.hasPrefix("identity=") && $0.contains("c") })
            await admin.close()
        }
    }

    @Test func runsAsThePostgresUserOnAPrivateSocketAndCleansUp() async throws {
        let cluster = try await LocalCluster.start(.temporary(services: []))
        let pidText = try String(contentsOfFile: cluster.dataDirectory + "/postmaster.pid", encoding: .utf8)
        let pid = Int32(pidText.split(separator: "\n")[0])!
        if geteuid() == 0 {
            let owner = try FileManager.default.attributesOfItem(atPath: "/proc/\(pid)")[.ownerAccountName] as? String
            #expect(owner == "postgres")
            #expect(cluster.serverUser == "postgres")
        }
        let socketPermissions = try FileManager.default.attributesOfItem(atPath: cluster.socketDirectory)[.posixPermissions] as? Int
        #expect(socketPermissions == 0o700)
        // Reachable through the Unix socket and through a percent-encoded URL naming it.
        let url = "postgresql://postgres@\(cluster.socketDirectory.replacingOccurrences(of: "/", with: "%2F")):\(cluster.port)/postgres"
        let connection = try await PostgresConnection.connect(configuration: try PostgresConfiguration(url: url))
        #expect(try await connection.query("SELECT 1").count == 1)
        await connection.close()
        try await cluster.stop()
        #expect(!isRunning(pid))
        #expect(!FileManager.default.fileExists(atPath: cluster.directory))
    }

    @Test func aPersistentClusterKeepsDataPortAndPasswords() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("persistent-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try await LocalCluster.start(.persistent(directory: directory, services: ["identity"]))
        do {
            let connection = try await PostgresConnection.connect(configuration: first.configuration(forService: "identity"))
            try await connection.query("CREATE TABLE kept (n int)")
            try await connection.query("INSERT INTO kept VALUES (42)")
            await connection.close()
            try await first.stop()
        } catch {
            try? await first.stop()
            throw error
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/data/PG_VERSION"))
        let second = try await LocalCluster.start(.persistent(directory: directory, services: ["identity"]))
        do {
            #expect(second.port == first.port)
            #expect(second.password(forService: "identity") == first.password(forService: "identity"))
            let connection = try await PostgresConnection.connect(configuration: second.configuration(forService: "identity"))
            #expect(try await connection.query("SELECT n FROM kept")[0].decode(Int32.self, at: 0) == 42)
            await connection.close()
            try await second.stop()
        } catch {
            try? await second.stop()
            throw error
        }
    }
}

/// Whether `pid` is a live process (a zombie left for an init that does not reap counts as gone).
private func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
}
