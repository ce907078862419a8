import EventKit
import Foundation
import GraphQLHTTP
import GraphQLKit
import HTTPKit
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import Postgres
import Prometheus
import ServiceLifecycle

/// Runs one service: what every subgraph shares, so a service is only its schema, resolvers, SQL
/// and event handlers.
///
/// `start` reads the configuration, bootstraps logging and Prometheus metrics, opens the pool and
/// applies migrations (the service's own, plus EventKit's outbox and consumer tables when used).
/// The service then mounts its GraphQL schema, its event feed and its consumers, and `run()` serves
/// `/graphql`, `/health/live`, `/health/ready` (database reachable, every consumer's lag within
/// bounds), `/metrics` and `/events` until SIGTERM or SIGINT, then shuts down gracefully.
///
/// ```swift
/// let host = try await ServiceHost.start(name: "learning", defaultPort: 4002,
///                                        migrations: LearningMigrations.all, producesEvents: true, consumesEvents: true)
/// host.mountGraphQL(try LearningSchema.make(host)) { request in try await LearningContext(request, host) }
/// host.serveEvents(snapshots: [])
/// host.consume(from: "identity", defaultURL: "http://127.0.0.1:4001", handlers: handlers)
/// try await host.run()
/// ```
public final class ServiceHost: @unchecked Sendable {
    // @unchecked: the mutable parts (router, services, consumers) are only changed during set-up,
    // before `run()`, from the single task that owns the host; after that they are only read.
    public let configuration: ServiceConfiguration
    public let logger: Logger
    public let pool: PostgresPool
    public let readiness = HTTPReadiness()
    public let httpClient: HTTPClient
    public let registry: PrometheusCollectorRegistry
    public private(set) var router = HTTPRouter()
    public private(set) var consumers: [EventConsumer] = []
    private var services: [any Service] = []

    private static let metricsBootstrap: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    private init(configuration: ServiceConfiguration, logger: Logger, pool: PostgresPool) {
        self.configuration = configuration
        self.logger = logger
        self.pool = pool
        self.registry = Self.metricsBootstrap
        self.httpClient = HTTPClient(logger: logger)
    }

    /// Reads the configuration, opens the pool and applies migrations.
    public static func start(
        name: String, defaultPort: Int, migrations: [Migration],
        producesEvents: Bool = false, consumesEvents: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> ServiceHost {
        let configuration = try ServiceConfiguration(serviceName: name, defaultPort: defaultPort, environment: environment)
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: name)
        logger.logLevel = level
        var options = PostgresPool.Options()
        options.maximumConnections = configuration.poolSize
        options.name = name
        let pool = PostgresPool(configuration: configuration.database, options: options, logger: logger)
        let host = ServiceHost(configuration: configuration, logger: logger, pool: pool)
        if configuration.migrateOnStart {
            try await host.migrate(migrations, producesEvents: producesEvents, consumesEvents: consumesEvents)
        }
        HealthEndpoints.install(into: &host.router, readiness: host.readiness)
        host.router.add("/metrics", methods: [.GET], responder: PrometheusMetricsResponder(registry: host.registry))
        host.readiness.addCheck("database") { [pool] in
            (try? await pool.query("SELECT 1")) != nil
        }
        return host
    }

    /// Applies the service's migrations and EventKit's (one transaction each, advisory-locked).
    public func migrate(_ migrations: [Migration], producesEvents: Bool, consumesEvents: Bool) async throws {
        let report = try await MigrationRunner(migrations: migrations, logger: logger).migrate(pool)
        if producesEvents { try await OutboxSchema.migrate(pool, logger: logger) }
        if consumesEvents { try await ConsumerSchema.migrate(pool, logger: logger) }
        logger.info("migrations applied", metadata: ["db.migrations.applied": "\(report)"])
    }

