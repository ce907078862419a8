import Foundation
import HTTPKit
import Logging
import Metrics
import Postgres
import ServiceLifecycle
import Synchronization

/// Pulls one producer's event feed and applies it to the local database, exactly once.
///
/// Each batch is one local transaction: it locks the consumer's cursor row (so a second instance,
/// or a concurrent resync, cannot apply the same events), skips event ids already processed,
/// runs each event's handlers in a savepoint, records the event ids and stores the new cursor —
/// all committed together or not at all. A crash at any point leaves either the whole batch with
/// its cursor, or neither. When every event of a batch has only single-statement handlers, the
/// same transaction goes out as one pipeline, without savepoints (see ``EventHandlers``).
///
/// Failures:
/// - transient (producer unreachable, 5xx, database connection or serialization failures,
///   ``TransientEventError``): the batch is rolled back and retried with exponential back-off
///   and jitter (``EventConfiguration/initialBackoff`` … ``EventConfiguration/maximumBackoff``);
/// - poison (``EventPayloadError``, or a handler failing ``EventConfiguration/handlerAttempts``
///   times): the event goes to `event_dead_letters` in the same transaction as the cursor
///   advance, and the batch goes on; ``replayDeadLetters(ids:)`` re-applies them later;
/// - `410 cursor_too_old`: the consumer resyncs from the producer's snapshot (``resync()``) and
///   continues from the snapshot's cursor.
///
/// It is a `Service`: graceful shutdown stops waiting for the feed, lets a batch in progress
/// commit, and returns; task cancellation rolls the batch in progress back.
///
/// ```swift
/// let consumer = EventConsumer(
///     name: "learning",
///     producer: EventProducerEndpoint(name: "identity", upstream: HTTPUpstream(host: "127.0.0.1", port: 4001)),
///     pool: pool, handlers: handlers, configuration: events, logger: logger)
/// consumer.install(readiness: readiness)                 // /health/ready fails while lag is out of bounds
/// let group = ServiceGroup(services: [server, consumer], gracefulShutdownSignals: [.sigterm], logger: logger)
/// ```
public final class EventConsumer: Service, Sendable {
    /// What one committed batch did.
    public struct BatchReport: Sendable {
        /// The events received (in feed order).
        public var events: [ConsumedEvent]
        public var applied: Int
        /// Already processed before (skipped).
        public var duplicates: Int
        /// No handler for their type (skipped).
        public var unhandled: Int
        public var deadLettered: Int
        /// The cursor stored with the batch.
        public var cursor: String
    }

    struct State {
        var cursor: String?
        var lag = ConsumerLag()
    }

    /// The consumer's name, stored with its cursor (`learning`).
    public let name: String
    public let producer: EventProducerEndpoint
    public let configuration: EventConfiguration
    let pool: PostgresPool
    let handlers: EventHandlers
    let client: FeedClient
    let logger: Logger
    let metrics: ConsumerMetrics
    let gate = AsyncMutex()
    let state = Mutex(State())
    private let ownedHTTPClient: HTTPClient?
    private let onBatchCommitted: (@Sendable (BatchReport) -> Void)?

