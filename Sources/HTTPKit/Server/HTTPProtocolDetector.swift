import Logging
import NIOCore
import NIOHTTP1

/// The first handler of every accepted connection: looks at the first bytes, and installs the
/// HTTP/2 handler when they are the HTTP/2 client preface (prior knowledge, RFC 9113 §3.4) or
/// the HTTP/1.1 handlers otherwise, then hands them the bytes and leaves the pipeline.
/// A connection that sends nothing within the idle timeout is closed.
final class HTTPProtocolDetector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
    static let preface: [UInt8] = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

    /// What the bytes so far say.
    enum Verdict: Equatable {
        case needMoreBytes
        case http2
        case http1
    }

    private let environment: ServerConnectionEnvironment
    private let logger: Logger
    private var buffered: ByteBuffer?
    private var timer: Scheduled<Void>?

    init(environment: ServerConnectionEnvironment, logger: Logger) {
        self.environment = environment
        self.logger = logger
    }

    /// Compares `bytes` with the preface as far as they go.
    static func classify(_ bytes: ByteBuffer, http2Enabled: Bool) -> Verdict {
        guard http2Enabled else { return .http1 }
        let count = min(bytes.readableBytes, Self.preface.count)
        let matches = bytes.withUnsafeReadableBytes { raw in
            zip(raw.prefix(count), Self.preface.prefix(count)).allSatisfy { $0 == $1 }
        }
        if !matches { return .http1 }
        return count == Self.preface.count ? .http2 : .needMoreBytes
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.timer = context.eventLoop.assumeIsolated().scheduleTask(in: self.environment.configuration.idleTimeout) {
            context.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
        self.timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = self.unwrapInboundIn(data)
        if var buffered = self.buffered {
            self.buffered = nil
            buffered.writeBuffer(&bytes)
            bytes = buffered
        }
        switch Self.classify(bytes, http2Enabled: self.environment.configuration.enableHTTP2) {
        case .needMoreBytes:
            self.buffered = bytes
        case .http2:
            self.install(
                [HTTP2ServerConnectionHandler(environment: self.environment, logger: self.logger)],
                bytes: bytes,
                context: context
            )
        case .http1:
            self.install(Self.http1Handlers(environment: self.environment, logger: self.logger), bytes: bytes, context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            context.close(promise: nil)  // no request has started on this connection
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func install(_ handlers: [any ChannelHandler], bytes: ByteBuffer, context: ChannelHandlerContext) {
        do {
            try context.pipeline.syncOperations.addHandlers(handlers, position: .after(self))
        } catch {
            self.logger.error("cannot set up connection", metadata: ["error.message": "\(error)"])
            context.close(promise: nil)
            return
        }
        context.fireChannelRead(self.wrapInboundOut(bytes))
        context.fireChannelReadComplete()
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    /// The HTTP/1.1 server pipeline: decoder (head size limited), encoder, NIO's pipelining
    /// handler (one request at a time, answers in order) and ``HTTP1ServerHandler``.
    static func http1Handlers(environment: ServerConnectionEnvironment, logger: Logger) -> [any ChannelHandler] {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderListSize = environment.configuration.maxHeaderSize
        limits.maxHeaderFieldSize = environment.configuration.maxHeaderSize
        let decoder = ByteToMessageHandler(
            HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes, limitConfiguration: limits)
        )
        let encoder = HTTPResponseEncoder()
        let pipelining = HTTPServerPipelineHandler()
        let handler = HTTP1ServerHandler(
            environment: environment,
            companions: .init(decoder: decoder, encoder: encoder, pipelining: pipelining),
            logger: logger
        )
        return [encoder, decoder, pipelining, handler]
    }
}