    /// Serves `schema` at `/graphql` (GET and POST, GraphQL over HTTP), with one context per request,
    /// built asynchronously (token verification may fetch the JWKS). An ``AuthError`` from
    /// `makeContext` answers with its `extensions.code` (e.g. `UNAUTHENTICATED`) and no data; any
    /// other error with `INTERNAL_SERVER_ERROR`.
    public func mountGraphQL<Context: Sendable>(_ schema: ExecutableSchema<Context>, path: String = "/graphql",
                                                makeContext: @escaping @Sendable (GraphQLHTTPRequest) async throws -> Context) {
        router.addGraphQL(path: path, executor: ExecutableSchemaHTTPExecutor(schema: schema, asynchronousContext: { request in
            do {
                return try await makeContext(request)
            } catch let error as AuthError {
                throw error.graphQLError
            } catch let error as GraphQLError {
                throw error
            } catch {
                throw ServiceError(code: "INTERNAL_SERVER_ERROR", message: "\(error)").graphQLError
            }
        }))
    }

    /// Adds a route of the service's own (e.g. Identity's `/.well-known/jwks.json`).
    public func addRoute(_ path: String, methods: [HTTPMethod], responder: any HTTPResponder) {
        router.add(path, methods: methods, responder: responder)
    }

    /// Serves the outbox at `/events` (and `/events/snapshot`), with retention.
    public func serveEvents(snapshots: [SnapshotSource]) {
        let feed = EventFeed(pool: pool, snapshots: snapshots, configuration: configuration.events, logger: logger)
        feed.install(into: &router)
        services.append(feed)
        services.append(OutboxRetention(pool: pool, configuration: configuration.events, logger: logger))
    }

    /// Consumes `producer`'s feed (at `<PRODUCER>_EVENTS_URL`) with `handlers`; its lag joins readiness.
    @discardableResult
    public func consume(from producer: String, defaultURL: String, handlers: EventHandlers,
                        onBatchCommitted: (@Sendable (EventConsumer.BatchReport) -> Void)? = nil) throws -> EventConsumer {
        let url = try configuration.eventsURL(producer: producer, default: defaultURL)
        let consumer = EventConsumer(
            name: configuration.serviceName,
            producer: EventProducerEndpoint(name: producer, upstream: url.upstream, path: url.path == "/" ? "/events" : url.path),
            pool: pool, handlers: handlers, configuration: configuration.events, httpClient: httpClient, logger: logger,
            onBatchCommitted: onBatchCommitted)
        consumer.install(readiness: readiness)
        consumers.append(consumer)
        services.append(consumer)
        return consumer
    }

    /// A verifier of bearer tokens using Identity's JWKS (`AUTH_JWKS_URL`).
    public func remoteTokenVerifier() -> TokenVerifier {
        TokenVerifier(jwks: configuration.jwksURL.upstream, path: configuration.jwksURL.path,
                      issuer: configuration.authIssuer, httpClient: httpClient, logger: logger)
    }

    /// Serves until SIGTERM/SIGINT, then stops accepting, drains requests, lets consumers commit
    /// their batch in progress, and closes the pool.
    public func run() async throws {
        let server = HTTPServer(configuration: configuration.http, responder: router, logger: logger, readiness: readiness)
        // The server first: the group shuts services down in reverse order, so the feed and the
        // consumers stop before the server drains (long polls do not hold the drain up).
        let group = ServiceGroup(
            services: [server] + services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        logger.info("service starting", metadata: [
            "service": "\(configuration.serviceName)", "http.port": "\(configuration.http.port)",
        ])
        do {
            try await group.run()
        } catch {
            logger.error("service stopped with an error", metadata: ["error": "\(error)"])
            await shutdownResources()
            throw error
        }
        await shutdownResources()
        logger.info("service stopped")
    }

    /// Closes the pool and HTTP client without serving (after a one-off command).
    public func shutdown() async {
        for consumer in consumers { await consumer.close() }
        await shutdownResources()
    }

    private func shutdownResources() async {
        await httpClient.shutdown()
        await pool.shutdown()
    }
}
