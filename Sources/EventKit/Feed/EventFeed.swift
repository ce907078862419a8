import HTTPKit
import Logging
import NIOCore
import Postgres
import ServiceLifecycle

/// The producer's event feed over HTTP, read by other services' ``EventConsumer``s.
///
/// - `GET /events?after=<cursor>&limit=<n>&wait=<seconds>` — events after the cursor in
///   `(txid, position)` order (see ``OutboxReader`` for why only `txid` below the snapshot's
///   `xmin` is served). With `wait`, an empty answer is held back up to that long (at most
///   ``EventConfiguration/maxWait``) until a NOTIFY on the outbox channel — or the periodic
///   re-read every ``EventConfiguration/pollInterval`` — finds events. Answers `200` with
///   `{"events":[…],"cursor":…,"head":{…},"remaining":…,"remainingIsLowerBound":…,"oldestPendingCreatedAt":…}`;
///   `400` for a malformed cursor, limit or wait; `410` (`cursor_too_old`) when retention already
///   deleted events after the cursor — resync from the snapshot; `503` when the database fails.
/// - `GET /events/snapshot?aggregate=<type>&after=<id>&limit=<n>` — see ``EventFeed/snapshot``.
///
/// It is a `Service`: `run()` keeps the shared LISTEN connection (one per feed, not one per
/// request) until graceful shutdown, when waiting requests are answered at once. Without `run()`
/// long polls still work, by polling. Put the feed after the HTTP server in the `ServiceGroup`, so
/// it stops first and the server's drain is not held up by long polls.
///
/// ```swift
/// let feed = EventFeed(pool: pool, snapshots: [usersSnapshot], configuration: events, logger: logger)
/// feed.install(into: &router)                               // GET /events, GET /events/snapshot
/// let group = ServiceGroup(services: [server, feed, OutboxRetention(pool: pool, configuration: events, logger: logger)],
///                          gracefulShutdownSignals: [.sigterm], logger: logger)
/// ```
public final class EventFeed: Service, Sendable {
    public let configuration: EventConfiguration
    let pool: PostgresPool
    let snapshotSources: [String: SnapshotSource]
    let logger: Logger
    private let reader: OutboxReader
    private let listener: PostgresListener
    let notifier = FeedNotifier()

    /// - Parameters:
    ///   - listenerConfiguration: where to LISTEN (default: the pool's database).
    ///   - snapshots: one source per aggregate type served by `/events/snapshot`.
    public init(
        pool: PostgresPool, snapshots: [SnapshotSource] = [], configuration: EventConfiguration = EventConfiguration(),
        listenerConfiguration: PostgresConfiguration? = nil, logger: Logger = Logger(label: "events.feed")
    ) {
        self.pool = pool
        self.configuration = configuration
        self.snapshotSources = Dictionary(snapshots.map { ($0.aggregateType, $0) }, uniquingKeysWith: { _, last in last })
        self.logger = logger
        self.reader = OutboxReader(lagCountLimit: configuration.lagCountLimit)
        self.listener = PostgresListener(configuration: listenerConfiguration ?? pool.configuration, logger: logger)
    }

    /// Adds `GET path` (the feed) and `GET path/snapshot` to `router`.
    public func install(into router: inout HTTPRouter, path: String = "/events") {
        router.add(path, methods: [.GET], responder: ClosureResponder { [self] request, _ in
            .task { await self.events(request) }
        })
        router.add(path + "/snapshot", methods: [.GET], responder: ClosureResponder { [self] request, _ in
            .task { await self.snapshot(request) }
        })
    }

