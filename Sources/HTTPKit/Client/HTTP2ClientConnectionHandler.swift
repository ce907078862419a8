import Logging
import NIOCore
import NIOHTTP1

/// One HTTP/2 (h2c, prior knowledge) client connection driven by an nghttp2 client session:
/// many requests multiplexed as streams. Requests submitted in the same event-loop tick are
/// flushed together. Completed responses, resets, GOAWAY and SETTINGS changes are reported to
/// the pool after `nghttp2_session_mem_recv` returns, never from inside nghttp2.
final class HTTP2ClientConnectionHandler: ChannelInboundHandler, ClientConnection {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let connectionID: Int
    private let upstream: HTTPUpstream
    private let configuration: HTTPClientConfiguration
    private let delegate: any ClientConnectionDelegate
    private let logger: Logger
    private var session: NGHTTP2Session?
    private var context: ChannelHandlerContext?
    private var streamsByRequest: [Int: Int32] = [:]
    private var requestsByStream: [Int32: Int] = [:]
    /// Last stream id the server's GOAWAY said it processed; later streams may be retried.
    private var goawayLastStreamID: Int32?
    private var flushScheduled = false
    private var isReading = false
    private var closed = false

    init(
        connectionID: Int,
        upstream: HTTPUpstream,
        configuration: HTTPClientConfiguration,
        delegate: any ClientConnectionDelegate,
        logger: Logger
    ) {
        self.connectionID = connectionID
        self.upstream = upstream
        self.configuration = configuration
        self.delegate = delegate
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive {
            self.start(context: context)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.start(context: context)
        context.fireChannelActive()
    }

    private func start(context: ChannelHandlerContext) {
        guard self.session == nil else { return }
        do {
            let session = try NGHTTP2Session(
                role: .client,
                allocator: context.channel.allocator,
                maxHeaderListSize: self.configuration.maxResponseHeaderSize,
                maxBodySize: self.configuration.maxResponseBodySize
            )
            var settings = NGHTTP2Session.LocalSettings()
            settings.maxHeaderListSize = UInt32(clamping: self.configuration.maxResponseHeaderSize)
            try session.submitSettings(settings)
            self.session = session
        } catch {
            self.logger.error("cannot start HTTP/2 client session", metadata: ["error.message": "\(error)"])
            context.close(promise: nil)
            return
        }
        self.flushNow()
        self.delegate.connectionReady(self.connectionID, capacity: Int(self.session!.remoteMaxConcurrentStreams))
    }

    // MARK: ClientConnection

    func execute(_ requestID: Int, _ request: HTTPClientRequest) {
        guard let session = self.session, !self.closed else {
            self.delegate.connectionGoingAway(self.connectionID)
            self.delegate.requestFinished(
                requestID,
                on: self.connectionID,
                outcome: .retryable(HTTPClientError(.connectionClosed, "connection to \(self.upstream) closed"))
            )
            return
        }
        do {
            let streamID = try session.submitRequest(
                method: request.method,
                scheme: "http",
                authority: self.upstream.authority,
                path: request.path,
                headers: request.headers,
                body: request.body
            )
            self.streamsByRequest[requestID] = streamID
            self.requestsByStream[streamID] = requestID
        } catch {
            // Stream ids exhausted or the session is ending: this connection takes no more.
            self.delegate.connectionGoingAway(self.connectionID)
            self.delegate.requestFinished(
                requestID,
                on: self.connectionID,
                outcome: .retryable(HTTPClientError(.connectionClosed, "cannot open a stream: \(error)"))
            )
            return
        }
        self.scheduleFlush()
    }

    func cancel(_ requestID: Int, error: HTTPClientError) {
        guard let streamID = self.streamsByRequest.removeValue(forKey: requestID) else { return }
        self.requestsByStream[streamID] = nil
        self.session?.resetStream(streamID, errorCode: .cancel)
        self.scheduleFlush()
        self.delegate.requestFinished(requestID, on: self.connectionID, outcome: .failed(error))
    }

    func close() {
        guard !self.closed, let context = self.context else { return }
        if let session = self.session {
            session.submitGoaway(errorCode: .noError)
            self.flushNow()
        }
        context.close(promise: nil)
    }

    // MARK: Channel events

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let session = self.session, !self.closed else { return }
        self.isReading = true
        defer { self.isReading = false }
        do {
            try session.receive(self.unwrapInboundIn(data))
        } catch {
            self.logger.debug(
                "HTTP/2 client session failed",
                metadata: ["error.message": "\(error)", "nghttp2.detail": "\(session.lastLibraryError ?? "")"]
            )
            self.processEvents()
            self.flushNow()
            context.close(promise: nil)
            return
        }
        self.processEvents()
        self.writeOutput()
        if !session.wantsIO {
            context.close(promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.closed = true
        let orphaned = self.requestsByStream
        self.requestsByStream.removeAll()
        self.streamsByRequest.removeAll()
        for (streamID, requestID) in orphaned.sorted(by: { $0.key < $1.key }) {
            let error = HTTPClientError(.connectionClosed, "connection to \(self.upstream) closed before the response")
            let unprocessed = self.goawayLastStreamID.map { streamID > $0 } ?? false
            self.delegate.requestFinished(requestID, on: self.connectionID, outcome: unprocessed ? .retryable(error) : .failed(error))
        }
        self.delegate.connectionClosed(self.connectionID)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("HTTP/2 client connection error", metadata: ["error.message": "\(error)"])
        context.close(promise: nil)
    }

    // MARK: Session events

    private func processEvents() {
        guard let session = self.session else { return }
        session.drainEvents { event in
            switch event {
            case .messageComplete(let streamID):
                guard let message = session.takeMessage(streamID),
                    let requestID = self.requestsByStream.removeValue(forKey: streamID)
                else { return }
                self.streamsByRequest[requestID] = nil
                let outcome: ClientRequestOutcome
                if let status = message.status {
                    var headers = message.headers
                    if let trailers = message.trailers { headers.add(contentsOf: trailers) }
                    outcome = .response(HTTPResponse(status: HTTPResponseStatus(statusCode: status), headers: headers, body: message.body))
                } else {
                    outcome = .failed(HTTPClientError(.protocolError, "response without :status"))
                }
                self.delegate.requestFinished(requestID, on: self.connectionID, outcome: outcome)
            case .messageRejected(let streamID, let reason):
                guard let requestID = self.requestsByStream.removeValue(forKey: streamID) else { return }
                self.streamsByRequest[requestID] = nil
                session.resetStream(streamID, errorCode: .cancel)
                let message = reason == .bodyTooLarge
                    ? "response body exceeds \(self.configuration.maxResponseBodySize) bytes"
                    : "response head exceeds \(self.configuration.maxResponseHeaderSize) bytes"
                self.delegate.requestFinished(requestID, on: self.connectionID, outcome: .failed(HTTPClientError(.responseTooLarge, message)))
            case .streamClosed(let streamID, let errorCode):
                guard let requestID = self.requestsByStream.removeValue(forKey: streamID) else { return }
                self.streamsByRequest[requestID] = nil
                let refused = errorCode == HTTP2ErrorCode.refusedStream.rawValue
                let unprocessed = self.goawayLastStreamID.map { streamID > $0 } ?? false
                let error = HTTPClientError(.streamReset, "stream reset by \(self.upstream) (HTTP/2 error code \(errorCode))")
                self.delegate.requestFinished(
                    requestID,
                    on: self.connectionID,
                    outcome: refused || unprocessed ? .retryable(error) : .failed(error)
                )
            case .goawayReceived(let lastStreamID, _):
                self.goawayLastStreamID = min(lastStreamID, self.goawayLastStreamID ?? .max)
                self.delegate.connectionGoingAway(self.connectionID)
            case .remoteSettingsChanged:
                self.delegate.connectionCapacityChanged(self.connectionID, capacity: Int(session.remoteMaxConcurrentStreams))
            case .headComplete, .pingAcknowledged:
                break
            }
        }
    }

    private func writeOutput() {
        guard let session = self.session, let context = self.context else { return }
        do {
            try session.send { buffer in
                context.write(self.wrapOutboundOut(buffer), promise: nil)
            }
        } catch {
            self.logger.debug("HTTP/2 client send failed", metadata: ["error.message": "\(error)"])
            context.close(promise: nil)
        }
    }

    private func flushNow() {
        self.writeOutput()
        self.context?.flush()
    }

    /// Batches the frames of every request submitted during this event-loop tick into one flush.
    private func scheduleFlush() {
        guard !self.flushScheduled, !self.isReading, let context = self.context else { return }
        self.flushScheduled = true
        context.eventLoop.assumeIsolated().execute {
            self.flushScheduled = false
            self.flushNow()
        }
    }
}
