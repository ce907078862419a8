import Foundation
import HTTPKit
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus

/// Routes the socket tests use. `/` and `/hello` answer synchronously, `/echo` returns the
/// request body, `/slow?ms=N` answers after N ms from a task, `/future` from an event-loop
/// future, `/bytes?n=N` returns N deterministic bytes, `/fail` throws. With a `gate`, `/gate`
/// answers only once the test opens it (a request the test knows is in flight, without sleeping).
enum TestRoutes {
    static func router(
        readiness: HTTPReadiness = HTTPReadiness(),
        registry: PrometheusCollectorRegistry? = nil,
        gate: RequestGate? = nil
    ) -> HTTPRouter {
        var router = HTTPRouter()
        if let gate {
            router.add(.GET, "/gate") { _, _ in
                .task {
                    await gate.pass()
                    return .plainText(.ok, "passed\n")
                }
            }
        }
        let hello = HTTPResponse(status: .ok, contentType: "text/plain", body: ByteBuffer(string: "hello\n"))
        router.add(.GET, "/") { _, _ in .response(hello) }
        router.add(.GET, "/hello") { _, _ in .response(hello) }
        router.add("/echo", methods: [.POST, .PUT], responder: ClosureResponder { request, _ in
            var headers = HTTPHeaders()
            headers.add(name: "x-protocol", value: request.wireProtocol.rawValue)
            headers.add(name: "x-method", value: request.method.rawValue)
            return .response(HTTPResponse(status: .ok, headers: headers, body: request.body))
        })
        router.add(.GET, "/headers") { request, _ in
            let text = request.headers.map { "\($0.name.lowercased()): \($0.value)" }.joined(separator: "\n")
            return .response(.plainText(.ok, text))
        }
        router.add(.GET, "/slow") { request, _ in
            let milliseconds = Self.queryInt(request, "ms") ?? 100
            return .task {
                try await Task.sleep(for: .milliseconds(milliseconds))
                return .plainText(.ok, "slept \(milliseconds)\n")
            }
        }
        router.add(.GET, "/future") { _, context in
            .future(context.eventLoop.scheduleTask(in: .milliseconds(5)) { HTTPResponse.plainText(.ok, "future\n") }.futureResult)
        }
        router.add(.GET, "/bytes") { request, context in
            let count = Self.queryInt(request, "n") ?? 0
            return .response(HTTPResponse(status: .ok, body: Self.pattern(count, allocator: context.allocator)))
        }
        router.add(.GET, "/fail") { _, _ in
            .task { throw CancellationError() }
        }
        HealthEndpoints.install(into: &router, readiness: readiness)
        if let registry {
            router.add("/metrics", methods: [.GET], responder: PrometheusMetricsResponder(registry: registry))
        }
        return router
    }

    static func queryInt(_ request: HTTPRequest, _ name: String) -> Int? {
        guard let query = request.query else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("\(name)=") {
            return Int(pair.dropFirst(name.count + 1))
        }
        return nil
    }

    /// `count` bytes of a repeating, position-dependent pattern (detects reordering and loss).
    static func pattern(_ count: Int, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        // 251 (a prime) bytes repeated: a shifted or dropped chunk does not line up again.
        let block = (0..<251).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var buffer = allocator.buffer(capacity: count)
        var remaining = count
        while remaining > 0 {
            let take = min(remaining, block.count)
            buffer.writeBytes(block[0..<take])
            remaining -= take
        }
        return buffer
    }
}

/// A logger that stays quiet unless `HTTPKIT_TEST_LOG=debug`.
func testLogger(_ label: String = "httpkit-test") -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = ProcessInfo.processInfo.environment["HTTPKIT_TEST_LOG"] == "debug" ? .debug : .error
    return logger
}

/// A running server on 127.0.0.1 with a free port, plus what the tests inspect.
struct RunningServer: Sendable {
    let server: HTTPServer
    let port: Int
    let readiness: HTTPReadiness
    let registry: PrometheusCollectorRegistry

    var upstream2: HTTPUpstream { HTTPUpstream(host: "127.0.0.1", port: self.port, protocol: .http2) }
    var upstream1: HTTPUpstream { HTTPUpstream(host: "127.0.0.1", port: self.port, protocol: .http1_1) }
    var url: String { "http://127.0.0.1:\(self.port)" }
}

/// Starts a server with `TestRoutes` (or `responder`), runs `body`, shuts the server down.
func withServer<T>(
    configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    responder: (any HTTPResponder)? = nil,
    gate: RequestGate? = nil,
    _ body: (RunningServer) async throws -> T
) async throws -> T {
    var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
    configuration.shutdownGracePeriod = .seconds(5)
    // Far above the default 60 s: in a full parallel run the test task can be starved for over a
    // minute between connecting and sending, and must not find its connection idled out.
    // Tests of the idle timeout set their own.
    configuration.idleTimeout = .seconds(600)
    configure(&configuration)
    let readiness = HTTPReadiness()
    let registry = PrometheusCollectorRegistry()
    let server = HTTPServer(
        configuration: configuration,
        responder: responder ?? TestRoutes.router(readiness: readiness, registry: registry, gate: gate),
        logger: testLogger(),
        metricsFactory: PrometheusMetricsFactory(registry: registry),
        readiness: readiness
    )
    try await server.start()
    let running = RunningServer(server: server, port: server.port!, readiness: readiness, registry: registry)
    do {
        let result = try await body(running)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// Runs `body` with a client, shutting it down afterwards.
func withClient<T>(
    configure: (inout HTTPClientConfiguration) -> Void = { _ in },
    _ body: (HTTPClient) async throws -> T
) async throws -> T {
    var configuration = HTTPClientConfiguration()
    // Generous: server-side tasks run on the cooperative pool, which a full run can starve.
    configuration.requestTimeout = .seconds(120)
    configure(&configuration)
    let client = HTTPClient(configuration: configuration, logger: testLogger("httpkit-test-client"))
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// Waits until `condition` holds, polling every 20 ms; returns whether it did before `timeout`.
/// The bound is generous on purpose: it only matters when the test fails, and a starved CI
/// machine can take seconds for what takes milliseconds alone.
func eventually(timeout: Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
