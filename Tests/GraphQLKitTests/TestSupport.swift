import Foundation
import Testing
@testable import GraphQLKit

/// The syntax error `body` raises when parsed (nil if it parses).
func syntaxError(_ body: String, options: ParseOptions = ParseOptions()) -> GraphQLError? {
    do {
        _ = try Parser.parse(body, options: options)
        return nil
    } catch {
        return error
    }
}

/// print(parse(body)).
func reprint(_ body: String, options: ParseOptions = ParseOptions()) throws -> String {
    Printer.print(try Parser.parse(body, options: options))
}

/// The stack size the parser, printer, visitor and JSON parser are designed to fit at their
/// default depth limits: 512 KiB, a secondary thread's or a task's stack. Debug builds use
/// stack frames several times larger (no inlining, no slot reuse), so there the tests allow
/// 8 MiB; `graphql-kit-benchmarks stack-check` measures the release build against 512 KiB.
#if DEBUG
let smallStackSize = 8 << 20
#else
let smallStackSize = 512 << 10
#endif

/// Runs `body` on a new thread with a stack of `stackSize` bytes and suspends until it is done:
/// proves code is safe on small secondary-thread and task stacks (a stack overflow would crash
/// the suite). The caller suspends rather than blocks, so the cooperative pool stays free for
/// other suites' tests meanwhile.
func onSmallStack<T: Sendable>(_ stackSize: Int = smallStackSize, _ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.stackSize = stackSize
        thread.start()
    }
}

/// Where the shared folder (oracle, GitHub schema) is: $SHARED_DIR, ../shared, or /work/shared.
func sharedDirectory() -> URL? {
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var candidates: [URL] = []
    if let shared = ProcessInfo.processInfo.environment["SHARED_DIR"] { candidates.append(URL(fileURLWithPath: shared)) }
    candidates.append(package.deletingLastPathComponent().appendingPathComponent("shared"))
    candidates.append(URL(fileURLWithPath: "/work/shared"))
    return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("tools/graphql-oracle.js").path) }
}

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Why `run` failed: the command exited with a non-zero status.
struct CommandFailed: Error {
    let arguments: [String]
    let status: Int32
}

/// Runs a command, feeding `input` on stdin; returns stdout. Throws if it exits non-zero.
/// Suspends, never blocks, the calling task while the command runs: stdin is written and stdout
/// read on dedicated threads, and the exit arrives through `terminationHandler`, so a slow
/// oracle never holds one of the cooperative pool's few threads.
func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) async throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NODE_PATH"] = env["NODE_PATH"] ?? "/usr/share/nodejs"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    let exited = AsyncStream<Int32>.makeStream()
    process.terminationHandler = { exited.continuation.yield($0.terminationStatus); exited.continuation.finish() }
    try process.run()
    // Feed stdin and drain stdout on their own threads so a large output can't deadlock against
    // a large input, and neither blocks the pool.
    let writer = Thread {
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output: Data = await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: stdout.fileHandleForReading.readDataToEndOfFile()) }.start()
    }
    var status: Int32 = -1
    for await code in exited.stream { status = code }
    guard status == 0 else { throw CommandFailed(arguments: arguments, status: status) }
    return output
}

/// Whether node and graphql-js are installed (infra/bootstrap installs both); probed once.
func hasNodeGraphQL() async -> Bool { await nodeGraphQLProbe.value }

private let nodeGraphQLProbe = Task { (try? await run(["node", "-e", "require('graphql')"])) != nil }

/// Whether the graphql-js oracle can run here: node with graphql-js, and the shared/ folder.
func hasGraphQLJSOracle() async -> Bool { await hasNodeGraphQL() && sharedDirectory() != nil }
