import Logging
import NIOCore
import ServiceLifecycle
import Testing

@testable import HTTPKit

/// Graceful shutdown with requests in flight, health and metrics endpoints.
@Suite("Server lifecycle, health and metrics", .serialized)
struct ServerLifecycleTests {
    @Test func shutdownFinishesInFlightRequestsAndRefusesNewOnes() async throws {
        let readiness = HTTPReadiness()
        let gate = RequestGate()
        var router = TestRoutes.router(readiness: readiness)
        router.add(.GET, "/gate") { request, _ in
            .task {
                await gate.pass()
                return .plainText(.ok, "passed \(request.query ?? "")\n")
            }
        }
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.shutdownGracePeriod = .seconds(30)
        let server = HTTPServer(configuration: configuration, responder: router, logger: testLogger(), readiness: readiness)
        try await server.start()
        let port = try #require(server.port)
        try await withClient { client in
            let h2 = client.upstream(HTTPUpstream(host: "127.0.0.1", port: port, protocol: .http2))
            let h1 = client.upstream(HTTPUpstream(host: "127.0.0.1", port: port, protocol: .http1_1))
            async let a = h2.send(HTTPClientRequest(path: "/gate?a"))
            async let b = h2.send(HTTPClientRequest(path: "/gate?b"))
            async let c = h1.send(HTTPClientRequest(path: "/gate?c"))
            // An idle keep-alive connection, closed at once by the shutdown.
            let idle = try await RawConnection.connect(port: port)
            try await idle.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(await idle.waitFor { $0.contains(text: "hello") })
            // All three requests are in flight at the server (held at the gate).
            await gate.waitForArrivals(3)

            let shutdown = Task { await server.shutdown() }
            // The idle connection is closed only after the listener is: from then on, new
            // connections are refused while the held requests are still running.
            #expect(await idle.waitForClose())
            #expect(readiness.isStopping)
            await #expect(throws: (any Error).self) { _ = try await RawConnection.connect(port: port) }
            #expect(server.connectionCount >= 2)

            gate.open()
            let results = try await [a, b, c]
            #expect(results.map(\.status) == [.ok, .ok, .ok])
            #expect(results.map { String(buffer: $0.body) } == ["passed a\n", "passed b\n", "passed c\n"])
            await shutdown.value
            #expect(server.connectionCount == 0)
        }
    }

