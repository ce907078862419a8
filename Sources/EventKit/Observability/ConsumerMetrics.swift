import CoreMetrics
import Metrics

/// The consumer's metrics, OpenTelemetry-style names, dimensions `messaging.consumer.group.name`
/// (the consumer) and `messaging.source.name` (the producer):
/// - `messaging.consumer.lag.events` (gauge) — visible events not applied yet;
/// - `messaging.consumer.lag.seconds` (gauge) — age of the oldest event not applied yet;
/// - `messaging.client.consumed.messages` (counter, `messaging.outcome` = `applied` |
///   `duplicate` | `unhandled` | `dead_lettered`);
/// - `messaging.process.duration` (timer) — one batch transaction;
/// - `messaging.consumer.batches` (counter, `messaging.consumer.batch.mode` = `pipelined` (one round
///   trip, two with duplicates; statement handlers only) | `savepoints` (a savepoint per event)) — committed batches;
/// - `messaging.consumer.retries` (counter) — transient failures retried;
/// - `messaging.consumer.resyncs` (counter).
struct ConsumerMetrics: Sendable {
    let lagEvents: Gauge
    let lagSeconds: Gauge
    let applied: Counter
    let duplicates: Counter
    let unhandled: Counter
    let deadLettered: Counter
    let batchDuration: Timer
    let pipelinedBatches: Counter
    let savepointBatches: Counter
    let retries: Counter
    let resyncs: Counter

    init(consumer: String, producer: String, factory: any MetricsFactory) {
        let dimensions = [("messaging.consumer.group.name", consumer), ("messaging.source.name", producer)]
        func consumed(_ outcome: String) -> Counter {
            Counter(label: "messaging.client.consumed.messages", dimensions: dimensions + [("messaging.outcome", outcome)], factory: factory)
        }
        lagEvents = Gauge(label: "messaging.consumer.lag.events", dimensions: dimensions, factory: factory)
        lagSeconds = Gauge(label: "messaging.consumer.lag.seconds", dimensions: dimensions, factory: factory)
        applied = consumed("applied")
        duplicates = consumed("duplicate")
        unhandled = consumed("unhandled")
        deadLettered = consumed("dead_lettered")
        batchDuration = Timer(label: "messaging.process.duration", dimensions: dimensions, factory: factory)
        func batches(_ mode: String) -> Counter {
            Counter(label: "messaging.consumer.batches", dimensions: dimensions + [("messaging.consumer.batch.mode", mode)], factory: factory)
        }
        pipelinedBatches = batches("pipelined")
        savepointBatches = batches("savepoints")
        retries = Counter(label: "messaging.consumer.retries", dimensions: dimensions, factory: factory)
        resyncs = Counter(label: "messaging.consumer.resyncs", dimensions: dimensions, factory: factory)
    }
}
