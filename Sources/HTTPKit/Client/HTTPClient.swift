import Atomics
import CoreMetrics
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// An HTTP client for calling upstream services: HTTP/2 (h2c, prior knowledge) with one
/// multiplexed connection per upstream (per event loop with
/// ``HTTPClientConfiguration/poolPerEventLoop``), or HTTP/1.1 with a small keep-alive pool.
///
/// Safe to share across tasks. Each upstream's pool lives on one event loop; connections are
/// opened on demand, replaced after GOAWAY or failure, and requests the server provably did not
/// process (refused streams, streams above GOAWAY's last stream id) are retried. Every request
/// has a timeout, and cancelling the calling task resets its stream.
///
/// ```swift
/// let client = HTTPClient(logger: logger)
/// let identity = client.upstream(HTTPUpstream(host: "127.0.0.1", port: 4001))
/// var request = HTTPClientRequest(method: .POST, path: "/graphql", body: ByteBuffer(string: #"{"query":"{ __typename }"}"#))
/// request.headers.add(name: "content-type", value: "application/json")
/// let response = try await identity.send(request)
/// await client.shutdown()
/// ```
public final class HTTPClient: Sendable {
    /// The configuration shared by every upstream.
    public let configuration: HTTPClientConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let metricsFactory: any MetricsFactory
    private let pools = NIOLockedValueBox<[PoolKey: PoolHandle]>([:])
    /// The group's loops, when each has its own pools (``HTTPClientConfiguration/poolPerEventLoop``).
    private let loops: [any EventLoop]
    private let isShutdown = ManagedAtomic(false)
    fileprivate let nextRequestID = ManagedAtomic(0)

    /// Creates a client. Connections open on first use.
    public init(
        configuration: HTTPClientConfiguration = HTTPClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
        self.metricsFactory = metricsFactory ?? MetricsSystem.factory
        self.loops = configuration.poolPerEventLoop ? Array(eventLoopGroup.makeIterator()) : []
    }

    /// Sends `request` to `upstream` and returns the complete response.
    /// Throws ``HTTPClientError`` (timeout, cancelled, connectFailed, ...).
    public func send(_ request: HTTPClientRequest, to upstream: HTTPUpstream) async throws -> HTTPResponse {
        try await self.upstream(upstream).send(request)
    }

    /// Sends several requests at once and waits for all of them, without a task per request:
    /// each is handed to its upstream's pool right away, then the answers are collected in
    /// order. Results are in the order of `requests`. Cancelling the calling task cancels every
    /// request still in flight.
    public func sendAll(_ requests: [(request: HTTPClientRequest, upstream: HTTPUpstream)]) async -> [Result<HTTPResponse, HTTPClientError>] {
        if self.isShutDown {
            return requests.map { _ in .failure(HTTPClientError(.shutdown, "the HTTP client is shut down")) }
        }
        if Task.isCancelled {
            return requests.map { _ in .failure(HTTPClientError(.cancelled, "the calling task was cancelled")) }
        }
        var started: [(id: Int, pool: PoolHandle, future: EventLoopFuture<HTTPResponse>)] = []
        started.reserveCapacity(requests.count)
        for (request, upstream) in requests {
            let pool = self.pool(for: upstream)
            let id = self.nextRequestID.loadThenWrappingIncrement(ordering: .relaxed)
            let promise = pool.eventLoop.makePromise(of: HTTPResponse.self)
            pool.enqueue(id, request, promise: promise)
            started.append((id, pool, promise.futureResult))
        }
        let inFlight = started
        return await withTaskCancellationHandler {
            var results: [Result<HTTPResponse, HTTPClientError>] = []
            results.reserveCapacity(started.count)
            for entry in inFlight {
                do {
                    results.append(.success(try await entry.future.get()))
                } catch let error as HTTPClientError {
                    results.append(.failure(error))
                } catch {
                    results.append(.failure(HTTPClientError(.connectionClosed, "\(error)")))
                }
            }
            return results
        } onCancel: {
            for entry in inFlight { entry.pool.cancel(entry.id) }
        }
    }

