// event-benchmarks: event propagation lag — producer COMMIT returned → consumer COMMIT of the
// batch holding that event — through EventKit (outbox, HTTP/2 feed with NOTIFY long-poll,
// consumer transaction into a reference table in another database), under an open-loop load of
// --rate new users per second, each in its own transaction.
//
//   swift run -c release event-benchmarks [--rate 200] [--duration 60] [--baseline-duration 20] [--runs 3] [--no-fsync]
//
// Baseline, measured in the same run on the same cluster and load: the smallest NOTIFY-driven
// propagation written by hand — the producer transaction does `pg_notify(id)`, a LISTEN session
// receives it and commits one INSERT into the other database. EventKit's extra cost over it is the
// HTTP round trip, the feed's read and the consumer's bookkeeping (cursor, processed ids).
// Both clocks are the same process's monotonic clock.
import BenchmarkStatistics
import EventKit
import Foundation
import HTTPKit
import Logging
import Postgres
import Synchronization

func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func format(_ value: Double) -> String { String(format: "%.1f", value) }

let settings = Settings(arguments: CommandLine.arguments)
let logger: Logger = {
    var logger = Logger(label: "event-benchmarks")
    logger.logLevel = .warning
    return logger
}()

let durability = settings.durable ? ["fsync": "on", "synchronous_commit": "on", "full_page_writes": "on"] : [:]
say("starting a temporary cluster (\(settings.durable ? "durable commits" : "fsync off"))…")
let cluster = try await LocalCluster.start(.temporary(services: ["identity", "learning"], settings: durability, logger: logger))

func makePool(_ service: String, connections: Int) -> PostgresPool {
    var options = PostgresPool.Options()
    options.maximumConnections = connections
    options.name = service
    return PostgresPool(configuration: cluster.configuration(forService: service), options: options, logger: logger)
}

let identity = makePool("identity", connections: 16)
let learning = makePool("learning", connections: 4)
try await identity.script("CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, name text NOT NULL, role text NOT NULL, version bigint NOT NULL)")
try await OutboxSchema.migrate(identity, logger: logger)
try await learning.script("""
    CREATE TABLE user_refs (user_id uuid PRIMARY KEY, email text, name text, role text, version bigint NOT NULL, deleted boolean NOT NULL DEFAULT false);
    CREATE TABLE baseline_refs (user_id uuid PRIMARY KEY);
    """)
try await ConsumerSchema.migrate(learning, logger: logger)

// The producer's feed on 127.0.0.1, production defaults.
let configuration = EventConfiguration()
let feed = EventFeed(pool: identity, configuration: configuration, logger: logger)
var router = HTTPRouter()
feed.install(into: &router)
let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), responder: router, logger: logger)
try await server.start()
let feedTask = Task { try await feed.run() }
let httpClient = HTTPClient(logger: logger)
let load = ProducerLoad(pool: identity, rate: settings.rate, seconds: settings.duration)
let baselineLoad = ProducerLoad(pool: identity, rate: settings.rate, seconds: settings.baselineDuration)
// Open the pools' connections before measuring.
try await withThrowingTaskGroup(of: Void.self) { group in
    for _ in 0..<16 { group.addTask { try await identity.query("SELECT pg_sleep(0.01)") } }
    try await group.waitForAll()
}

func lags(_ commits: [UUID: ContinuousClock.Instant], _ applied: [UUID: ContinuousClock.Instant]) -> (LatencySummary, missing: Int, early: Int) {
    var values: [Double] = []
    var missing = 0
    var early = 0
    for (id, committed) in commits {
        guard let seen = applied[id] else { missing += 1; continue }
        let lag = committed.duration(to: seen).milliseconds
        if lag < 0 { early += 1 }
        values.append(Swift.max(0, lag))
    }
    return (LatencySummary(milliseconds: values), missing, early)
}

/// Waits (bounded) until `done` holds.
func waitUntil(seconds: Int, _ done: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try await done() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
}

struct RunResult {
    var baseline: LatencySummary
    var events: LatencySummary
    var missing: Int
    var late: Int
}

