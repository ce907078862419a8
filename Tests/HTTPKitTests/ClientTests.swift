import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

@testable import HTTPKit

/// HTTPKit's client against HTTPKit's server over real sockets.
@Suite("Client", .serialized)
struct ClientTests {
    @Test func manyConcurrentRequestsShareOneHTTP2Connection() async throws {
        // No idle timeout within the test: on a starved machine the test task may resume long
        // after the last response, and an idle close (with a transparent reconnect) is correct.
        try await withServer(configure: { $0.idleTimeout = .seconds(3600) }) { server in
            try await withClient { client in
                let upstream = client.upstream(server.upstream2)
                let bodies = try await withThrowingTaskGroup(of: (Int, ByteBuffer).self) { group in
                    for index in 0..<1000 {
                        group.addTask {
                            let response = try await upstream.send(HTTPClientRequest(path: "/bytes?n=\(index)"))
                            return (index, response.body)
                        }
                    }
                    return try await group.reduce(into: [Int: ByteBuffer]()) { $0[$1.0] = $1.1 }
                }
                #expect(bodies.count == 1000)
                #expect(bodies.allSatisfy { $0.value == TestRoutes.pattern($0.key) })
                // Every request went over the one connection: the client never opened another.
                #expect(server.server.acceptedConnectionCount == 1)
                #expect(server.server.connectionCount == 1)
            }
        }
    }

    @Test func peerConcurrencyLimitIsRespected() async throws {
        let inFlight = NIOLockedValueBox((now: 0, peak: 0))
        let responder = ClosureResponder { _, _ in
            inFlight.withLockedValue { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            return .task {
                try await Task.sleep(for: .milliseconds(20))
                inFlight.withLockedValue { $0.now -= 1 }
                return .plainText(.ok, "ok")
            }
        }
        try await withServer(configure: { $0.maxConcurrentStreams = 5 }, responder: responder) { server in
            try await withClient { client in
                let upstream = client.upstream(server.upstream2)
                // Let the server's SETTINGS arrive before the burst.
                _ = try await upstream.send(HTTPClientRequest(path: "/"))
                try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                    for _ in 0..<60 {
                        group.addTask { try await upstream.send(HTTPClientRequest(path: "/")).status }
                    }
                    for try await status in group {
                        #expect(status == .ok)
                    }
                }
            }
        }
        #expect(inFlight.withLockedValue { $0.peak } <= 5)
    }

