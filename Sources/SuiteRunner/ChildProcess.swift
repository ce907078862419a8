import Foundation

/// A service executable started by the runner, its output passed through with a name prefix.
final class ChildProcess: @unchecked Sendable {
    // @unchecked: `process` is configured before launch and then only used through Foundation's
    // thread-safe Process API (terminate, isRunning, terminationStatus).
    let name: String
    let process = Process()
    private let exited = DispatchSemaphore(value: 0)

    init(name: String, executable: String, environment: [String: String]) {
        self.name = name
        process.executableURL = URL(fileURLWithPath: executable)
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let prefix = "[\(name)] "
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty, let text = String(data: data, encoding: .utf8) else { return }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let out = lines.enumerated().map { index, line in
                index == lines.count - 1 && line.isEmpty ? "" : prefix + line + "\n"
            }.joined()
            FileHandle.standardError.write(Data(out.utf8))
        }
        process.terminationHandler = { [exited] _ in exited.signal() }
    }

    func start() throws {
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// SIGTERM (graceful shutdown), then waits up to `timeout` before SIGKILL.
    func stop(timeout: TimeInterval = 20) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
    }
}