    @Test func shutdownSendsGoawayAndFinishesTheOpenStream() async throws {
        // Stream 1 is held at the gate until the test has seen both GOAWAYs: however slow the
        // machine, it cannot finish (and the server close the connection) before the PING answer.
        let gate = RequestGate()
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.shutdownGracePeriod = .seconds(120)
        let server = HTTPServer(configuration: configuration, responder: TestRoutes.router(gate: gate), logger: testLogger())
        try await server.start()
        let connection = try await RawConnection.connect(port: try #require(server.port))
        try await connection.send(HTTP2Frames.clientStart + HTTP2Frames.getRequest(stream: 1, path: "/gate"))
        // The server's SETTINGS prove the connection was accepted and speaks HTTP/2.
        #expect(await connection.waitFor { HTTP2Frames.parse($0).contains { $0.type == HTTP2Frames.FrameType.settings.rawValue } })
        await gate.waitForArrivals(1)
        let shutdown = Task { await server.shutdown() }
        // The announcement (last stream 2^31-1) and its PING arrive while stream 1 still runs.
        #expect(await connection.waitFor { bytes in
            HTTP2Frames.parse(bytes).contains { $0.type == HTTP2Frames.FrameType.ping.rawValue && $0.flags & HTTP2Frames.ack == 0 }
        })
        let goaways = HTTP2Frames.parse(connection.received).filter { $0.type == HTTP2Frames.FrameType.goaway.rawValue }
        #expect(goaways.first?.payload.prefix(4) == [0x7f, 0xff, 0xff, 0xff])
        // Answering the PING lets the server send its final GOAWAY naming stream 1.
        let ping = try #require(HTTP2Frames.parse(connection.received).first { $0.type == HTTP2Frames.FrameType.ping.rawValue })
        try await connection.send(HTTP2Frames.frame(.ping, flags: HTTP2Frames.ack, payload: ping.payload))
        #expect(await connection.waitFor { bytes in
            HTTP2Frames.parse(bytes).filter { $0.type == HTTP2Frames.FrameType.goaway.rawValue }.contains { $0.payload.prefix(4) == [0, 0, 0, 1] }
        })
        // Stream 1 still completes, then the server closes the connection and stops.
        #expect(!connection.isClosed)
        gate.open()
        #expect(await connection.waitFor { HTTP2Frames.hasStatus200(HTTP2Frames.parse($0), stream: 1) })
        #expect(await connection.waitForClose())
        await shutdown.value
        #expect(server.connectionCount == 0)
    }

    @Test func shutdownIsIdempotentAndAStoppedServerCannotStart() async throws {
        let never = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), responder: TestRoutes.router(), logger: testLogger())
        await never.shutdown()
        await never.shutdown()
        await #expect(throws: HTTPServer.LifecycleError.self) { try await never.start() }

        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), responder: TestRoutes.router(), logger: testLogger())
        try await server.start()
        await #expect(throws: HTTPServer.LifecycleError.self) { try await server.start() }
        await server.shutdown()
        await server.shutdown()
        #expect(server.connectionCount == 0)
    }

    @Test func portInUseFailsStart() async throws {
        try await withServer { running in
            let second = HTTPServer(configuration: .init(host: "127.0.0.1", port: running.port), responder: TestRoutes.router(), logger: testLogger())
            await #expect(throws: (any Error).self) { try await second.start() }
            await second.shutdown()
        }
    }

    @Test func serviceGroupStopsTheServerOnGracefulShutdown() async throws {
        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), responder: TestRoutes.router(), logger: testLogger())
        let group = ServiceGroup(services: [server], logger: testLogger())
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await eventually { server.port != nil })
            let port = try #require(server.port)
            try await withClient { client in
                let response = try await client.send(HTTPClientRequest(path: "/hello"), to: HTTPUpstream(host: "127.0.0.1", port: port))
                #expect(response.status == .ok)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func healthEndpointsFollowReadiness() async throws {
        try await withServer { server in
            try await withClient { client in
                let upstream = client.upstream(server.upstream2)
                #expect(try await upstream.send(HTTPClientRequest(path: "/health/live")).status == .ok)
                #expect(try await upstream.send(HTTPClientRequest(path: "/health/ready")).status == .ok)
                server.readiness.addCheck("database") { false }
                let failing = try await upstream.send(HTTPClientRequest(path: "/health/ready"))
                #expect(failing.status == .serviceUnavailable)
                #expect(String(buffer: failing.body) == #"{"status":"fail","failing":["database"]}"#)
                server.readiness.markStopping()
                #expect(try await upstream.send(HTTPClientRequest(path: "/health/ready")).status == .serviceUnavailable)
                #expect(try await upstream.send(HTTPClientRequest(path: "/health/live")).status == .ok)
            }
        }
    }

    @Test func metricsUseOpenTelemetryNamesInPrometheusText() async throws {
        try await withServer { server in
            try await withClient { client in
                _ = try await client.send(HTTPClientRequest(path: "/hello"), to: server.upstream2)
                _ = try await client.send(HTTPClientRequest(path: "/hello"), to: server.upstream1)
                _ = try await client.send(HTTPClientRequest(path: "/missing"), to: server.upstream1)
                let response = try await client.send(HTTPClientRequest(path: "/metrics"), to: server.upstream1)
                #expect(response.headers.first(name: "content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = String(buffer: response.body)
                #expect(text.contains("# TYPE http_server_request_duration histogram"))
                #expect(text.contains(#"http_server_request_duration_count{http_request_method="GET",http_response_status_code="200",network_protocol_version="2"} 1"#))
                #expect(text.contains(#"http_server_request_duration_count{http_request_method="GET",http_response_status_code="200",network_protocol_version="1.1"} 1"#))
                #expect(text.contains(#"http_response_status_code="404""#))
                #expect(text.contains("http_server_active_requests 1"))
            }
        }
    }

    @Test func responderFailuresBecome500() async throws {
        try await withServer { server in
            try await withClient { client in
                for upstream in [server.upstream1, server.upstream2] {
                    #expect(try await client.send(HTTPClientRequest(path: "/fail"), to: upstream).status == .internalServerError)
                    #expect(try await client.send(HTTPClientRequest(path: "/future"), to: upstream).status == .ok)
                    let head = try await client.send(HTTPClientRequest(method: .HEAD, path: "/hello"), to: upstream)
                    #expect(head.status == .ok)
                    #expect(head.body.readableBytes == 0)
                    #expect(head.headers.first(name: "content-length") == "6")
                    #expect(try await client.send(HTTPClientRequest(method: .DELETE, path: "/hello"), to: upstream).status == .methodNotAllowed)
                }
            }
        }
    }
}