    @Test func http1FallbackUsesABoundedKeepAlivePool() async throws {
        try await withServer { server in
            try await withClient(configure: { $0.maxHTTP1Connections = 4 }) { client in
                let upstream = client.upstream(server.upstream1)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<40 {
                        group.addTask {
                            let body = ByteBuffer(string: "request \(index)")
                            let response = try await upstream.send(HTTPClientRequest(method: .POST, path: "/echo", body: body))
                            #expect(response.body == body)
                            #expect(response.headers.first(name: "x-protocol") == "1.1")
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(server.server.connectionCount <= 4)
                #expect(server.server.connectionCount >= 1)
            }
        }
    }

    @Test func timeoutFailsTheRequestAndTheConnectionStaysUsable() async throws {
        // The gate never opens before the timeout: only the timeout can end the request, however
        // slow the machine (no timed assertion).
        let gate = RequestGate()
        try await withServer(gate: gate) { server in
            try await withClient { client in
                for upstream in [server.upstream2, server.upstream1] {
                    do {
                        _ = try await client.send(HTTPClientRequest(path: "/gate", timeout: .milliseconds(100)), to: upstream)
                        Issue.record("held request did not time out")
                    } catch let error as HTTPClientError {
                        #expect(error.code == .timeout)
                    }
                    let response = try await client.send(HTTPClientRequest(path: "/hello"), to: upstream)
                    #expect(response.status == .ok)
                }
            }
            gate.open()
        }
    }

    @Test func cancellingTheTaskResetsTheStream() async throws {
        let gate = RequestGate()
        try await withServer(gate: gate) { server in
            try await withClient { client in
                let upstream = client.upstream(server.upstream2)
                let task = Task { try await upstream.send(HTTPClientRequest(path: "/gate")) }
                // The stream is open at the server (its request waits at the gate) when the task is cancelled.
                await gate.waitForArrivals(1)
                task.cancel()
                let result = await task.result
                #expect(throws: HTTPClientError.self) { try result.get() }
                if case .failure(let error as HTTPClientError) = result {
                    #expect(error.code == .cancelled)
                }
                // The server saw the reset: no request remains active there.
                let metrics = try await upstream.send(HTTPClientRequest(path: "/metrics"))
                #expect(String(buffer: metrics.body).contains("http_server_active_requests 1"))  // this /metrics request itself
            }
            gate.open()
        }
    }

    @Test func unreachableUpstreamFailsFast() async throws {
        let port = try await withServer { $0.port }  // a port that just closed
        try await withClient(configure: { $0.connectTimeout = .seconds(2) }) { client in
            for wire in [HTTPClientProtocol.http2, .http1_1] {
                do {
                    _ = try await client.send(HTTPClientRequest(path: "/"), to: HTTPUpstream(host: "127.0.0.1", port: port, protocol: wire))
                    Issue.record("request to a closed port succeeded")
                } catch let error as HTTPClientError {
                    #expect(error.code == .connectFailed)
                }
            }
        }
    }

    @Test func reconnectsAfterTheServerWentAway() async throws {
        try await withClient { client in
            let port = try await withServer { server in
                let response = try await client.send(HTTPClientRequest(path: "/hello"), to: server.upstream2)
                #expect(response.status == .ok)
                return server.port
            }
            // The old server sent GOAWAY and closed; a new one takes the same port.
            try await withServer(configure: { $0.port = port }) { server in
                let response = try await client.send(HTTPClientRequest(path: "/hello"), to: server.upstream2)
                #expect(response.status == .ok)
                #expect(server.port == port)
            }
        }
    }

    @Test func responseLargerThanTheLimitFails() async throws {
        try await withServer { server in
            try await withClient(configure: { $0.maxResponseBodySize = 1000 }) { client in
                for upstream in [server.upstream2, server.upstream1] {
                    do {
                        _ = try await client.send(HTTPClientRequest(path: "/bytes?n=5000"), to: upstream)
                        Issue.record("oversized response accepted")
                    } catch let error as HTTPClientError {
                        #expect(error.code == .responseTooLarge)
                    }
                    #expect(try await client.send(HTTPClientRequest(path: "/bytes?n=999"), to: upstream).body.readableBytes == 999)
                }
            }
        }
    }

    @Test func tasksOnTheEventLoopReachUpstreamsOverTheirLoopsOwnConnection() async throws {
        // A front server whose `.task` replies run on the connection's loop, calling an upstream
        // through a client with a pool per loop: the task starts on the loop, is back on it
        // after awaiting the upstream, and the upstream sees at most one connection per loop.
        try await withServer { upstream in
            try await withClient(configure: { $0.poolPerEventLoop = true }) { client in
                let responder = ClosureResponder { _, context in
                    .task {
                        let startedOnLoop = context.eventLoop.inEventLoop
                        let response = try await client.send(HTTPClientRequest(path: "/bytes?n=5"), to: upstream.upstream2)
                        let resumedOnLoop = context.eventLoop.inEventLoop
                        let bodyIntact = response.body == TestRoutes.pattern(5)
                        return .plainText(.ok, "\(startedOnLoop) \(resumedOnLoop) \(bodyIntact)")
                    }
                }
                try await withServer(configure: { $0.runsTasksOnEventLoop = true }, responder: responder) { front in
                    try await withClient(configure: { $0.maxHTTP1Connections = 8 }) { caller in
                        let answers = try await withThrowingTaskGroup(of: String.self) { group in
                            for _ in 0..<200 {
                                group.addTask {
                                    let response = try await caller.send(HTTPClientRequest(path: "/"), to: front.upstream1)
                                    return String(buffer: response.body)
                                }
                            }
                            return try await group.reduce(into: [String]()) { $0.append($1) }
                        }
                        #expect(answers.count == 200)
                        #expect(answers.allSatisfy { $0 == "true true true" })
                        let loops = Array(MultiThreadedEventLoopGroup.singleton.makeIterator()).count
                        #expect(upstream.server.acceptedConnectionCount >= 1)
                        #expect(upstream.server.acceptedConnectionCount <= loops)
                    }
                }
            }
        }
    }

    @Test func sendAllAnswersEveryRequestInOrder() async throws {
        try await withServer { server in
            try await withClient(configure: { $0.maxRetries = 0 }) { client in
                let unreachable = HTTPUpstream(host: "127.0.0.1", port: 9, protocol: .http2)
                let results = await client.sendAll([
                    (HTTPClientRequest(path: "/bytes?n=3"), server.upstream2),
                    (HTTPClientRequest(path: "/bytes?n=1"), unreachable),
                    (HTTPClientRequest(path: "/bytes?n=7"), server.upstream2),
                ])
                #expect(results.count == 3)
                #expect((try? results[0].get())?.body == TestRoutes.pattern(3))
                #expect((try? results[2].get())?.body == TestRoutes.pattern(7))
                guard case .failure(let error) = results[1] else {
                    Issue.record("a request to a closed port succeeded")
                    return
                }
                #expect(error.code == .connectFailed)
            }
        }
    }

    @Test func shutDownClientRefusesRequests() async throws {
        let client = HTTPClient(logger: testLogger())
        await client.shutdown()
        await #expect(throws: HTTPClientError.self) {
            _ = try await client.send(HTTPClientRequest(path: "/"), to: HTTPUpstream(host: "127.0.0.1", port: 9))
        }
    }
}
