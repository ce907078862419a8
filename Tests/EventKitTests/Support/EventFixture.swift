import EventKit
import Foundation
import HTTPKit
import Logging
import Metrics
import NIOCore
import Postgres
import PostgresTestSupport
import Synchronization
import Testing

/// A producer database with `users` and the outbox, served by a real `EventFeed` over HTTP on
/// 127.0.0.1, and a consumer database with `user_refs` — both on the shared test cluster.
final class EventFixture: Sendable {
    static let logger: Logger = {
        var logger = Logger(label: "events.test")
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }()

    /// Fast settings so fault paths finish quickly (the defaults are for production).
    static var testConfiguration: EventConfiguration {
        var configuration = EventConfiguration()
        configuration.pollInterval = .milliseconds(200)
        configuration.longPollWait = .seconds(2)
        configuration.initialBackoff = .milliseconds(20)
        configuration.maximumBackoff = .milliseconds(300)
        configuration.batchSize = 100
        return configuration
    }

    let producerDatabase: TestDatabase
    let consumerDatabase: TestDatabase
    let producerPool: PostgresPool
    let consumerPool: PostgresPool
    let producer: TestProducer
    let configuration: EventConfiguration
    let controls = TestConsumer.Controls()
    let httpClient: HTTPClient
    private let server = Mutex<(HTTPServer, EventFeed, Task<Void, any Error>)?>(nil)
    private let port = Mutex<Int>(0)

    private init(producerDatabase: TestDatabase, consumerDatabase: TestDatabase, configuration: EventConfiguration) {
        self.producerDatabase = producerDatabase
        self.consumerDatabase = consumerDatabase
        self.producerPool = producerDatabase.makePool(maximumConnections: 8)
        self.consumerPool = consumerDatabase.makePool(maximumConnections: 4)
        self.producer = TestProducer(pool: producerPool)
        self.configuration = configuration
        self.httpClient = HTTPClient(logger: Self.logger)
    }

    /// Runs `body` with a migrated producer and consumer and a running feed server.
    static func with(configuration: EventConfiguration = testConfiguration, _ body: (EventFixture) async throws -> Void) async throws {
        try await TestDatabase.with(prefix: "producer") { producerDatabase in
            try await TestDatabase.with(prefix: "consumer") { consumerDatabase in
                let fixture = EventFixture(producerDatabase: producerDatabase, consumerDatabase: consumerDatabase, configuration: configuration)
                do {
                    try await fixture.producerPool.script(TestProducer.schema)
                    try await OutboxSchema.migrate(fixture.producerPool, logger: logger)
                    try await fixture.consumerPool.script(TestConsumer.schema)
                    try await ConsumerSchema.migrate(fixture.consumerPool, logger: logger)
                    try await fixture.startFeed()
                    try await body(fixture)
                } catch {
                    await fixture.tearDown()
                    throw error
                }
                await fixture.tearDown()
            }
        }
    }

    private func tearDown() async {
        await stopFeed()
        await httpClient.shutdown()
        await producerPool.shutdown()
        await consumerPool.shutdown()
    }

    /// Starts a feed server (on the previous port after a restart, so consumers find it again).
    func startFeed() async throws {
        let feed = EventFeed(pool: producerPool, snapshots: [TestProducer.snapshot], configuration: configuration, logger: Self.logger)
        var router = HTTPRouter()
        feed.install(into: &router)
        let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: port.withLock { $0 }), responder: router, logger: Self.logger)
        try await server.start()
        port.withLock { $0 = server.port ?? 0 }
        let listening = Task { try await feed.run() }
        self.server.withLock { $0 = (server, feed, listening) }
    }

    /// Stops the feed server (a producer going down).
    func stopFeed() async {
        guard let (server, feed, listening) = self.server.withLock({ state in defer { state = nil }; return state }) else { return }
        await feed.shutdown()
        listening.cancel()
        _ = try? await listening.value
        await server.shutdown()
    }

    var feedPort: Int { port.withLock { $0 } }

    var endpoint: EventProducerEndpoint {
        EventProducerEndpoint(name: "identity", upstream: HTTPUpstream(host: "127.0.0.1", port: feedPort))
    }

    func makeConsumer(
        name: String = "learning", configuration: EventConfiguration? = nil, handlers: EventHandlers? = nil,
        metricsFactory: (any MetricsFactory)? = nil,
        onBatchCommitted: (@Sendable (EventConsumer.BatchReport) -> Void)? = nil
    ) -> EventConsumer {
        EventConsumer(name: name, producer: endpoint, pool: consumerPool, handlers: handlers ?? TestConsumer.handlers(controls),
                      configuration: configuration ?? self.configuration, httpClient: httpClient, logger: Self.logger,
                      metricsFactory: metricsFactory, onBatchCommitted: onBatchCommitted)
    }

    /// Polls (without waiting) until a poll brings nothing new, at most `maxPolls` times.
    func drain(_ consumer: EventConsumer, maxPolls: Int = 1000) async throws {
        for _ in 0..<maxPolls {
            let report = try await consumer.poll()
            if report == nil || report!.events.isEmpty { return }
        }
        Issue.record("the consumer did not drain within \(maxPolls) polls")
    }

    /// Waits (bounded) until `user_refs` equals `users`; returns whether it did.
    func waitUntilConverged(timeout: Duration = .seconds(120)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await producer.users() == TestConsumer.refs(consumerPool) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// The reference table equals the producer's users, and no event was applied twice; with
    /// `allEventsApplied`, every outbox event was applied exactly once.
    func expectConverged(allEventsApplied: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let users = try await producer.users()
        let refs = try await TestConsumer.refs(consumerPool)
        #expect(users == refs, "user_refs differs from users", sourceLocation: sourceLocation)
        let counts = try await TestConsumer.applicationCounts(consumerPool)
        let twice = counts.filter { $0.value > 1 }
        #expect(twice.isEmpty, "events applied more than once: \(twice)", sourceLocation: sourceLocation)
        if allEventsApplied {
            let ids = try await producer.eventIDs()
            let missing = ids.filter { counts[$0] == nil }
            #expect(missing.isEmpty, "\(missing.count) of \(ids.count) events never applied", sourceLocation: sourceLocation)
            #expect(Set(counts.keys).isSubset(of: Set(ids)), sourceLocation: sourceLocation)
        }
    }

    /// Runs two instances of the consumer (`handlers`, else the test handlers) side by side while
    /// 100 users are created; expects the reference table to converge with every event applied once.
    func expectTwoInstancesApplyEachEventOnce(handlers: EventHandlers? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let first = makeConsumer(handlers: handlers)
        let second = makeConsumer(handlers: handlers)
        let runs = [Task { try await first.run() }, Task { try await second.run() }]
        for index in 0..<100 { try await producer.createUser(email: "twin\(index)@example.com") }
        #expect(try await waitUntilConverged(), sourceLocation: sourceLocation)
        for run in runs { run.cancel() }
        for run in runs { _ = try? await run.value }
        try await expectConverged(sourceLocation: sourceLocation)
    }

    /// Raw GET on the feed server: status and body text.
    func get(_ path: String) async throws -> (Int, String) {
        let response = try await httpClient.upstream(endpoint.upstream).send(HTTPClientRequest(method: .GET, path: path))
        return (Int(response.status.code), String(buffer: response.body))
    }
}
