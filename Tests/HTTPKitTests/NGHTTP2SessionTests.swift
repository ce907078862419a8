import NIOCore
import NIOHTTP1
import Testing

@testable import HTTPKit

/// A client and a server nghttp2 session wired to each other in memory: the wrapper's
/// framing, events, limits and zero-copy bodies without any socket.
@Suite("nghttp2 session wrapper")
struct NGHTTP2SessionTests {
    struct Pair {
        let client: NGHTTP2Session
        let server: NGHTTP2Session
        var clientEvents: [HTTP2SessionEvent] = []
        var serverEvents: [HTTP2SessionEvent] = []
        /// Messages taken as they completed (a closed stream's message is gone after the drain).
        var clientMessages: [Int32: HTTP2InboundMessage] = [:]
        var serverMessages: [Int32: HTTP2InboundMessage] = [:]

        init(maxBody: Int = 1 << 20, maxHeaderList: Int = 16 * 1024) throws {
            self.client = try NGHTTP2Session(role: .client, allocator: ByteBufferAllocator(), maxHeaderListSize: 64 * 1024, maxBodySize: 64 << 20)
            self.server = try NGHTTP2Session(role: .server, allocator: ByteBufferAllocator(), maxHeaderListSize: maxHeaderList, maxBodySize: maxBody)
            try self.client.submitSettings(.init())
            var serverSettings = NGHTTP2Session.LocalSettings()
            serverSettings.maxConcurrentStreams = 10
            serverSettings.maxHeaderListSize = UInt32(maxHeaderList)
            try self.server.submitSettings(serverSettings)
        }

        /// Moves bytes both ways until neither side has anything to send (bounded).
        mutating func pump() throws {
            for _ in 0..<1000 {
                var toServer: [ByteBuffer] = []
                var toClient: [ByteBuffer] = []
                try self.client.send { toServer.append($0) }
                try self.server.send { toClient.append($0) }
                if toServer.isEmpty && toClient.isEmpty { return }
                for buffer in toServer { try self.server.receive(buffer) }
                for buffer in toClient { try self.client.receive(buffer) }
                let server = self.server
                let client = self.client
                var serverTaken: [Int32: HTTP2InboundMessage] = [:]
                var clientTaken: [Int32: HTTP2InboundMessage] = [:]
                server.drainEvents { event in
                    self.serverEvents.append(event)
                    if case .messageComplete(let id) = event { serverTaken[id] = server.takeMessage(id) }
                }
                client.drainEvents { event in
                    self.clientEvents.append(event)
                    if case .messageComplete(let id) = event { clientTaken[id] = client.takeMessage(id) }
                }
                self.serverMessages.merge(serverTaken) { $1 }
                self.clientMessages.merge(clientTaken) { $1 }
            }
            Issue.record("pump did not settle")
        }
    }

    @Test func requestAndResponseRoundTrip() throws {
        var pair = try Pair()
        var headers = HTTPHeaders()
        headers.add(name: "X-Custom", value: "yes")
        headers.add(name: "Connection", value: "keep-alive")  // dropped: forbidden in HTTP/2
        let stream = try pair.client.submitRequest(
            method: .POST, scheme: "http", authority: "example:1", path: "/echo?x=1",
            headers: headers, body: ByteBuffer(string: "ping")
        )
        try pair.pump()
        #expect(pair.serverEvents.contains(.messageComplete(streamID: stream)))
        let request = try #require(pair.serverMessages[stream])
        #expect(request.method == "POST")
        #expect(request.path == "/echo?x=1")
        #expect(request.authority == "example:1")
        #expect(request.headers.first(name: "x-custom") == "yes")
        #expect(request.headers.first(name: "connection") == nil)
        #expect(request.headers.first(name: "content-length") == "4")
        #expect(String(buffer: request.body) == "ping")

        try pair.server.submitResponse(
            streamID: stream, status: .created, headers: HTTPHeaders([("content-type", "text/plain")]),
            body: ByteBuffer(string: "pong"), contentLength: 4
        )
        try pair.pump()
        #expect(pair.clientEvents.contains(.messageComplete(streamID: stream)))
        let response = try #require(pair.clientMessages[stream])
        #expect(response.status == 201)
        #expect(String(buffer: response.body) == "pong")
        #expect(pair.clientEvents.contains(.streamClosed(streamID: stream, errorCode: 0)))
    }