    /// A handle bound to one upstream's pool: resolve it once, then send without a lookup. (With
    /// ``HTTPClientConfiguration/poolPerEventLoop`` it is bound to the pool of the loop it was
    /// resolved on.)
    public func upstream(_ upstream: HTTPUpstream) -> HTTPUpstreamClient {
        HTTPUpstreamClient(client: self, pool: self.pool(for: upstream))
    }

    /// Fails queued requests, closes every connection (GOAWAY on HTTP/2) and waits until they are closed.
    /// Requests sent afterwards fail with `shutdown`.
    public func shutdown() async {
        self.isShutdown.store(true, ordering: .relaxed)
        let handles = self.pools.withLockedValue { Array($0.values) }
        for handle in handles {
            let closed = handle.eventLoop.flatSubmit { handle.box.value.shutdown() }
            try? await closed.get()
        }
    }

    fileprivate var isShutDown: Bool { self.isShutdown.load(ordering: .relaxed) }

    private func pool(for upstream: HTTPUpstream) -> PoolHandle {
        // With a pool per loop, the caller's own loop (if it runs on one of ours) owns the pool.
        var loopIndex = -1
        for (index, loop) in self.loops.enumerated() where loop.inEventLoop {
            loopIndex = index
            break
        }
        let key = PoolKey(upstream: upstream, loop: loopIndex)
        return self.pools.withLockedValue { pools in
            if let handle = pools[key] { return handle }
            let eventLoop = loopIndex >= 0 ? self.loops[loopIndex] : self.group.next()
            let pool = ConnectionPool(
                upstream: upstream,
                eventLoop: eventLoop,
                configuration: self.configuration,
                logger: self.logger,
                metricsFactory: self.metricsFactory
            )
            let handle = PoolHandle(
                eventLoop: eventLoop,
                box: NIOLoopBoundBox.makeBoxSendingValue(pool, as: ConnectionPool.self, eventLoop: eventLoop)
            )
            pools[key] = handle
            return handle
        }
    }
}

/// An upstream's pool: the shared one (`loop` -1) or the one of the client's loop at `loop`.
struct PoolKey: Hashable {
    let upstream: HTTPUpstream
    let loop: Int
}

/// The event loop of one upstream's pool and the pool itself, reachable only on that loop.
struct PoolHandle: Sendable {
    let eventLoop: any EventLoop
    let box: NIOLoopBoundBox<ConnectionPool>

    /// Hands request `id` to the pool: at once when called on the pool's loop, else by a hop to it.
    func enqueue(_ id: Int, _ request: HTTPClientRequest, promise: EventLoopPromise<HTTPResponse>) {
        if self.eventLoop.inEventLoop {
            self.box.value.enqueue(id, request, promise: promise)
        } else {
            self.eventLoop.execute {
                self.box.value.enqueue(id, request, promise: promise)
            }
        }
    }

    /// Abandons request `id` because its caller was cancelled (its promise fails with `.cancelled`).
    func cancel(_ id: Int) {
        self.eventLoop.execute {
            self.box.value.abandon(id, HTTPClientError(.cancelled, "the calling task was cancelled"))
        }
    }
}

/// Sends requests to one upstream (see ``HTTPClient/upstream(_:)``).
public struct HTTPUpstreamClient: Sendable {
    private let client: HTTPClient
    private let pool: PoolHandle

    fileprivate init(client: HTTPClient, pool: PoolHandle) {
        self.client = client
        self.pool = pool
    }

    /// Sends `request` and returns the complete response. Cancelling the calling task cancels
    /// the request (RST_STREAM on HTTP/2) and throws `HTTPClientError(.cancelled)`.
    public func send(_ request: HTTPClientRequest) async throws -> HTTPResponse {
        if self.client.isShutDown {
            throw HTTPClientError(.shutdown, "the HTTP client is shut down")
        }
        if Task.isCancelled {
            throw HTTPClientError(.cancelled, "the calling task was cancelled")
        }
        let id = self.client.nextRequestID.loadThenWrappingIncrement(ordering: .relaxed)
        let pool = self.pool
        let promise = pool.eventLoop.makePromise(of: HTTPResponse.self)
        return try await withTaskCancellationHandler {
            pool.enqueue(id, request, promise: promise)
            return try await promise.futureResult.get()
        } onCancel: {
            pool.cancel(id)
        }
    }
}
