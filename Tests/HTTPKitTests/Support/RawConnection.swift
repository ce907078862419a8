import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A plain TCP connection for writing exact bytes (malformed requests, hand-made frames,
/// one byte at a time) and reading whatever comes back.
final class RawConnection: Sendable {
    private let channel: any Channel
    private let collector: Collector

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let received = NIOLockedValueBox<[UInt8]>([])
        let closed = NIOLockedValueBox(false)
        let firstBytes: [UInt8]

        init(firstBytes: [UInt8]) {
            self.firstBytes = firstBytes
        }

        func channelActive(context: ChannelHandlerContext) {
            if !self.firstBytes.isEmpty {
                context.writeAndFlush(NIOAny(ByteBuffer(bytes: self.firstBytes)), promise: nil)
            }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = self.unwrapInboundIn(data)
            self.received.withLockedValue { $0.append(contentsOf: buffer.readableBytesView) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            self.closed.withLockedValue { $0 = true }
        }
    }

    private init(channel: any Channel, collector: Collector) {
        self.channel = channel
        self.collector = collector
    }

    /// Connects; `firstBytes` go out from the event loop as soon as the connection is up, so a
    /// starved test task cannot delay them past a short server timeout.
    static func connect(port: Int, sending firstBytes: [UInt8] = []) async throws -> RawConnection {
        let collector = Collector(firstBytes: firstBytes)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelOption(.allowRemoteHalfClosure, value: false)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
        return RawConnection(channel: channel, collector: collector)
    }

    func send(_ bytes: [UInt8]) async throws {
        try await self.channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    func send(_ text: String) async throws {
        try await self.send(Array(text.utf8))
    }

    /// Sends one byte at a time with `pause` between bytes (a slow client).
    func sendSlowly(_ bytes: [UInt8], pause: Duration = .milliseconds(2)) async throws {
        for byte in bytes {
            try await self.send([byte])
            try await Task.sleep(for: pause)
        }
    }

    var received: [UInt8] { self.collector.received.withLockedValue { $0 } }
    var receivedText: String { String(decoding: self.received, as: UTF8.self) }
    var isClosed: Bool { self.collector.closed.withLockedValue { $0 } }

    /// Waits until `condition` holds on the received bytes; `false` if it did not within `timeout`
    /// (generous: it only runs out when the test fails, and a starved machine is slow).
    @discardableResult
    func waitFor(timeout: Duration = .seconds(60), _ condition: ([UInt8]) -> Bool) async -> Bool {
        await eventually(timeout: timeout) { condition(self.received) }
    }

    /// Waits until the server closed the connection; `false` if it did not within `timeout`.
    @discardableResult
    func waitForClose(timeout: Duration = .seconds(60)) async -> Bool {
        await eventually(timeout: timeout) { self.isClosed }
    }

    func close() async {
        try? await self.channel.close()
    }
}

extension [UInt8] {
    /// `true` if `needle` occurs in `self`.
    func contains(text needle: String) -> Bool {
        String(decoding: self, as: UTF8.self).contains(needle)
    }
}
