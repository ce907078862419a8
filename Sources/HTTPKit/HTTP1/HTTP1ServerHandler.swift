import Logging
import NIOCore
import NIOHTTP1

/// Serves HTTP/1.1 on one connection: collects each request (head and body, within the limits),
/// hands it to the responder, writes the response with `content-length`, and keeps the
/// connection alive or closes it. Sits behind NIO's `HTTPServerPipelineHandler`, which delivers
/// pipelined requests one at a time so responses leave in request order.
///
/// An `Upgrade: h2c` request (RFC 7540 §3.2) switches the connection to HTTP/2: `101`, then the
/// request is answered as stream 1 by an ``HTTP2ServerConnectionHandler``.
final class HTTP1ServerHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The HTTP/1 handlers in front of this one, removed when the connection upgrades to h2c.
    struct Companions {
        var decoder: ByteToMessageHandler<HTTPRequestDecoder>
        var encoder: HTTPResponseEncoder
        var pipelining: HTTPServerPipelineHandler
    }

    private let environment: ServerConnectionEnvironment
    private let companions: Companions
    private var machine: HTTP1ServerRequestStateMachine
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var requestStartedAt: NIODeadline = .uptimeNanoseconds(0)
    private var timer: Scheduled<Void>?
    private var logger: Logger
    private var requestContext: HTTPRequestContext?
    /// Whether the current request is counted in `http.server.active_requests`.
    private var countsAsActive = false
    private var metrics: ConnectionMetrics
    private var declaredLength: Int?

    init(environment: ServerConnectionEnvironment, companions: Companions, logger: Logger) {
        self.environment = environment
        self.companions = companions
        self.logger = logger
        self.metrics = ConnectionMetrics(environment.metrics)
        let configuration = environment.configuration
        self.machine = HTTP1ServerRequestStateMachine(
            maxBodySize: configuration.maxBodySize,
            idleTimeout: configuration.idleTimeout,
            requestTimeout: configuration.requestTimeout,
            now: .now()
        )
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.requestContext = HTTPRequestContext(
            eventLoop: context.eventLoop,
            allocator: context.channel.allocator,
            remoteAddress: context.channel.remoteAddress,
            logger: self.logger
        )
        if self.environment.configuration.runsTasksOnEventLoop {
            self.requestContext!.taskExecutor = EventLoopTaskExecutor(eventLoop: context.eventLoop)
        }
        self.scheduleTimer(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
        self.timer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.timer?.cancel()
        self.timer = nil
        self.endActiveRequest()
        context.fireChannelInactive()
    }

    // MARK: Reading

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            let declared = head.headers.first(name: "content-length").flatMap { Int($0) }
            let now = NIODeadline.now()
            let action = self.machine.receivedHead(declaredLength: declared, keepAlive: head.isKeepAlive, now: now)
            if case .none = action, case .receiving = self.machine.state {
                self.head = head
                self.body = nil
                self.requestStartedAt = now
                self.countsAsActive = true
                self.environment.metrics.activeRequests.increment()
                self.declaredLength = declared
                if head.headers.contains(name: "expect"),
                    head.headers[canonicalForm: "expect"].contains(where: { $0.lowercased() == "100-continue" })
                {
                    context.writeAndFlush(
                        self.wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))),
                        promise: nil
                    )
                }
            }
            self.perform(action, context: context)
        case .body(let part):
            let action = self.machine.receivedBody(count: part.readableBytes)
            if case .appendBody = action {
                if self.body == nil {
                    if part.readableBytes >= (self.declaredLength ?? 0) {
                        self.body = part  // a body that arrived whole stays a slice of the read buffer
                    } else {
                        // Sized from content-length, but never more than a few reads ahead of the
                        // bytes actually received: a header alone does not make us allocate much.
                        let capacity = min(self.declaredLength!, max(64 * 1024, 4 * part.readableBytes))
                        var buffer = context.channel.allocator.buffer(capacity: capacity)
                        buffer.writeImmutableBuffer(part)
                        self.body = buffer
                    }
                } else {
                    self.body!.writeImmutableBuffer(part)
                }
            }
            self.perform(action, context: context)
        case .end:
            self.perform(self.machine.receivedEnd(), context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            self.logger.debug("connection error", metadata: ["error.message": "\(error)"])
            context.close(promise: nil)
            return
        }
        self.logger.debug("malformed HTTP/1 request", metadata: ["error.message": "\(parserError)"])
        let tooLarge = parserError == .headerOverflow
        self.perform(self.machine.parserFailed(headerTooLarge: tooLarge), context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            self.perform(self.machine.quiesce(), context: context)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: Acting

    private func perform(_ action: HTTP1ServerRequestStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .none, .appendBody, .ready:
            break
        case .close:
            context.close(promise: nil)
        case .respondAndClose(let code):
            self.writeErrorAndClose(code, context: context)
        case .dispatch(let keepAlive):
            self.dispatch(keepAlive: keepAlive, context: context)
        }
    }

    private func dispatch(keepAlive: Bool, context: ChannelHandlerContext) {
        guard let head = self.head, let requestContext = self.requestContext else { return }
        let body = self.body ?? ByteBuffer()
        self.head = nil
        self.body = nil
        let request = HTTPRequest(
            method: head.method,
            uri: head.uri,
            headers: head.headers,
            body: body,
            authority: head.headers.first(name: "host"),
            wireProtocol: .http1_1
        )
        if self.environment.configuration.enableHTTP2, head.headers.contains(name: "upgrade"),
            let upgrade = H2CUpgradeRequest(head: head)
        {
            self.upgradeToHTTP2(request: request, upgrade: upgrade, context: context)
            return
        }
        // llhttp stops parsing after any upgrade request (and CONNECT): the connection can carry
        // nothing after this answer, so it closes.
        let keepAlive = keepAlive && !head.asksForProtocolSwitch
        let startedAt = self.requestStartedAt
        let method = head.method
        let version = head.version
        let loopBoundContext = context
        ResponderInvocation.invoke(self.environment.responder, request: request, context: requestContext) { response in
            self.writeResponse(
                response,
                method: method,
                version: version,
                keepAlive: keepAlive,
                startedAt: startedAt,
                context: loopBoundContext
            )
        }
    }

    private func writeResponse(
        _ response: HTTPResponse,
        method: HTTPMethod,
        version: HTTPVersion,
        keepAlive: Bool,
        startedAt: NIODeadline,
        context: ChannelHandlerContext
    ) {
        var headers = response.headers
        headers.replaceOrAdd(name: "content-length", value: String(response.body.readableBytes))
        if !keepAlive {
            headers.replaceOrAdd(name: "connection", value: "close")
        }
        let now = NIODeadline.now()
        self.endActiveRequest()
        self.metrics.recordDuration(
            method: method,
            status: response.status,
            wireProtocol: .http1_1,
            nanoseconds: (now - startedAt).nanoseconds
        )
        // Decide before writing `.end`: the pipelining handler may deliver the next request
        // from inside that write.
        let action = self.machine.wroteResponse(now: now)
        context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: version, status: response.status, headers: headers))), promise: nil)
        if method != .HEAD, response.body.readableBytes > 0 {
            context.write(self.wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        }
        if case .close = action {
            context.writeAndFlush(self.wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        } else {
            context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    private func writeErrorAndClose(_ code: HTTP1ServerRequestStateMachine.HTTPStatusCode, context: ChannelHandlerContext) {
        let status = HTTPResponseStatus(statusCode: code.rawValue)
        let text = "\(code.rawValue) \(status.reasonPhrase)\n"
        self.endActiveRequest()
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "text/plain; charset=utf-8")
        headers.add(name: "content-length", value: String(text.utf8.count))
        headers.add(name: "connection", value: "close")
        self.head = nil
        self.body = nil
        context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
        context.writeAndFlush(self.wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            self.lingeringClose(context: context)
        }
    }

    /// Closes after an error answer sent while the client may still be uploading (413, 408,
    /// 400): first only our sending side, reading and discarding what still arrives, then the
    /// whole connection when the client closes or after `lingerTime`. Closing at once with
    /// unread bytes makes the kernel answer them with a reset, which can destroy the response
    /// before the client has read it.
    private func lingeringClose(context: ChannelHandlerContext) {
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.close(mode: .output, promise: promise)
        promise.futureResult.assumeIsolated().whenComplete { result in
            guard case .success = result else {
                context.close(promise: nil)
                return
            }
            context.eventLoop.assumeIsolated().scheduleTask(in: Self.lingerTime) {
                context.close(promise: nil)
            }
        }
    }

    /// How long a connection being closed after an error answer keeps draining input.
    static let lingerTime: TimeAmount = .seconds(2)

    private func endActiveRequest() {
        if self.countsAsActive {
            self.countsAsActive = false
            self.environment.metrics.activeRequests.decrement()
        }
    }

    // MARK: Timer

    private func scheduleTimer(context: ChannelHandlerContext) {
        let interval = self.environment.configuration.timerInterval
        self.timer = context.eventLoop.assumeIsolated().scheduleTask(in: interval) {
            self.timer = nil
            guard context.channel.isActive else { return }
            self.perform(self.machine.timerFired(now: .now()), context: context)
            if case .closed = self.machine.state { return }
            self.scheduleTimer(context: context)
        }
    }

    // MARK: h2c upgrade

    private func upgradeToHTTP2(request: HTTPRequest, upgrade: H2CUpgradeRequest, context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        do {
            let encoderContext = try pipeline.context(handler: self.companions.encoder)
            var switching = context.channel.allocator.buffer(capacity: 80)
            switching.writeString("HTTP/1.1 101 Switching Protocols\r\nconnection: Upgrade\r\nupgrade: h2c\r\n\r\n")
            // Written below the HTTP/1 encoder, which is about to leave.
            encoderContext.write(NIOAny(switching), promise: nil)

            let http2 = HTTP2ServerConnectionHandler(
                environment: self.environment,
                logger: self.logger,
                upgrade: .init(settingsPayload: upgrade.settingsPayload, request: request, startedAt: self.requestStartedAt)
            )
            self.endActiveRequest()  // stream 1 counts it again
            self.timer?.cancel()
            self.timer = nil
            // The HTTP/1 encoder must be gone before the HTTP/2 handler writes its first frames.
            pipeline.removeHandler(self.companions.encoder, promise: nil)
            pipeline.removeHandler(self.companions.pipelining, promise: nil)
            try pipeline.addHandler(http2, position: .after(self.companions.decoder))
            pipeline.removeHandler(context: context, promise: nil)
            // Last: the decoder forwards any bytes after the upgrade request to the HTTP/2 handler.
            pipeline.removeHandler(self.companions.decoder, promise: nil)
        } catch {
            self.logger.error("h2c upgrade failed", metadata: ["error.message": "\(error)"])
            context.close(promise: nil)
        }
    }
}

extension HTTPRequestHead {
    /// `true` when llhttp treats this request as a protocol switch (`Connection: upgrade` with an
    /// `Upgrade` header, or `CONNECT`) and stops parsing the connection after it.
    var asksForProtocolSwitch: Bool {
        if self.method == .CONNECT { return true }
        guard self.headers.contains(name: "upgrade") else { return false }
        return self.headers[canonicalForm: "connection"].contains { $0.lowercased() == "upgrade" }
    }
}
