import Logging
import NIOCore
import NIOHTTP1

/// Serves HTTP/2 on one connection through an nghttp2 server session.
///
/// Each read is fed to nghttp2 in place; when `nghttp2_session_mem_recv` returns, the handler
/// drains the queued events: complete requests go to the responder (answered synchronously when
/// the responder can), refused ones get `413`/`431`, closed streams drop their pending answers.
/// Output is produced once per read batch and flushed on `channelReadComplete`, or at once when
/// an asynchronous answer arrives. Protocol errors make nghttp2 send GOAWAY; once the session
/// wants neither to read nor to write, the connection closes.
final class HTTP2ServerConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The request of an `Upgrade: h2c` exchange, answered as stream 1.
    struct Upgrade {
        var settingsPayload: [UInt8]
        var request: HTTPRequest
        var startedAt: NIODeadline
    }

    private struct PendingAnswer {
        var method: HTTPMethod
        var startedAt: NIODeadline
    }

    private let environment: ServerConnectionEnvironment
    private var logger: Logger
    private var upgrade: Upgrade?
    private var session: NGHTTP2Session?
    private var context: ChannelHandlerContext?
    private var requestContext: HTTPRequestContext?
    private var machine: HTTP2ServerConnectionStateMachine
    private var pending: [Int32: PendingAnswer] = [:]
    private var isReading = false
    private var needsFlush = false
    private var isClosing = false
    private var timer: Scheduled<Void>?
    private var metrics: ConnectionMetrics

    init(environment: ServerConnectionEnvironment, logger: Logger, upgrade: Upgrade? = nil) {
        self.environment = environment
        self.logger = logger
        self.upgrade = upgrade
        self.metrics = ConnectionMetrics(environment.metrics)
        self.machine = HTTP2ServerConnectionStateMachine(idleTimeout: environment.configuration.idleTimeout, now: .now())
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.requestContext = HTTPRequestContext(
            eventLoop: context.eventLoop,
            allocator: context.channel.allocator,
            remoteAddress: context.channel.remoteAddress,
            logger: self.logger
        )
        if self.environment.configuration.runsTasksOnEventLoop {
            self.requestContext!.taskExecutor = EventLoopTaskExecutor(eventLoop: context.eventLoop)
        }
        let configuration = self.environment.configuration
        do {
            let session = try NGHTTP2Session(
                role: .server,
                allocator: context.channel.allocator,
                maxHeaderListSize: configuration.maxHeaderSize,
                maxBodySize: configuration.maxBodySize
            )
            var settings = NGHTTP2Session.LocalSettings()
            settings.maxConcurrentStreams = UInt32(clamping: configuration.maxConcurrentStreams)
            settings.maxHeaderListSize = UInt32(clamping: configuration.maxHeaderSize)
            try session.submitSettings(settings)
            self.session = session
            if let upgrade = self.upgrade {
                self.upgrade = nil
                try session.upgradeFromHTTP1(
                    settingsPayload: upgrade.settingsPayload,
                    isHeadRequest: upgrade.request.method == .HEAD
                )
                var request = upgrade.request
                request.wireProtocol = .http2
                self.dispatch(streamID: 1, request: request, startedAt: upgrade.startedAt)
            }
        } catch {
            self.logger.error("cannot start HTTP/2 session", metadata: ["error.message": "\(error)"])
            self.isClosing = true
            context.close(promise: nil)
            return
        }
        self.writeOutput(flush: true)
        self.scheduleTimer()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.stopTimer()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.isClosing = true
        self.stopTimer()
        for _ in self.pending {
            self.environment.metrics.activeRequests.decrement()
        }
        self.pending.removeAll()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let session = self.session, !self.isClosing else { return }
        let buffer = self.unwrapInboundIn(data)
        self.machine.recordActivity(now: .now())
        self.isReading = true
        defer { self.isReading = false }
        do {
            try session.receive(buffer)
        } catch let error as NGHTTP2Error {
            // Fatal for the connection: nghttp2 has queued a GOAWAY where one is due.
            self.logger.debug(
                "HTTP/2 session failed",
                metadata: ["error.message": "\(error)", "nghttp2.detail": "\(session.lastLibraryError ?? "")"]
            )
            if !error.isFatal { session.terminate(errorCode: .protocolError) }
            self.processEvents()
            self.writeOutput(flush: true)
            self.close()
            return
        } catch {
            self.close()
            return
        }
        self.processEvents()
        self.writeOutput(flush: false)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if self.needsFlush {
            self.needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            self.perform(self.machine.quiesce(now: .now()))
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("connection error", metadata: ["error.message": "\(error)"])
        self.close()
    }

    // MARK: Events

    private func processEvents() {
        guard let session = self.session else { return }
        session.drainEvents { event in
            switch event {
            case .messageComplete(let streamID):
                guard let message = session.takeMessage(streamID) else { return }
                self.dispatch(streamID: streamID, message: message)
            case .messageRejected(let streamID, let reason):
                self.answerRejected(streamID: streamID, reason: reason)
            case .streamClosed(let streamID, _):
                if self.pending.removeValue(forKey: streamID) != nil {
                    // Reset by the client (or the connection) before the answer was ready.
                    self.environment.metrics.activeRequests.decrement()
                }
            case .pingAcknowledged:
                self.perform(self.machine.pingAcknowledged())
            case .headComplete, .goawayReceived, .remoteSettingsChanged:
                break
            }
        }
    }

    private func dispatch(streamID: Int32, message: HTTP2InboundMessage) {
        guard let methodName = message.method, let path = message.path else {
            // nghttp2 validates pseudo-headers; only CONNECT lacks :path, and we serve no tunnels.
            self.session?.resetStream(streamID, errorCode: .protocolError)
            return
        }
        var headers = message.headers
        if let trailers = message.trailers {
            headers.add(contentsOf: trailers)
        }
        let request = HTTPRequest(
            method: HTTPMethod(rawValue: methodName),
            uri: path,
            headers: headers,
            body: message.body,
            authority: message.authority,
            wireProtocol: .http2
        )
        self.dispatch(streamID: streamID, request: request, startedAt: message.startedAt)
    }

    private func dispatch(streamID: Int32, request: HTTPRequest, startedAt: NIODeadline) {
        guard var requestContext = self.requestContext else { return }
        self.pending[streamID] = PendingAnswer(method: request.method, startedAt: startedAt)
        self.environment.metrics.activeRequests.increment()
        requestContext.streamID = streamID
        ResponderInvocation.invoke(self.environment.responder, request: request, context: requestContext) { response in
            self.answer(streamID: streamID, response: response)
        }
    }

    private func answer(streamID: Int32, response: HTTPResponse) {
        guard let pending = self.pending.removeValue(forKey: streamID) else { return }
        let now = NIODeadline.now()
        self.environment.metrics.activeRequests.decrement()
        self.metrics.recordDuration(
            method: pending.method,
            status: response.status,
            wireProtocol: .http2,
            nanoseconds: (now - pending.startedAt).nanoseconds
        )
        guard let session = self.session, !self.isClosing else { return }
        do {
            try session.submitResponse(
                streamID: streamID,
                status: response.status,
                headers: response.headers,
                body: pending.method == .HEAD ? nil : response.body,
                contentLength: response.body.readableBytes
            )
        } catch {
            self.logger.debug("cannot submit response", metadata: ["error.message": "\(error)"])
            session.resetStream(streamID, errorCode: .internalError)
        }
        self.machine.recordActivity(now: now)
        if !self.isReading {
            self.writeOutput(flush: true)
        }
    }

    private func answerRejected(streamID: Int32, reason: HTTP2InboundMessage.Rejection) {
        guard let session = self.session else { return }
        let response: HTTPResponse
        switch reason {
        case .headersTooLarge: response = .plainText(.requestHeaderFieldsTooLarge, "431 Request Header Fields Too Large\n")
        case .bodyTooLarge: response = .plainText(.payloadTooLarge, "413 Payload Too Large\n")
        case .timedOut: response = .plainText(.requestTimeout, "408 Request Timeout\n")
        }
        do {
            // nghttp2 follows a final response to a request still arriving with RST_STREAM(NO_ERROR).
            try session.submitResponse(
                streamID: streamID,
                status: response.status,
                headers: response.headers,
                body: response.body,
                contentLength: response.body.readableBytes
            )
        } catch {
            session.resetStream(streamID, errorCode: .refusedStream)
        }
    }

    // MARK: Output and lifecycle

    private func writeOutput(flush: Bool) {
        guard let session = self.session, let context = self.context else { return }
        do {
            let produced = try session.send { buffer in
                context.write(self.wrapOutboundOut(buffer), promise: nil)
            }
            if produced { self.needsFlush = true }
        } catch {
            self.logger.debug("HTTP/2 send failed", metadata: ["error.message": "\(error)"])
            self.needsFlush = true
            self.isClosing = true
        }
        if flush, self.needsFlush {
            self.needsFlush = false
            context.flush()
        }
        if self.isClosing || !session.wantsIO {
            self.close()
        }
    }

    private func perform(_ action: HTTP2ServerConnectionStateMachine.Action) {
        guard let session = self.session else { return }
        switch action {
        case .none:
            return
        case .announceShutdown:
            session.submitShutdownNotice()
            session.submitPing()
        case .sendGoaway:
            session.submitGoaway(errorCode: .noError)
        }
        if !self.isReading {
            self.writeOutput(flush: true)
        }
    }

    private func close() {
        guard let context = self.context else { return }
        self.isClosing = true
        self.stopTimer()
        if self.needsFlush {
            self.needsFlush = false
            context.flush()
        }
        context.close(promise: nil)
    }

    private func scheduleTimer() {
        guard let context = self.context else { return }
        let configuration = self.environment.configuration
        self.timer = context.eventLoop.assumeIsolated().scheduleTask(in: configuration.timerInterval) {
            self.timer = nil
            guard !self.isClosing, let session = self.session else { return }
            let now = NIODeadline.now()
            for streamID in session.streamsStarted(before: now - configuration.requestTimeout) {
                session.reject(streamID, .timedOut)
                self.answerRejected(streamID: streamID, reason: .timedOut)
            }
            let hasOpenStreams = session.hasOpenStreams || !self.pending.isEmpty
            let action = self.machine.timerFired(now: now, hasOpenStreams: hasOpenStreams)
            if case .none = action {
                self.writeOutput(flush: true)
            } else {
                self.perform(action)
            }
            if !self.isClosing { self.scheduleTimer() }
        }
    }

    private func stopTimer() {
        self.timer?.cancel()
        self.timer = nil
    }
}