var results: [RunResult] = []
for run in 1...settings.runs {
    try await identity.script("TRUNCATE users, event_outbox")
    try await learning.script("TRUNCATE user_refs, baseline_refs, event_processed, event_consumer_cursors")

    // Baseline: NOTIFY carrying the id → one INSERT committed in the other database.
    let baselineApplied = Locked<[UUID: ContinuousClock.Instant]>([:])
    let listener = PostgresListener(configuration: cluster.configuration(forService: "identity"), logger: logger)
    let notifications = try await listener.listen(channel: "bench_baseline")
    let propagator = Task { [learning] in
        try await BaselinePropagator(pool: learning, applied: baselineApplied).run(notifications)
    }
    let baselineRun = try await baselineLoad.run(.notify(channel: "bench_baseline"))
    try await waitUntil(seconds: 60) { baselineApplied.withLock { $0.count } >= baselineRun.commits.count }
    await listener.shutdown()
    _ = try? await propagator.value
    let baseline = lags(baselineRun.commits, baselineApplied.withLock { $0 })

    // EventKit: outbox → feed (HTTP/2 long poll woken by NOTIFY) → consumer batch transaction.
    let applied = Locked<[UUID: ContinuousClock.Instant]>([:])
    let userRefs = ReferenceTable(name: "user_refs", key: "user_id", columns: ["email", "name", "role"])
    var handlers = EventHandlers()
    handlers.upsert("identity.user.created", "identity.user.updated", into: userRefs)
    handlers.tombstone("identity.user.deleted", in: userRefs)
    let consumer = EventConsumer(
        name: "bench-\(run)",
        producer: EventProducerEndpoint(name: "identity", upstream: HTTPUpstream(host: "127.0.0.1", port: server.port ?? 0)),
        pool: learning, handlers: handlers, configuration: configuration, httpClient: httpClient, logger: logger,
        onBatchCommitted: { report in
            let now = ContinuousClock.now
            applied.withLock { map in
                for event in report.events { if let id = UUID(uuidString: event.aggregateID) { map[id] = now } }
            }
        })
    let consuming = Task { try await consumer.run() }
    try await Task.sleep(for: .milliseconds(200))  // the consumer is in its long poll
    let eventRun = try await load.run(.outbox(Outbox()))
    try await waitUntil(seconds: 120) { applied.withLock { $0.count } >= eventRun.commits.count }
    consuming.cancel()
    _ = try? await consuming.value
    let events = lags(eventRun.commits, applied.withLock { $0 })
    let stored = try await learning.query("SELECT count(*) FROM user_refs")[0].decode(Int.self, at: 0)
    if stored != eventRun.commits.count {
        say("run \(run): user_refs has \(stored) rows, expected \(eventRun.commits.count)")
    }
    let result = RunResult(baseline: baseline.0, events: events.0, missing: events.missing + baseline.missing,
                           late: eventRun.lateStarts + baselineRun.lateStarts)
    results.append(result)
    say("run \(run): EventKit p50 \(format(events.0.p50)) ms, p90 \(format(events.0.p90)), p99 \(format(events.0.p99)), max \(format(events.0.max)) "
        + "(\(events.0.count) events, \(events.missing) missing, \(events.early) seen before the producer's COMMIT returned); "
        + "NOTIFY baseline p50 \(format(baseline.0.p50)) ms, p99 \(format(baseline.0.p99)), max \(format(baseline.0.max)) (\(baseline.0.count)); "
        + "late starts \(result.late)")
}

await httpClient.shutdown()
await feed.shutdown()
feedTask.cancel()
await server.shutdown()
await identity.shutdown()
await learning.shutdown()
try await cluster.stop()

say("""

    | run | EventKit p50 (ms) | p90 | p99 | max | events | NOTIFY baseline p50 (ms) | p99 | max |
    |---|---:|---:|---:|---:|---:|---:|---:|---:|
    """)
for (index, result) in results.enumerated() {
    say("| \(index + 1) | \(format(result.events.p50)) | \(format(result.events.p90)) | \(format(result.events.p99)) | \(format(result.events.max)) | "
        + "\(result.events.count) | \(format(result.baseline.p50)) | \(format(result.baseline.p99)) | \(format(result.baseline.max)) |")
}
say("| **median** | **\(format(median(results.map(\.events.p50))))** | \(format(median(results.map(\.events.p90)))) | "
    + "**\(format(median(results.map(\.events.p99))))** | \(format(median(results.map(\.events.max)))) | | "
    + "\(format(median(results.map(\.baseline.p50)))) | \(format(median(results.map(\.baseline.p99)))) | \(format(median(results.map(\.baseline.max)))) |")
if results.contains(where: { $0.missing > 0 }) {
    say("WARNING: some events never arrived within the wait; see the per-run lines")
    exit(1)
}
