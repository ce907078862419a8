import Foundation

/// The result of running an external program (curl, nghttp, h2load).
public struct ToolResult: Sendable {
    public var status: Int32
    public var stdoutData: Data
    public var stderr: String

    /// stdout decoded as UTF-8 (invalid bytes replaced).
    public var stdout: String { String(decoding: self.stdoutData, as: UTF8.self) }
}

/// Runs an external program as a subprocess with a hard time limit, without blocking Swift's
/// cooperative pool: output goes to temporary files, completion arrives via terminationHandler.
public func runTool(_ executable: String, _ arguments: [String], stdin: Data? = nil, timeout: Duration = .seconds(120)) async throws -> ToolResult {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outURL = directory.appendingPathComponent("out")
    let errURL = directory.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = outHandle
    process.standardError = errHandle
    if let stdin {
        let url = directory.appendingPathComponent("in")
        try stdin.write(to: url)
        process.standardInput = try FileHandle(forReadingFrom: url)
    } else {
        process.standardInput = FileHandle.nullDevice
    }

    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { finished in
            continuation.resume(returning: finished.terminationStatus)
        }
        do {
            try process.run()
        } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
            return
        }
        let deadline = DispatchTime.now() + .nanoseconds(Int(timeout.components.seconds) * 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: deadline) {
            if process.isRunning { process.terminate() }
        }
    }
    try? outHandle.close()
    try? errHandle.close()
    return ToolResult(
        status: status,
        stdoutData: (try? Data(contentsOf: outURL)) ?? Data(),
        stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
    )
}
