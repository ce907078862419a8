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

    static func connect(port: Int) async throws -> RawConnection {
        let collector = Collector()
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

    /// Waits (bounded) until `condition` holds on the received bytes.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(10), _ condition: ([UInt8]) -> Bool) async -> Bool {
        let attempts = Int(timeout.components.seconds * 50) + 1
        for _ in 0..<attempts {
            if condition(self.received) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(self.received)
    }

    /// Waits (bounded) until the server closed the connection.
    @discardableResult
    func waitForClose(timeout: Duration = .seconds(10)) async -> Bool {
        let attempts = Int(timeout.components.seconds * 50) + 1
        for _ in 0..<attempts {
            if self.isClosed { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return self.isClosed
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