    /// Listens for outbox notifications until graceful shutdown or cancellation.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await self.listen()
            } onCancel: {
                self.stopListening()
            }
        } onGracefulShutdown: {
            self.stopListening()
        }
        await listener.shutdown()
    }

    private func stopListening() {
        notifier.close()
        Task { [listener] in await listener.shutdown() }
    }

    /// Answers waiting long polls now and stops listening.
    public func shutdown() async {
        notifier.close()
        await listener.shutdown()
    }

    private func listen() async {
        var failures = 0
        while !notifier.isClosed && !Task.isCancelled {
            do {
                let events = try await listener.listen(channel: configuration.notifyChannel)
                failures = 0
                // Anything committed before LISTEN took effect was not announced: look again.
                notifier.bump()
                for await _ in events { notifier.bump() }
            } catch {
                if notifier.isClosed { return }
                failures += 1
                let delay = Backoff.delay(attempt: failures, initial: .milliseconds(100), maximum: .seconds(5))
                logger.warning("event feed cannot LISTEN; polling meanwhile", metadata: ["error": "\(error)", "events.retry_in": "\(delay)"])
                try? await Task.sleep(for: delay)
            }
        }
    }

    // MARK: GET /events

    func events(_ request: HTTPRequest) async -> HTTPResponse {
        let parameters = QueryParameters(request.query)
        let cursor: EventCursor
        do {
            cursor = try EventCursor(encoded: parameters["after"] ?? "")
        } catch {
            return FeedResponses.error(.badRequest, FeedErrorCode.invalidCursor, "after: \(error)")
        }
        var limit = configuration.defaultBatchSize
        if let text = parameters["limit"] {
            guard let value = Int(text), value >= 1, value <= configuration.maxBatchSize else {
                return FeedResponses.error(.badRequest, FeedErrorCode.invalidLimit,
                                           "limit must be an integer from 1 to \(configuration.maxBatchSize), got \"\(text)\"")
            }
            limit = value
        }
        var wait = Duration.zero
        if let text = parameters["wait"] {
            let maximum = configuration.maxWait.secondsValue
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= maximum else {
                return FeedResponses.error(.badRequest, FeedErrorCode.invalidWait,
                                           "wait must be a number of seconds from 0 to \(maximum), got \"\(text)\"")
            }
            wait = .milliseconds(Int64(seconds * 1000))
        }
        do {
            let page = try await longPoll(after: cursor, limit: limit, wait: wait)
            return FeedResponses.json(.ok, Self.write(page))
        } catch let tooOld as OutboxReader.CursorTooOld {
            return FeedResponses.error(.gone, FeedErrorCode.cursorTooOld,
                "events after this cursor were deleted by retention (retained window starts after \(tooOld.horizon.encoded)); resync from the snapshot")
        } catch {
            logger.error("event feed read failed", metadata: ["error": "\(error)"])
            return FeedResponses.error(.serviceUnavailable, FeedErrorCode.unavailable, "the event feed cannot read its outbox right now; retry")
        }
    }

    /// Reads until there are events, the wait is over, or the feed closes.
    private func longPoll(after cursor: EventCursor, limit: Int, wait: Duration) async throws -> OutboxReader.Page {
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        var quickRetry = Self.firstRecheck
        while true {
            let generation = notifier.generation
            let page = try await reader.read(after: cursor, limit: limit, on: pool)
            let now = clock.now
            if !page.events.isEmpty || now >= deadline || notifier.isClosed || Task.isCancelled { return page }
            var timeout = min(configuration.pollInterval, deadline - now)
            if page.invisiblePending {
                // Rows exist behind a transaction still open: its commit notifies, but an unrelated
                // open transaction (a sign-in, a write without events) would not, so look again
                // soon — doubling up to `lastRecheck` while nothing notifies, from the start again
                // after a notification.
                timeout = min(timeout, quickRetry)
            }
            let notified = await notifier.wait(since: generation, timeout: timeout)
            quickRetry = notified ? Self.firstRecheck : min(quickRetry * 2, Self.lastRecheck)
        }
    }

    /// How soon a long poll looks again when events wait behind an open transaction: first…
    static let firstRecheck = Duration.milliseconds(2)
    /// …and at most (while no notification comes).
    static let lastRecheck = Duration.milliseconds(50)

    private static func write(_ page: OutboxReader.Page) -> JSONWriter {
        var writer = JSONWriter(capacity: 256 + page.events.count * 384)
        writer.raw("{\"events\":[")
        for (index, event) in page.events.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{")
            writer.key("eventId")
            writer.string(event.eventID.uuidString.lowercased())
            writer.raw(",")
            writer.key("type")
            writer.string(event.type)
            writer.raw(",")
            writer.key("aggregateType")
            writer.string(event.aggregateType)
            writer.raw(",")
            writer.key("aggregateId")
            writer.string(event.aggregateID)
            writer.raw(",")
            writer.key("version")
            writer.integer(event.version)
            writer.raw(",")
            writer.key("position")
            writer.integer(event.position)
            writer.raw(",")
            writer.key("createdAt")
            writer.string(event.createdAt)
            writer.raw(",")
            writer.key("payload")
            writer.rawBytes(event.payload.bytes)
            writer.raw("}")
        }
        writer.raw("],")
        writer.key("cursor")
        writer.string(page.nextCursor.encoded)
        writer.raw(",")
        writer.key("head")
        if let head = page.head {
            writer.raw("{")
            writer.key("cursor")
            writer.string(head.cursor.encoded)
            writer.raw(",")
            writer.key("position")
            writer.integer(head.position)
            writer.raw(",")
            writer.key("createdAt")
            writer.string(head.createdAt)
            writer.raw("}")
        } else {
            writer.raw("null")
        }
        writer.raw(",")
        writer.key("remaining")
        writer.integer(page.remaining)
        writer.raw(",")
        writer.key("remainingIsLowerBound")
        writer.bool(page.remainingIsLowerBound)
        writer.raw(",")
        writer.key("oldestPendingCreatedAt")
        writer.optionalString(page.oldestPendingCreatedAt)
        writer.raw("}")
        return writer
    }
}
