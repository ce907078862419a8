import CoreMetrics
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// The connections to one upstream, all on one event loop, driven by
/// ``ConnectionPoolStateMachine``. Owns every request from `enqueue` until its promise is
/// completed: timeout, cancellation, retries of requests the server did not process.
final class ConnectionPool: ClientConnectionDelegate {
    private struct PendingRequest {
        var request: HTTPClientRequest
        var promise: EventLoopPromise<HTTPResponse>
        var deadline: NIODeadline
        var startedAt: NIODeadline
        var timer: Scheduled<Void>?
        var connection: Int?
        var retries = 0
    }

    let upstream: HTTPUpstream
    let eventLoop: any EventLoop
    private let configuration: HTTPClientConfiguration
    private let logger: Logger
    private let metrics: HTTPClientMetrics
    private var machine: ConnectionPoolStateMachine
    private var requests: [Int: PendingRequest] = [:]
    private var connections: [Int: any ClientConnection] = [:]
    private var channels: [Int: any Channel] = [:]

    init(
        upstream: HTTPUpstream,
        eventLoop: any EventLoop,
        configuration: HTTPClientConfiguration,
        logger: Logger,
        metricsFactory: any MetricsFactory
    ) {
        self.upstream = upstream
        self.eventLoop = eventLoop
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "http.upstream"] = "\(upstream)"
        self.logger = logger
        self.metrics = HTTPClientMetrics(factory: metricsFactory, upstream: upstream)
        switch upstream.protocol {
        case .http2:
            self.machine = ConnectionPoolStateMachine(maxConnections: 1, expectedCapacityPerConnection: 100)
        case .http1_1:
            self.machine = ConnectionPoolStateMachine(
                maxConnections: max(configuration.maxHTTP1Connections, 1),
                expectedCapacityPerConnection: 1
            )
        }
    }

    // MARK: Requests (called on the event loop)

    func enqueue(_ id: Int, _ request: HTTPClientRequest, promise: EventLoopPromise<HTTPResponse>) {
        let now = NIODeadline.now()
        let deadline = now + (request.timeout ?? self.configuration.requestTimeout)
        let timer = self.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.abandon(id, HTTPClientError(.timeout, "no response from \(self.upstream) within the request timeout"))
        }
        self.requests[id] = PendingRequest(request: request, promise: promise, deadline: deadline, startedAt: now, timer: timer)
        self.metrics.activeRequests.increment()
        self.perform(self.machine.request(id))
    }

    /// Cancels (or times out) a request wherever it is: queued, or in flight.
    func abandon(_ id: Int, _ error: HTTPClientError) {
        guard let pending = self.requests[id] else { return }
        if let connection = pending.connection {
            // The connection resets the stream (or closes) and reports back via requestFinished.
            self.connections[connection]?.cancel(id, error: error)
            if self.requests[id]?.connection == connection {
                // It did not know the request: settle it here.
                self.requests[id]!.connection = nil
                self.perform(self.machine.requestFinished(on: connection))
                self.complete(id, .failure(error))
            }
        } else {
            _ = self.machine.cancelQueued(id)
            self.complete(id, .failure(error))
        }
    }

    func shutdown() -> EventLoopFuture<Void> {
        self.perform(self.machine.shutdown())
        for (_, connection) in self.connections {
            connection.close()
        }
        return EventLoopFuture.andAllComplete(self.channels.values.map(\.closeFuture), on: self.eventLoop)
    }

    // MARK: Actions

    private func perform(_ actions: [ConnectionPoolStateMachine.Action]) {
        for action in actions {
            switch action {
            case .connect(let connection):
                self.connect(connection)
            case .execute(let id, let connection):
                guard self.requests[id] != nil else {
                    // Completed meanwhile (timed out): give the slot back.
                    self.perform(self.machine.requestFinished(on: connection))
                    continue
                }
                self.requests[id]!.connection = connection
                if let handler = self.connections[connection] {
                    handler.execute(id, self.requests[id]!.request)
                } else {
                    self.requestFinished(
                        id,
                        on: connection,
                        outcome: .retryable(HTTPClientError(.connectionClosed, "connection vanished"))
                    )
                }
            case .fail(let id, let reason):
                let error: HTTPClientError
                switch reason {
                case .connectFailed: error = HTTPClientError(.connectFailed, "cannot connect to \(self.upstream)")
                case .shutdown: error = HTTPClientError(.shutdown, "the HTTP client is shut down")
                case .cancelledWhileQueued: error = HTTPClientError(.cancelled, "cancelled while waiting for a connection")
                }
                self.complete(id, .failure(error))
            case .close(let connection):
                self.connections[connection]?.close()
            }
        }
    }

    private func complete(_ id: Int, _ result: Result<HTTPResponse, HTTPClientError>) {
        guard let pending = self.requests.removeValue(forKey: id) else { return }
        pending.timer?.cancel()
        self.metrics.activeRequests.decrement()
        self.metrics.record(
            method: pending.request.method,
            result: result.map(\.status),
            nanoseconds: (NIODeadline.now() - pending.startedAt).nanoseconds
        )
        switch result {
        case .success(let response): pending.promise.succeed(response)
        case .failure(let error): pending.promise.fail(error)
        }
    }

    private func connect(_ connection: Int) {
        let boundSelf = NIOLoopBound(self, eventLoop: self.eventLoop)
        let upstream = self.upstream
        let configuration = self.configuration
        let logger = self.logger
        ClientBootstrap(group: self.eventLoop)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pool = boundSelf.value
                    let sync = channel.pipeline.syncOperations
                    switch upstream.protocol {
                    case .http2:
                        let handler = HTTP2ClientConnectionHandler(
                            connectionID: connection,
                            upstream: upstream,
                            configuration: configuration,
                            delegate: pool,
                            logger: logger
                        )
                        pool.register(connection, handler: handler, channel: channel)
                        try sync.addHandler(handler)
                    case .http1_1:
                        let handler = HTTP1ClientConnectionHandler(
                            connectionID: connection,
                            upstream: upstream,
                            configuration: configuration,
                            delegate: pool,
                            logger: logger
                        )
                        pool.register(connection, handler: handler, channel: channel)
                        try sync.addHTTPClientHandlers(leftOverBytesStrategy: .dropBytes)
                        try sync.addHandler(handler)
                    }
                }
            }
            .connect(host: upstream.host, port: upstream.port)
            .whenFailure { error in
                let pool = boundSelf.value
                pool.logger.debug("connect failed", metadata: ["error.message": "\(error)"])
                pool.connections[connection] = nil
                pool.channels[connection] = nil
                pool.perform(pool.machine.connectFailed(connection))
            }
    }

    private func register(_ connection: Int, handler: any ClientConnection, channel: any Channel) {
        self.connections[connection] = handler
        self.channels[connection] = channel
    }

    // MARK: ClientConnectionDelegate

    func connectionReady(_ connection: Int, capacity: Int) {
        self.perform(self.machine.connected(connection, capacity: capacity))
    }

    func connectionCapacityChanged(_ connection: Int, capacity: Int) {
        self.perform(self.machine.capacityChanged(connection, capacity: capacity))
    }

    func connectionGoingAway(_ connection: Int) {
        self.perform(self.machine.goaway(on: connection))
    }

    func connectionClosed(_ connection: Int) {
        self.connections[connection] = nil
        self.channels[connection] = nil
        self.perform(self.machine.closed(connection))
    }

    func requestFinished(_ id: Int, on connection: Int, outcome: ClientRequestOutcome) {
        guard self.requests[id]?.connection == connection else { return }
        self.requests[id]!.connection = nil
        self.perform(self.machine.requestFinished(on: connection))
        switch outcome {
        case .response(let response):
            self.complete(id, .success(response))
        case .failed(let error):
            self.complete(id, .failure(error))
        case .retryable(let error):
            let pending = self.requests[id]!
            if pending.retries < self.configuration.maxRetries, NIODeadline.now() < pending.deadline {
                self.requests[id]!.retries += 1
                self.logger.debug("retrying request the server did not process", metadata: ["error.message": "\(error)"])
                self.perform(self.machine.retry(id))
            } else {
                self.complete(id, .failure(error))
            }
        }
    }
}
