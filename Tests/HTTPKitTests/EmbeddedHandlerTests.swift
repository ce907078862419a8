import NIOCore
import NIOEmbedded
import NIOHTTP1
import Prometheus
import Testing

@testable import HTTPKit

/// The server's channel handlers on `EmbeddedChannel`: bytes in, bytes out, no socket.
@Suite("Server handlers on EmbeddedChannel")
struct EmbeddedHandlerTests {
    func environment(_ configure: (inout HTTPServerConfiguration) -> Void = { _ in }) -> ServerConnectionEnvironment {
        var configuration = HTTPServerConfiguration()
        configure(&configuration)
        return ServerConnectionEnvironment(
            configuration: configuration,
            responder: TestRoutes.router(),
            metrics: HTTPServerMetrics(factory: PrometheusMetricsFactory(registry: PrometheusCollectorRegistry())),
            logger: testLogger()
        )
    }

    func channel(_ environment: ServerConnectionEnvironment) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 80)).wait()
        try channel.pipeline.syncOperations.addHandler(HTTPProtocolDetector(environment: environment, logger: testLogger()))
        return channel
    }

    func readAll(_ channel: EmbeddedChannel) throws -> String {
        var text = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            text += String(buffer: buffer)
        }
        return text
    }

    @Test func pipelinedHTTP1RequestsAreAnsweredInOrder() throws {
        let channel = try self.channel(self.environment())
        try channel.writeInbound(ByteBuffer(string: "GET /bytes?n=3 HTTP/1.1\r\nHost: a\r\n\r\nPOST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nfirstGET /hello HTTP/1.1\r\nHost: a\r\n\r\n"))
        let output = try self.readAll(channel)
        #expect(output.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 4)
        let echo = try #require(output.range(of: "first"))
        let hello = try #require(output.range(of: "hello\n"))
        #expect(echo.lowerBound < hello.lowerBound)
        #expect(channel.isActive)
    }

    @Test func chunkedBodyIsCollected() throws {
        let channel = try self.channel(self.environment())
        try channel.writeInbound(ByteBuffer(string: "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"))
        let output = try self.readAll(channel)
        #expect(output.contains("content-length: 11"))
        #expect(output.hasSuffix("hello world"))
    }

    @Test func malformedRequestGets400AndClose() throws {
        let channel = try self.channel(self.environment())
        try channel.writeInbound(ByteBuffer(string: "GET / HTTP/1.1\r\nBad Header\r\n\r\n"))
        let output = try self.readAll(channel)
        #expect(output.hasPrefix("HTTP/1.1 400 Bad Request"))
        #expect(output.contains("connection: close"))
        #expect(!channel.isActive)
    }

    @Test func declaredOversizedBodyGets413WithoutReadingIt() throws {
        let channel = try self.channel(self.environment { $0.maxBodySize = 10 })
        try channel.writeInbound(ByteBuffer(string: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n"))
        #expect(try self.readAll(channel).hasPrefix("HTTP/1.1 413 Payload Too Large"))
        #expect(!channel.isActive)
    }

    @Test func connectionCloseRequestClosesAfterResponse() throws {
        let channel = try self.channel(self.environment())
        try channel.writeInbound(ByteBuffer(string: "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"))
        let output = try self.readAll(channel)
        #expect(output.contains("connection: close"))
        #expect(!channel.isActive)
    }

    @Test func headRequestGetsHeadersButNoBody() throws {
        let channel = try self.channel(self.environment())
        try channel.writeInbound(ByteBuffer(string: "HEAD /hello HTTP/1.1\r\nHost: a\r\n\r\n"))
        let output = try self.readAll(channel)
        #expect(output.contains("content-length: 6"))
        #expect(output.hasSuffix("\r\n\r\n"))
    }

    @Test func http2PrefaceInstallsTheHTTP2Handler() throws {
        let channel = try self.channel(self.environment())
        try channel.writeInbound(ByteBuffer(bytes: HTTP2Frames.clientStart + HTTP2Frames.getRequest(stream: 1, path: "/hello")))
        var output: [UInt8] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            output += buffer.readableBytesView
        }
        let frames = HTTP2Frames.parse(output)
        #expect(frames.first?.type == HTTP2Frames.FrameType.settings.rawValue)
        #expect(HTTP2Frames.hasStatus200(frames, stream: 1))
        #expect(frames.contains { $0.type == 0 && $0.stream == 1 && String(decoding: $0.payload, as: UTF8.self) == "hello\n" })
    }
}
