import NIOCore
import Testing

@testable import HTTPKit

/// Hostile and broken peers over real sockets. After each, the server must still answer
/// (``assertStillServes``) and must not keep the bad connection open.
@Suite("Server under malformed, oversized, slow and abrupt input", .serialized)
struct ServerRobustnessTests {
    /// One HTTP/1.1 and one HTTP/2 request succeed.
    func assertStillServes(_ server: RunningServer) async throws {
        try await withClient { client in
            for upstream in [server.upstream1, server.upstream2] {
                let response = try await client.send(HTTPClientRequest(path: "/hello"), to: upstream)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "hello\n")
            }
        }
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET / HTTP/1.1\r\nNo-Colon-Header\r\n\r\n",
        "GET / HTTP/9.9\r\nHost: a\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n",
        "\u{0}\u{1}\u{2}\u{3}\r\n\r\n",
    ])
    func malformedHTTP1GetsAnErrorAndTheConnectionCloses(_ input: String) async throws {
        try await withServer { server in
            let connection = try await RawConnection.connect(port: server.port, sending: Array(input.utf8))
            #expect(await connection.waitForClose(), "server kept the connection after \(input.debugDescription)")
            #expect(connection.receivedText.hasPrefix("HTTP/1.1 400"), "\(connection.receivedText.debugDescription)")
            try await self.assertStillServes(server)
        }
    }

    @Test func oversizedHTTP1HeadGets431() async throws {
        try await withServer(configure: { $0.maxHeaderSize = 4096 }) { server in
            let connection = try await RawConnection.connect(port: server.port)
            try await connection.send("GET /hello HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "b", count: 10_000))\r\n\r\n")
            #expect(await connection.waitForClose())
            #expect(connection.receivedText.hasPrefix("HTTP/1.1 431"))
            try await self.assertStillServes(server)
        }
    }

    @Test func oversizedChunkedBodyGets413() async throws {
        try await withServer(configure: { $0.maxBodySize = 1000 }) { server in
            let connection = try await RawConnection.connect(port: server.port)
            let chunk = String(repeating: "c", count: 600)
            try await connection.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n")
            #expect(await connection.waitForClose())
            #expect(connection.receivedText.hasPrefix("HTTP/1.1 413"))
            try await self.assertStillServes(server)
        }
    }

    @Test func pipelinedRequestsOverOneSocketAreAnsweredInOrder() async throws {
        try await withServer { server in
            let connection = try await RawConnection.connect(port: server.port)
            // The slow one first: its answer must still come first.
            try await connection.send(
                "GET /slow?ms=150 HTTP/1.1\r\nHost: a\r\n\r\nPOST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n\r\nsecondGET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
            )
            #expect(await connection.waitFor { $0.contains(text: "hello\n") })
            let text = connection.receivedText
            let order = ["slept 150", "second", "hello"].map { text.range(of: $0)?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order[0]! < order[1]! && order[1]! < order[2]!)
            #expect(!connection.isClosed)
            await connection.close()
        }
    }

    @Test func byteAtATimeClientsAreServedOnBothProtocols() async throws {
        try await withServer { server in
            let http1 = try await RawConnection.connect(port: server.port)
            try await http1.sendSlowly(Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nslow".utf8))
            #expect(await http1.waitFor { $0.contains(text: "\r\n\r\nslow") })
            await http1.close()

            let http2 = try await RawConnection.connect(port: server.port)
            try await http2.sendSlowly(HTTP2Frames.clientStart + HTTP2Frames.getRequest(stream: 1, path: "/hello"), pause: .milliseconds(1))
            #expect(await http2.waitFor { HTTP2Frames.hasStatus200(HTTP2Frames.parse($0), stream: 1) })
            await http2.close()
            try await self.assertStillServes(server)
        }
    }

    @Test func slowRequestGets408() async throws {
        try await withServer(configure: { $0.requestTimeout = .milliseconds(300) }) { server in
            let connection = try await RawConnection.connect(port: server.port)
            try await connection.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly part")
            #expect(await connection.waitForClose())
            #expect(connection.receivedText.hasPrefix("HTTP/1.1 408"))

            let http2 = try await RawConnection.connect(port: server.port)
            let headers = HTTP2Frames.frame(.headers, flags: HTTP2Frames.endHeaders, stream: 1, payload: [0x83, 0x86, 0x44, 0x05] + Array("/echo".utf8) + [0x41, 0x01, 0x61])
            try await http2.send(HTTP2Frames.clientStart + headers)
            #expect(await http2.waitFor { bytes in
                HTTP2Frames.parse(bytes).contains { $0.type == 1 && $0.stream == 1 && $0.payload.contains(text: "408") }
            })
            await http2.close()
            try await self.assertStillServes(server)
        }
    }

    @Test func idleConnectionsAreClosed() async throws {
        try await withServer(configure: { $0.idleTimeout = .milliseconds(300) }) { server in
            let silent = try await RawConnection.connect(port: server.port)
            // The requests leave with the connect, not after it: a starved test task must not let
            // the 300 ms pass before they are sent.
            let http1 = try await RawConnection.connect(port: server.port, sending: Array("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
            let http2 = try await RawConnection.connect(port: server.port, sending: HTTP2Frames.clientStart + HTTP2Frames.getRequest(stream: 1))
            #expect(await silent.waitForClose())
            #expect(await http1.waitForClose())
            #expect(http1.receivedText.hasPrefix("HTTP/1.1 200"))
            #expect(await http2.waitForClose())
            #expect(HTTP2Frames.goawayErrorCode(HTTP2Frames.parse(http2.received)) == 0)
            #expect(await eventually { server.server.connectionCount == 0 })
        }
    }

    /// Each case: bytes after the preface and the GOAWAY error code nghttp2 must answer with.
    static let malformedFrames: [(String, [UInt8], UInt32)] = [
        ("SETTINGS with a partial entry", HTTP2Frames.frame(.settings, payload: [0, 1, 0]), 0x6),
        ("DATA on stream 0", HTTP2Frames.frame(.settings) + HTTP2Frames.frame(.data, payload: [1, 2, 3]), 0x1),
        ("HEADERS with broken HPACK", HTTP2Frames.frame(.settings) + HTTP2Frames.frame(.headers, flags: 0x5, stream: 1, payload: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 0x9),
        ("HEADERS on an even stream", HTTP2Frames.frame(.settings) + HTTP2Frames.getRequest(stream: 2), 0x1),
        ("WINDOW_UPDATE of zero on the connection", HTTP2Frames.frame(.settings) + HTTP2Frames.frame(.windowUpdate, payload: [0, 0, 0, 0]), 0x1),
        ("PING of the wrong length", HTTP2Frames.frame(.settings) + HTTP2Frames.frame(.ping, payload: [1, 2, 3]), 0x6),
        ("frame larger than SETTINGS_MAX_FRAME_SIZE", HTTP2Frames.frame(.settings) + HTTP2Frames.frame(.data, stream: 1, payload: Array(repeating: 0, count: 20_000)), 0x6),
    ]

    @Test(arguments: 0..<malformedFrames.count)
    func malformedHTTP2FramesGetGoawayAndClose(_ index: Int) async throws {
        let (name, bytes, expectedCode) = Self.malformedFrames[index]
        try await withServer { server in
            let connection = try await RawConnection.connect(port: server.port)
            try await connection.send(HTTP2Frames.preface + bytes)
            #expect(await connection.waitForClose(), "\(name): connection stayed open")
            let code = HTTP2Frames.goawayErrorCode(HTTP2Frames.parse(connection.received))
            #expect(code == expectedCode, "\(name): GOAWAY code \(String(describing: code))")
            try await self.assertStillServes(server)
        }
    }

    @Test func abruptDisconnectsLeakNoConnections() async throws {
        try await withServer { server in
            // Bounded: 20 rounds of connections that vanish mid-request on both protocols.
            for round in 0..<20 {
                let partialHead = try await RawConnection.connect(port: server.port)
                try await partialHead.send("GET /hel")
                let waitingForAnswer = try await RawConnection.connect(port: server.port)
                try await waitingForAnswer.send("GET /slow?ms=200 HTTP/1.1\r\nHost: a\r\n\r\n")
                let http2 = try await RawConnection.connect(port: server.port)
                try await http2.send(HTTP2Frames.clientStart + HTTP2Frames.getRequest(stream: 1, path: "/slow?ms=200") + HTTP2Frames.getRequest(stream: 3, path: "/bytes?n=\(100_000 + round)"))
                await partialHead.close()
                await waitingForAnswer.close()
                await http2.close()
            }
            #expect(await eventually { server.server.connectionCount == 0 }, "\(server.server.connectionCount) connections left")
            try await self.assertStillServes(server)
        }
    }
}
