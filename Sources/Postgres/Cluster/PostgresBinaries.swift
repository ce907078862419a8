import Foundation

/// Where the system's PostgreSQL server programs are (`initdb`, `pg_ctl`, `postgres`, `pg_dump`, …).
///
/// Looked up in order: `$POSTGRES_BIN_DIR`, `pg_config --bindir`, the newest
/// `/usr/lib/postgresql/<version>/bin` (Debian), then `$PATH`.
///
/// ```swift
/// let binaries = try await PostgresBinaries.locate()
/// print(binaries.path(for: "pgbench"))
/// ```
public struct PostgresBinaries: Sendable, Hashable {
    /// The folder holding the programs.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The full path of program `name` in `directory`.
    public func path(for name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    /// Finds a folder with `initdb`, `pg_ctl` and `postgres`, or throws `.cluster` listing what was tried.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> PostgresBinaries {
        var tried: [String] = []
        func usable(_ directory: String) -> Bool {
            tried.append(directory)
            return ["initdb", "pg_ctl", "postgres"].allSatisfy {
                FileManager.default.isExecutableFile(atPath: (directory as NSString).appendingPathComponent($0))
            }
        }
        if let override = environment["POSTGRES_BIN_DIR"], !override.isEmpty {
            if usable(override) { return PostgresBinaries(directory: override) }
            throw PostgresError(code: .cluster, message: "POSTGRES_BIN_DIR=\(override) has no initdb, pg_ctl and postgres")
        }
        for candidate in ["/usr/bin/pg_config", "/usr/local/bin/pg_config"] where FileManager.default.isExecutableFile(atPath: candidate) {
            if let outcome = try? await ProcessRunner.run(candidate, ["--bindir"]), outcome.status == 0 {
                let directory = outcome.output.trimmingTrailingWhitespace
                if usable(directory) { return PostgresBinaries(directory: directory) }
            }
        }
        let debianRoot = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: debianRoot)) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        for version in versions {
            let directory = "\(debianRoot)/\(version)/bin"
            if usable(directory) { return PostgresBinaries(directory: directory) }
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":").map(String.init) {
            if usable(directory) { return PostgresBinaries(directory: directory) }
        }
        throw PostgresError(
            code: .cluster,
            message: "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found; tried \(tried.joined(separator: ", ")). "
                + "Install them (infra/bootstrap installs Debian's postgresql) or set POSTGRES_BIN_DIR.")
    }
}
