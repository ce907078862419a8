#if canImport(Glibc)
import Glibc
#endif
import CPostgresLinux
import Foundation

/// Runs a helper program (initdb, pg_ctl, pg_dump, …) to completion without blocking a pooled thread:
/// a short-lived thread of its own waits for the exit, and the caller suspends meanwhile.
///
/// Spawned with `posix_spawn`: stdin is /dev/null, stdout and stderr go to a temporary file (a chatty
/// program can never fill a pipe and stall), and no other descriptor is inherited — so the server
/// that `pg_ctl start` leaves behind holds nothing of ours (not the test runner's output pipe).
enum ProcessRunner {
    struct Outcome: Sendable {
        let status: Int32
        let output: String
    }

    /// Runs `executable` with `arguments`; when `user` is set (and we are root), through `runuser -u user`.
    static func run(
        _ executable: String, _ arguments: [String], as user: String? = nil,
        environment: [String: String] = [:], workingDirectory: String? = nil
    ) async throws -> Outcome {
        var launchPath = executable
        var launchArguments = arguments
        if let user {
            launchPath = FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser"
            launchArguments = ["-u", user, "--", executable] + arguments
        }
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("postgres-process-\(UUID().uuidString).log").path
        defer { unlink(outputPath) }

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let environmentLines = merged.map { "\($0.key)=\($0.value)" }

        let pid = try spawn(
            launchPath, [launchPath] + launchArguments, environment: environmentLines,
            outputPath: outputPath, workingDirectory: workingDirectory)
        let status = await waitForExit(pid)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return Outcome(status: status, output: output)
    }

    /// Runs and throws `.cluster` with the program's output when it exits non-zero.
    @discardableResult
    static func check(
        _ executable: String, _ arguments: [String], as user: String? = nil,
        environment: [String: String] = [:], workingDirectory: String? = nil, what: String
    ) async throws -> String {
        let outcome = try await run(executable, arguments, as: user, environment: environment, workingDirectory: workingDirectory)
        guard outcome.status == 0 else {
            throw PostgresError(
                code: .cluster,
                message: "\(what) failed (exit status \(outcome.status)): \(outcome.output.trimmingTrailingWhitespace)")
        }
        return outcome.output
    }

    /// Starts a program that keeps running (the cluster's watchdog), detached from our descriptors.
    static func launchDetached(_ executable: String, _ arguments: [String]) throws -> pid_t {
        try spawn(
            executable, [executable] + arguments, environment: ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" },
            outputPath: "/dev/null", workingDirectory: "/")
    }

    private static func spawn(
        _ path: String, _ argv: [String], environment: [String], outputPath: String, workingDirectory: String?
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        if let workingDirectory { cpg_spawn_add_chdir(&actions, workingDirectory) }
        cpg_spawn_add_closefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A fresh process group: a Ctrl-C meant for us does not hit the server mid-shutdown.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGPIPE, SIGCHLD, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaultSignals, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, cArguments, cEnvironment)
        guard result == 0 else {
            throw PostgresError(code: .cluster, message: "cannot start \(path): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// `waitpid` blocks, so it runs on a thread of its own (never on Swift's cooperative pool).
    private static func waitForExit(_ pid: pid_t) async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let thread = Thread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 {
                    if errno != EINTR {
                        continuation.resume(returning: -1)
                        return
                    }
                }
                let exited = status & 0x7f == 0
                continuation.resume(returning: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
            }
            thread.name = "postgres-process-wait"
            thread.start()
        }
    }
}
