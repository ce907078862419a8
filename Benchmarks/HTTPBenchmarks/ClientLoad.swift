import Foundation
import HTTPKit
import Logging
import NIOCore
import NIOPosix

/// Drives HTTPKit's client against a server: `concurrency` tasks each send their share of
/// `requests` sequentially; prints the completed requests per second (wall clock, after a
/// warm-up of one request per task).
enum ClientLoad {
    static func run(arguments: BenchmarkArguments, logger: Logger) async throws {
        let port = arguments.int("port", default: 0)
        let wire: HTTPClientProtocol = arguments.string("protocol", default: "h2") == "h1" ? .http1_1 : .http2
        let total = arguments.int("requests", default: 100_000)
        let concurrency = max(arguments.int("concurrency", default: 64), 1)
        let path = arguments.string("path", default: "/")
        var configuration = HTTPClientConfiguration()
        configuration.maxHTTP1Connections = arguments.int("connections", default: 8)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: arguments.int("threads", default: 1))
        let client = HTTPClient(configuration: configuration, eventLoopGroup: group, logger: logger)
        let upstream = client.upstream(HTTPUpstream(host: "127.0.0.1", port: port, protocol: wire))
        let request = HTTPClientRequest(method: .GET, path: path)

        // Warm-up: open the connection(s).
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<min(concurrency, 16) {
                group.addTask { _ = try await upstream.send(request) }
            }
            try await group.waitForAll()
        }

        let perTask = total / concurrency
        let start = ContinuousClock.now
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var failed = 0
                    for _ in 0..<perTask {
                        let response = try await upstream.send(request)
                        if response.status != .ok { failed += 1 }
                    }
                    return failed
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let done = perTask * concurrency
        announce(String(format: "requests %d failed %d seconds %.3f requests/s %.0f", done, failures, seconds, Double(done) / seconds))
        await client.shutdown()
        try await group.shutdownGracefully()
    }
}
