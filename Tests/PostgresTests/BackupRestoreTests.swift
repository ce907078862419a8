import Foundation
@testable import Postgres
import Testing

@Suite struct BackupRestoreTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func backsUpDropsRestoresAndCompares() async throws {
        try await withOwnCluster(services: ["learning"]) { cluster in
            let learning = try await PostgresConnection.connect(configuration: cluster.configuration(forService: "learning"))
            try await learning.script("""
                CREATE TABLE courses (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL, price numeric(12, 2), tags text[], meta jsonb);
                INSERT INTO courses (title, price, tags, meta)
                SELECT 'course ' || n, n * 1.25, ARRAY['t' || n, 'x'], jsonb_build_object('n', n) FROM generate_series(1, 500) AS n;
                """)
            let snapshot = "SELECT md5(string_agg(id::text || title || price::text || tags::text || meta::text, ',' ORDER BY id)) FROM courses"
            let before = try await learning.query(PostgresQuery(sql: snapshot))[0].decode(String.self, at: 0)
            await learning.close()

            let environment = ["PGHOST": cluster.socketDirectory, "PGPORT": String(cluster.port), "PGUSER": LocalCluster.superuser]
            let file = cluster.directory + "/learning.dump"
            let backup = try await ProcessRunner.run(Self.repository + "/infra/db-backup", ["learning", file], environment: environment)
            #expect(backup.status == 0, "\(backup.output)")
            #expect(FileManager.default.fileExists(atPath: file))

            let admin = try await PostgresConnection.connect(configuration: cluster.superuserConfiguration())
            try await admin.script("DROP DATABASE learning WITH (FORCE)")
            let restore = try await ProcessRunner.run(Self.repository + "/infra/db-restore", ["learning", file], environment: environment)
            #expect(restore.status == 0, "\(restore.output)")
            #expect(restore.output.contains("created database learning"))

            let restored = try await PostgresConnection.connect(configuration: cluster.configuration(forService: "learning"))
            let after = try await restored.query(PostgresQuery(sql: snapshot))[0].decode(String.self, at: 0)
            #expect(after == before)
            let owner = try await restored.query("SELECT tableowner::text FROM pg_tables WHERE tablename = 'courses'")
            #expect(try owner[0].decode(String.self, at: 0) == "learning")
            await restored.close()

            // Restoring over an existing database replaces its content, all or nothing.
            let changer = try await PostgresConnection.connect(configuration: cluster.configuration(forService: "learning"))
            try await changer.query("DELETE FROM courses WHERE price > 100")
            await changer.close()
            let again = try await ProcessRunner.run(Self.repository + "/infra/db-restore", ["learning", file], environment: environment)
            #expect(again.status == 0, "\(again.output)")
            let count = try await admin.query("SELECT 1")  // admin session still fine
            #expect(count.count == 1)
            let check = try await PostgresConnection.connect(configuration: cluster.configuration(forService: "learning"))
            #expect(try await check.query(PostgresQuery(sql: snapshot))[0].decode(String.self, at: 0) == before)
            await check.close()

            // Bad input: unknown file, bad service name, a file that is not a dump.
            let missing = try await ProcessRunner.run(Self.repository + "/infra/db-restore", ["learning", "/nonexistent"], environment: environment)
            #expect(missing.status != 0 && missing.output.contains("no such file"))
            let badName = try await ProcessRunner.run(Self.repository + "/infra/db-backup", ["Learning;drop"], environment: environment)
            #expect(badName.status != 0 && badName.output.contains("invalid service name"))
            let notADump = cluster.directory + "/not-a-dump"
            _ = FileManager.default.createFile(atPath: notADump, contents: Data("hello".utf8))
            let garbage = try await ProcessRunner.run(Self.repository + "/infra/db-restore", ["learning", notADump], environment: environment)
            #expect(garbage.status != 0 && garbage.output.contains("not a pg_dump"))
            await admin.close()
        }
    }
}
