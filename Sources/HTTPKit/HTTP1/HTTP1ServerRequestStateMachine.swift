import NIOCore

/// The life of requests on one HTTP/1.1 server connection, as a value: it receives the
/// connection's events (head, body part, end, response written, parser error, timer tick) and
/// says what to do. The handler owns the I/O; this type owns the decisions (limits, timeouts,
/// keep-alive), so they are tested without a socket.
struct HTTP1ServerRequestStateMachine {
    enum State: Equatable {
        /// Between requests (keep-alive), since `since`.
        case idle(since: NIODeadline)
        /// Receiving a request that began at `startedAt`.
        case receiving(startedAt: NIODeadline, bodyBytes: Int, keepAlive: Bool)
        /// The request was refused while arriving; its rest is ignored and the connection closes.
        case discarding
        /// The request was handed to the responder; waiting for its response.
        case responding(keepAlive: Bool)
        /// The connection is closing.
        case closed
    }

    /// What the handler must do next.
    enum Action: Equatable {
        case none
        /// Keep the body part.
        case appendBody
        /// Hand the complete request to the responder.
        case dispatch(keepAlive: Bool)
        /// Answer with this status (and `connection: close`), then close.
        case respondAndClose(HTTPStatusCode)
        /// Close the connection now.
        case close
        /// The response went out; keep the connection open for the next request.
        case ready
    }

    /// The statuses this machine answers with itself.
    enum HTTPStatusCode: Int, Equatable {
        case badRequest = 400
        case requestTimeout = 408
        case payloadTooLarge = 413
        case headerFieldsTooLarge = 431
    }

    private(set) var state: State
    let maxBodySize: Int
    let idleTimeout: TimeAmount
    let requestTimeout: TimeAmount

    init(maxBodySize: Int, idleTimeout: TimeAmount, requestTimeout: TimeAmount, now: NIODeadline) {
        self.state = .idle(since: now)
        self.maxBodySize = maxBodySize
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
    }

    /// A request head arrived. `declaredLength` is its `content-length`, if any.
    mutating func receivedHead(declaredLength: Int?, keepAlive: Bool, now: NIODeadline) -> Action {
        switch self.state {
        case .idle:
            if let declaredLength, declaredLength > self.maxBodySize {
                self.state = .discarding
                return .respondAndClose(.payloadTooLarge)
            }
            self.state = .receiving(startedAt: now, bodyBytes: 0, keepAlive: keepAlive)
            return .none
        case .discarding, .closed:
            return .none
        case .receiving, .responding:
            // The pipelining handler delivers one request at a time; anything else is a bug upstream.
            self.state = .closed
            return .close
        }
    }

    /// A body part of `count` bytes arrived.
    mutating func receivedBody(count: Int) -> Action {
        switch self.state {
        case .receiving(let startedAt, let bodyBytes, let keepAlive):
            let total = bodyBytes + count
            if total > self.maxBodySize {
                self.state = .discarding
                return .respondAndClose(.payloadTooLarge)
            }
            self.state = .receiving(startedAt: startedAt, bodyBytes: total, keepAlive: keepAlive)
            return .appendBody
        default:
            return .none
        }
    }

    /// The request ended.
    mutating func receivedEnd() -> Action {
        switch self.state {
        case .receiving(_, _, let keepAlive):
            self.state = .responding(keepAlive: keepAlive)
            return .dispatch(keepAlive: keepAlive)
        default:
            return .none
        }
    }

    /// The response to the current request was written (its last part handed to the channel).
    mutating func wroteResponse(now: NIODeadline) -> Action {
        switch self.state {
        case .responding(let keepAlive):
            if keepAlive {
                self.state = .idle(since: now)
                return .ready
            }
            self.state = .closed
            return .close
        default:
            return .none
        }
    }

    /// The decoder rejected the bytes (`headerTooLarge` for an oversized head).
    mutating func parserFailed(headerTooLarge: Bool) -> Action {
        switch self.state {
        case .idle, .receiving:
            self.state = .closed
            return .respondAndClose(headerTooLarge ? .headerFieldsTooLarge : .badRequest)
        case .responding, .discarding:
            self.state = .closed
            return .close
        case .closed:
            return .none
        }
    }

    /// The connection's periodic timer fired.
    mutating func timerFired(now: NIODeadline) -> Action {
        switch self.state {
        case .idle(let since) where now - since >= self.idleTimeout:
            self.state = .closed
            return .close
        case .receiving(let startedAt, _, _) where now - startedAt >= self.requestTimeout:
            self.state = .discarding
            return .respondAndClose(.requestTimeout)
        default:
            return .none
        }
    }

    /// The server is shutting down: close now if between requests, otherwise after the response.
    mutating func quiesce() -> Action {
        switch self.state {
        case .idle:
            self.state = .closed
            return .close
        case .receiving(let startedAt, let bodyBytes, _):
            self.state = .receiving(startedAt: startedAt, bodyBytes: bodyBytes, keepAlive: false)
            return .none
        case .responding:
            self.state = .responding(keepAlive: false)
            return .none
        case .discarding, .closed:
            return .none
        }
    }

    /// `true` while a response is owed (the connection must stay open for it).
    var isResponding: Bool {
        if case .responding = self.state { return true }
        return false
    }
}
