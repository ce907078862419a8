import Foundation
import Synchronization

/// One real service executable (`identity-service`, `learning-service`) run by a test, its output
/// kept in a log file for failure reports.
final class ServiceProcess: Sendable {
    let name: String
    let logPath: String
    private let process: Mutex<Process?> = Mutex(nil)
    private let executable: String
    private let environment: [String: String]

    init(name: String, executable: String, environment: [String: String], logDirectory: String) {
        self.name = name
        self.executable = executable
        self.environment = environment
        self.logPath = logDirectory + "/\(name).log"
    }

    /// Starts the executable (optionally with a command argument) and returns at once.
    func start(arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if !FileManager.default.fileExists(atPath: logPath) { FileManager.default.createFile(atPath: logPath, contents: nil) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        self.process.withLock { $0 = process }
    }

    /// Runs a one-off command (`resync`, `replay-dead-letters`) to completion; returns its exit status.
    func runCommand(_ arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
    }

    var isRunning: Bool { process.withLock { $0?.isRunning ?? false } }

    /// Sends `signal` and waits until the process has exited.
    func stop(signal: Int32 = SIGTERM) async {
        guard let process = self.process.withLock({ $0 }), process.isRunning else { return }
        kill(process.processIdentifier, signal)
        for _ in 0..<600 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}

/// A currently unused TCP port on 127.0.0.1.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
}
