import Logging
import NIOCore
import NIOHTTP1

/// One HTTP/1.1 keep-alive client connection: one request at a time, response collected within
/// the size limits, closed when the server asks (`connection: close`) or a request is abandoned.
final class HTTP1ClientConnectionHandler: ChannelInboundHandler, ClientConnection {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private struct InFlight {
        var requestID: Int
        var head: HTTPResponseHead?
        var body: ByteBuffer?
        var headerBytes = 0
    }

    private let connectionID: Int
    private let upstream: HTTPUpstream
    private let configuration: HTTPClientConfiguration
    private let delegate: any ClientConnectionDelegate
    private let logger: Logger
    private var context: ChannelHandlerContext?
    private var inFlight: InFlight?
    private var closed = false
    private var reportedReady = false

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
        if context.channel.isActive { self.reportReady() }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.reportReady()
        context.fireChannelActive()
    }

    private func reportReady() {
        guard !self.reportedReady else { return }
        self.reportedReady = true
        self.delegate.connectionReady(self.connectionID, capacity: 1)
    }

    // MARK: ClientConnection

    func execute(_ requestID: Int, _ request: HTTPClientRequest) {
        guard let context = self.context, !self.closed, self.inFlight == nil else {
            self.delegate.connectionGoingAway(self.connectionID)
            self.delegate.requestFinished(
                requestID,
                on: self.connectionID,
                outcome: .retryable(HTTPClientError(.connectionClosed, "connection to \(self.upstream) unavailable"))
            )
            return
        }
        self.inFlight = InFlight(requestID: requestID)
        var headers = request.headers
        if !headers.contains(name: "host") {
            headers.add(name: "host", value: self.upstream.authority)
        }
        let bodyLength = request.body?.readableBytes ?? 0
        if bodyLength > 0 || request.method == .POST || request.method == .PUT || request.method == .PATCH {
            headers.replaceOrAdd(name: "content-length", value: String(bodyLength))
        }
        headers.remove(name: "transfer-encoding")
        let head = HTTPRequestHead(version: .http1_1, method: request.method, uri: request.path, headers: headers)
        context.write(self.wrapOutboundOut(.head(head)), promise: nil)
        if let body = request.body, body.readableBytes > 0 {
            context.write(self.wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
    }

    func cancel(_ requestID: Int, error: HTTPClientError) {
        guard self.inFlight?.requestID == requestID else { return }
        self.inFlight = nil
        // HTTP/1.1 cannot abandon a request and keep the connection: close it.
        self.closed = true
        self.context?.close(promise: nil)
        self.delegate.connectionGoingAway(self.connectionID)
        self.delegate.requestFinished(requestID, on: self.connectionID, outcome: .failed(error))
    }

    func close() {
        self.closed = true
        self.context?.close(promise: nil)
    }

    // MARK: Channel events

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard var current = self.inFlight else {
            // A response nobody asked for: the connection is out of step.
            self.close()
            return
        }
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            current.headerBytes = head.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
            current.head = head
            self.inFlight = current
            if current.headerBytes > self.configuration.maxResponseHeaderSize {
                self.fail(current, HTTPClientError(.responseTooLarge, "response head exceeds \(self.configuration.maxResponseHeaderSize) bytes"))
            }
        case .body(var part):
            let size = (current.body?.readableBytes ?? 0) + part.readableBytes
            if size > self.configuration.maxResponseBodySize {
                self.fail(current, HTTPClientError(.responseTooLarge, "response body exceeds \(self.configuration.maxResponseBodySize) bytes"))
                return
            }
            if current.body == nil {
                current.body = part
            } else {
                // Release our reference before appending so the buffer is not copied.
                self.inFlight = nil
                current.body!.writeBuffer(&part)
            }
            self.inFlight = current
        case .end:
            self.inFlight = nil
            guard let head = current.head else {
                self.fail(current, HTTPClientError(.protocolError, "response ended without a head"))
                return
            }
            let keepAlive = head.isKeepAlive
            if !keepAlive {
                self.closed = true
                context.close(promise: nil)
                self.delegate.connectionGoingAway(self.connectionID)
            }
            let response = HTTPResponse(status: head.status, headers: head.headers, body: current.body ?? ByteBuffer())
            self.delegate.requestFinished(current.requestID, on: self.connectionID, outcome: .response(response))
        }
    }

    private func fail(_ current: InFlight, _ error: HTTPClientError) {
        self.inFlight = nil
        self.closed = true
        self.context?.close(promise: nil)
        self.delegate.connectionGoingAway(self.connectionID)
        self.delegate.requestFinished(current.requestID, on: self.connectionID, outcome: .failed(error))
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.closed = true
        if let current = self.inFlight {
            self.inFlight = nil
            self.delegate.requestFinished(
                current.requestID,
                on: self.connectionID,
                outcome: .failed(HTTPClientError(.connectionClosed, "connection to \(self.upstream) closed before the response"))
            )
        }
        self.delegate.connectionClosed(self.connectionID)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("HTTP/1.1 client connection error", metadata: ["error.message": "\(error)"])
        if let current = self.inFlight {
            self.fail(current, HTTPClientError(.protocolError, "malformed response from \(self.upstream): \(error)"))
        } else {
            self.close()
        }
    }
}
