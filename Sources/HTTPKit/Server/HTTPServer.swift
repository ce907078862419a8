import CoreMetrics
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle

/// An HTTP server on SwiftNIO: HTTP/1.1 and HTTP/2 cleartext on one port (prior knowledge is
/// recognised from the connection preface; `Upgrade: h2c` is honoured), every request answered
/// by one ``HTTPResponder`` (usually an ``HTTPRouter``).
///
/// It is a swift-service-lifecycle `Service`: `run()` serves until graceful shutdown (SIGTERM in
/// a `ServiceGroup`) or cancellation, then stops accepting, sends GOAWAY on HTTP/2 connections,
/// lets in-flight requests finish (up to `shutdownGracePeriod`) and closes every connection.
///
/// ```swift
/// var router = HTTPRouter()
/// router.add(.GET, "/hello") { _, _ in .response(.plainText(.ok, "hello\n")) }
/// let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), responder: router, logger: logger)
/// try await server.start()            // bound: server.port is known
/// let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()                // or: await server.shutdown()
/// ```
public final class HTTPServer: Service, Sendable {
    /// Thrown by ``start()`` when the server was already started or stopped.
    public struct LifecycleError: Error, CustomStringConvertible {
        public var description: String
    }

    private enum State {
        case idle
        case starting
        case running(any Channel)
        case shuttingDown
        case stopped
    }

    /// The configuration the server was created with.
    public let configuration: HTTPServerConfiguration
    private let environment: ServerConnectionEnvironment
    private let group: any EventLoopGroup
    private let registry = ConnectionRegistry()
    private let state = NIOLockedValueBox(State.idle)
    /// Set once `stopped` has been completed (it must be completed exactly once).
    private let stoppedCompleted = NIOLockedValueBox(false)
    private let address = NIOLockedValueBox<SocketAddress?>(nil)
    private let stopped: EventLoopPromise<Void>
    private let readiness: HTTPReadiness?
    private let logger: Logger

    /// Creates a server; nothing is bound until ``start()`` or ``run()``.
    ///
    /// - Parameters:
    ///   - metricsFactory: where `http.server.*` metrics go (default: the bootstrapped `MetricsSystem`).
    ///   - readiness: marked as stopping when shutdown begins, so `/health/ready` answers 503.
    public init(
        configuration: HTTPServerConfiguration,
        responder: any HTTPResponder,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil,
        readiness: HTTPReadiness? = nil
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
        self.readiness = readiness
        self.environment = ServerConnectionEnvironment(
            configuration: configuration,
            responder: responder,
            metrics: HTTPServerMetrics(factory: metricsFactory ?? MetricsSystem.factory),
            logger: logger
        )
        self.stopped = eventLoopGroup.any().makePromise(of: Void.self)
    }

    /// The bound address once started.
    public var localAddress: SocketAddress? { self.address.withLockedValue { $0 } }

    /// The bound port once started (useful with `port: 0`).
    public var port: Int? { self.localAddress?.port }

    /// How many connections are open right now.
    public var connectionCount: Int { self.registry.count }

    /// How many connections the server has accepted since it started, closed ones included
    /// (connections refused during shutdown are not counted).
    public var acceptedConnectionCount: Int { self.registry.acceptedCount }

    /// Binds the listening socket. Returns once the server accepts connections.
    public func start() async throws {
        try self.state.withLockedValue { state in
            guard case .idle = state else { throw LifecycleError(description: "HTTPServer.start() called twice") }
            state = .starting
        }
        let environment = self.environment
        let registry = self.registry
        let logger = self.logger
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: self.group)
                .serverChannelOption(.backlog, value: self.configuration.backlog)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.maxMessagesPerRead, value: 16)
                .childChannelInitializer { channel in
                    guard registry.register(channel) else {
                        return channel.close()
                    }
                    var connectionLogger = logger
                    connectionLogger[metadataKey: "http.peer"] = "\(channel.remoteAddress?.description ?? "?")"
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            HTTPProtocolDetector(environment: environment, logger: connectionLogger)
                        )
                    }
                }
                .bind(host: self.configuration.host, port: self.configuration.port)
                .get()
        } catch {
            self.state.withLockedValue { $0 = .stopped }
            self.completeStopped()
            throw error
        }
        self.address.withLockedValue { $0 = channel.localAddress }
        let shutDownMeanwhile = self.state.withLockedValue { state -> Bool in
            if case .starting = state {
                state = .running(channel)
                return false
            }
            return true
        }
        if shutDownMeanwhile {
            try? await channel.close()
            throw LifecycleError(description: "HTTPServer was shut down while starting")
        }
        self.logger.info(
            "HTTP server listening",
            metadata: ["http.address": "\(channel.localAddress?.description ?? "?")"]
        )
    }

    /// Serves until graceful shutdown or task cancellation, then shuts down gracefully.
    public func run() async throws {
        let needsStart = self.state.withLockedValue { state -> Bool in
            if case .idle = state { return true }
            return false
        }
        if needsStart {
            try await self.start()
        }
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                try? await self.stopped.futureResult.get()
            } onGracefulShutdown: {
                self.beginShutdown()
            }
        } onCancel: {
            self.beginShutdown()
        }
    }

    /// Shuts down gracefully: stop accepting, GOAWAY on HTTP/2, finish in-flight requests (within
    /// `shutdownGracePeriod`), close. Returns when every connection is closed. Idempotent.
    public func shutdown() async {
        self.beginShutdown()
        try? await self.stopped.futureResult.get()
    }

    private func beginShutdown() {
        let channel = self.state.withLockedValue { state -> (any Channel)? in
            switch state {
            case .running(let channel):
                state = .shuttingDown
                return channel
            case .idle, .starting:
                state = .stopped
                return nil
            case .shuttingDown, .stopped:
                return nil
            }
        }
        self.readiness?.markStopping()
        guard let channel else {
            if case .stopped = self.state.withLockedValue({ $0 }) { self.completeStopped() }
            return
        }
        self.logger.info("HTTP server shutting down", metadata: ["http.connections": "\(self.registry.count)"])
        let eventLoop = channel.eventLoop
        let drained = eventLoop.makePromise(of: Void.self)
        let registry = self.registry
        channel.close().whenComplete { _ in
            registry.quiesceAll(drained: drained)
        }
        let grace = eventLoop.scheduleTask(in: self.configuration.shutdownGracePeriod) {
            registry.closeAll()
        }
        drained.futureResult.whenComplete { _ in
            grace.cancel()
            self.state.withLockedValue { $0 = .stopped }
            self.logger.info("HTTP server stopped")
            self.completeStopped()
        }
    }

    private func completeStopped() {
        let first = self.stoppedCompleted.withLockedValue { done -> Bool in
            defer { done = true }
            return !done
        }
        if first { self.stopped.succeed() }
    }
}
