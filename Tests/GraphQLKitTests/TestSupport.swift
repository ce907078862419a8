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

/// Runs `body` on a new thread with a stack of `stackSize` bytes and waits for it: proves code
/// is safe on small secondary-thread and task stacks (a stack overflow would crash the suite).
func onSmallStack<T: Sendable>(_ stackSize: Int = smallStackSize, _ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    done.wait()
    return box.value!
}

/// Carries a result from a worker thread.
final class ResultBox<T>: @unchecked Sendable {
    // Written by the worker thread before it signals its semaphore, read by the waiting thread
    // after `wait()` returns: the semaphore orders the two accesses, so they never overlap.
    var value: T?
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

/// Runs a command, feeding `input` on stdin; returns stdout. Throws if it exits non-zero.
func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws -> Data {
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
    try process.run()
    // Feed stdin from another thread so a large output can't deadlock against a large input.
    let writer = Thread {
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct CommandFailed: Error { let arguments: [String]; let status: Int32 }
    guard process.terminationStatus == 0 else { throw CommandFailed(arguments: arguments, status: process.terminationStatus) }
    return output
}

/// Whether node and graphql-js are installed (infra/bootstrap installs both).
let hasNodeGraphQL: Bool = {
    (try? run(["node", "-e", "require('graphql')"])) != nil
}()