    /// Issue 7: a long-lived connection must not keep anything per finished stream (a growing
    /// per-stream table would make every request slower the longer the connection lives).
    @Test func finishedStreamsLeaveNoStateBehind() throws {
        var pair = try Pair()
        var answered = 0
        for _ in 0..<50 {
            var streams: [Int32] = []
            for _ in 0..<10 {
                streams.append(try pair.client.submitRequest(method: .POST, scheme: "http", authority: "a", path: "/graphql",
                                                             headers: [:], body: ByteBuffer(string: #"{"query":"{a}"}"#)))
            }
            try pair.pump()
            for stream in streams {
                try pair.server.submitResponse(streamID: stream, status: .ok, headers: [:], body: ByteBuffer(string: #"{"data":{}}"#),
                                               contentLength: 11)
            }
            try pair.pump()
            answered += streams.filter { pair.clientMessages.removeValue(forKey: $0)?.status == 200 }.count
            pair.serverMessages.removeAll()
            pair.clientEvents.removeAll()
            pair.serverEvents.removeAll()
        }
        #expect(answered == 500)
        #expect(!pair.client.hasOpenStreams)
        #expect(!pair.server.hasOpenStreams)
    }

    @Test func largeBodiesCrossFlowControlWindowsIntact() throws {
        var pair = try Pair(maxBody: 8 << 20)
        let upload = TestRoutes.pattern(3 << 20)
        let stream = try pair.client.submitRequest(method: .PUT, scheme: "http", authority: "a", path: "/", headers: [:], body: upload)
        try pair.pump()
        let request = try #require(pair.serverMessages[stream])
        #expect(request.body == upload)
        let download = TestRoutes.pattern(5 << 20)
        try pair.server.submitResponse(streamID: stream, status: .ok, headers: [:], body: download, contentLength: download.readableBytes)
        try pair.pump()
        #expect(try #require(pair.clientMessages[stream]).body == download)
    }

    @Test func oversizedBodyIsRejectedOnce() throws {
        var pair = try Pair(maxBody: 1000)
        let stream = try pair.client.submitRequest(method: .POST, scheme: "http", authority: "a", path: "/", headers: [:], body: TestRoutes.pattern(5000))
        try pair.pump()
        #expect(pair.serverEvents.filter { $0 == .messageRejected(streamID: stream, .bodyTooLarge) }.count == 1)
        #expect(!pair.serverEvents.contains(.messageComplete(streamID: stream)))
    }

    @Test func oversizedHeaderListIsRejectedAtTheEndOfTheBlock() throws {
        var pair = try Pair(maxHeaderList: 1024)
        let headers = HTTPHeaders([("x-big", String(repeating: "v", count: 2000))])
        let stream = try pair.client.submitRequest(method: .GET, scheme: "http", authority: "a", path: "/", headers: headers, body: nil)
        try pair.pump()
        #expect(pair.serverEvents.contains(.messageRejected(streamID: stream, .headersTooLarge)))
        #expect(!pair.serverEvents.contains(.messageComplete(streamID: stream)))
    }

    @Test func serverGoawayReachesClient() throws {
        var pair = try Pair()
        let stream = try pair.client.submitRequest(method: .GET, scheme: "http", authority: "a", path: "/", headers: [:], body: nil)
        try pair.pump()
        pair.server.submitGoaway(errorCode: .noError)
        try pair.pump()
        #expect(pair.clientEvents.contains(.goawayReceived(lastStreamID: stream, errorCode: 0)))
    }

    @Test func garbageInputFailsTheServerSession() throws {
        let server = try NGHTTP2Session(role: .server, allocator: ByteBufferAllocator(), maxHeaderListSize: 1024, maxBodySize: 1024)
        #expect(throws: NGHTTP2Error.self) {
            try server.receive(ByteBuffer(string: "GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
        }
    }
}