    /// - Parameters:
    ///   - httpClient: shared client to reach the producer (default: one of its own, shut down by ``close()``).
    ///   - onBatchCommitted: called after each batch commits (metrics, benchmarks, tests).
    public init(
        name: String, producer: EventProducerEndpoint, pool: PostgresPool, handlers: EventHandlers,
        configuration: EventConfiguration = EventConfiguration(), httpClient: HTTPClient? = nil,
        logger: Logger = Logger(label: "events.consumer"), metricsFactory: (any MetricsFactory)? = nil,
        onBatchCommitted: (@Sendable (BatchReport) -> Void)? = nil
    ) {
        self.name = name
        self.producer = producer
        self.pool = pool
        self.handlers = handlers
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "events.consumer"] = "\(name)"
        logger[metadataKey: "events.producer"] = "\(producer.name)"
        self.logger = logger
        let http = httpClient ?? HTTPClient(logger: logger)
        self.ownedHTTPClient = httpClient == nil ? http : nil
        self.client = FeedClient(endpoint: producer, upstream: http.upstream(producer.upstream))
        self.metrics = ConsumerMetrics(consumer: name, producer: producer.name, factory: metricsFactory ?? MetricsSystem.factory)
        self.onBatchCommitted = onBatchCommitted
    }

    // MARK: Running

    /// Applies the feed until graceful shutdown or cancellation, retrying transient failures.
    ///
    /// While a batch is applied, the next page is already requested (after the cursor the batch
    /// ends at), so events committed meanwhile are on their way when the batch commits. The page
    /// is applied only if the batch committed with exactly that cursor (``apply`` checks the
    /// stored cursor under its row lock), so order and exactly-once hold as without it.
    public func run() async throws {
        var failures = 0
        var lastPrune: ContinuousClock.Instant?
        var prefetch: PrefetchedPage?
        defer { prefetch?.task.cancel() }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cycle(wait: configuration.longPollWait, prefetch: &prefetch)
                failures = 0
            } catch {
                prefetch?.task.cancel()
                prefetch = nil
                if Task.isCancelled || Task.isShuttingDownGracefully || FailureKind(error) == .cancelled { break }
                failures += 1
                metrics.retries.increment()
                let delay = Backoff.delay(attempt: failures, initial: configuration.initialBackoff, maximum: configuration.maximumBackoff)
                logger.warning("event consumer failed; retrying", metadata: [
                    "error": "\(error)", "events.retry_in": "\(delay)", "events.failures": "\(failures)",
                ])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            }
            if lastPrune.map({ $0.duration(to: .now) > .seconds(3600) }) ?? true {
                lastPrune = .now
                do {
                    try await pruneProcessed()
                } catch {
                    logger.warning("pruning processed event ids failed", metadata: ["error": "\(error)"])
                }
            }
        }
        logger.info("event consumer stopped")
        await close()
    }

    /// Reads the feed once (waiting up to `wait` for events) and applies what came, or resyncs on
    /// `410`. Throws on failure instead of retrying. Returns the batch, or nil when nothing was
    /// stored (no news, or another instance moved the cursor meanwhile).
    @discardableResult
    public func poll(wait: Duration = .zero) async throws -> BatchReport? {
        try await cycle(wait: wait)
    }

    /// Shuts down the HTTP client the consumer created for itself (not one passed in).
    public func close() async {
        await ownedHTTPClient?.shutdown()
    }

    private func cycle(wait: Duration) async throws -> BatchReport? {
        var prefetch: PrefetchedPage?
        return try await cycle(wait: wait, prefetch: &prefetch, prefetching: false)
    }

    /// A request for the page after `cursor`, sent while the batch ending at `cursor` is applied.
    struct PrefetchedPage {
        var cursor: String
        var task: Task<FeedClient.Page, any Error>
    }

    /// One read and apply: the page `prefetch` requested if it follows the stored cursor, else a
    /// new request. With `prefetching`, the next page is requested before this one is applied
    /// (`prefetch` on return).
    @discardableResult
    private func cycle(wait: Duration, prefetch: inout PrefetchedPage?, prefetching: Bool = true) async throws -> BatchReport? {
        let cursor = try await storedCursor()
        let client = self.client
        let limit = configuration.batchSize
        let page: FeedClient.Page
        do {
            if let pending = prefetch, pending.cursor == cursor {
                prefetch = nil
                page = try await cancelWhenGracefulShutdown {
                    try await withTaskCancellationHandler { try await pending.task.value } onCancel: { pending.task.cancel() }
                }
            } else {
                prefetch?.task.cancel()
                prefetch = nil
                page = try await cancelWhenGracefulShutdown { try await client.page(after: cursor, limit: limit, wait: wait) }
            }
        } catch let error as EventFeedError where error.isCursorTooOld {
            logger.warning("the producer no longer has the events after our cursor; resyncing", metadata: ["error": "\(error.message)"])
            _ = try await resync()
            return nil
        }
        if prefetching && !page.events.isEmpty && page.cursor != cursor {
            let next = page.cursor
            prefetch = PrefetchedPage(cursor: next, task: Task { try await client.page(after: next, limit: limit, wait: wait) })
        }
        return try await gate.withLock { try await apply(page, expectedCursor: cursor) }
    }

    // MARK: Cursor

    /// The cursor this consumer continues from (loaded from the database on first use).
    public func storedCursor() async throws -> String {
        if let cursor = state.withLock({ $0.cursor }) { return cursor }
        let rows = try await pool.transaction { transaction in
            try await transaction.query("""
                INSERT INTO event_consumer_cursors (consumer, producer, cursor) VALUES (\(name), \(producer.name), '')
                ON CONFLICT (consumer, producer) DO NOTHING
                """)
            return try await transaction.query(
                "SELECT cursor FROM event_consumer_cursors WHERE consumer = \(name) AND producer = \(producer.name)")
        }
        let cursor = try rows[0].decode(String.self, at: 0)
        state.withLock { $0.cursor = cursor }
        return cursor
    }

    func remember(cursor: String) {
        state.withLock { $0.cursor = cursor }
    }

    // MARK: Lag and readiness

    /// The lag as of the last successful read of the feed.
    public var lag: ConsumerLag { state.withLock { $0.lag } }

    /// Whether the lag is within ``EventConfiguration/maxLagEvents`` and
    /// ``EventConfiguration/maxLagSeconds`` (false before the first successful read).
    public var isLagWithinBounds: Bool {
        lag.isWithin(maxEvents: configuration.maxLagEvents, maxSeconds: configuration.maxLagSeconds)
    }

    /// A readiness check for `HTTPReadiness`.
    public func readinessCheck() -> HTTPReadiness.Check {
        { [self] in isLagWithinBounds }
    }

    /// Adds the lag check to `readiness` as `events.<producer>`.
    public func install(readiness: HTTPReadiness) {
        readiness.addCheck("events.\(producer.name)", readinessCheck())
    }

    func recordLag(_ page: FeedClient.Page) {
        let now = Date()
        let seconds = page.oldestPendingCreatedAt.flatMap(EventTimestamp.parse).map { max(0, now.timeIntervalSince($0)) } ?? 0
        let lag = ConsumerLag(eventsBehind: page.remaining, eventsBehindIsLowerBound: page.remainingIsLowerBound,
                              secondsBehind: seconds, lastReadAt: now)
        state.withLock { $0.lag = lag }
        metrics.lagEvents.record(page.remaining)
        metrics.lagSeconds.record(seconds)
    }

    func batchCommitted(_ report: BatchReport) {
        onBatchCommitted?(report)
    }

    // MARK: Processed ids

    /// Deletes processed-event ids older than ``EventConfiguration/processedRetention``; returns how many.
    @discardableResult
    public func pruneProcessed() async throws -> Int {
        let microseconds = configuration.processedRetention.wholeMicroseconds
        return try await pool.query("""
            DELETE FROM event_processed
            WHERE consumer = \(name) AND producer = \(producer.name)
              AND processed_at < now() - make_interval(secs => \(microseconds)::float8 / 1e6)
            """).affectedRows
    }
}
