/// Every setting of the event machinery, with defaults; read from the environment once in `main`
/// with ``init(environment:)``.
///
/// | key | default | meaning |
/// |---|---|---|
/// | `EVENTS_NOTIFY_CHANNEL` | `event_outbox` | NOTIFY channel of the outbox (producer) |
/// | `EVENTS_POLL_INTERVAL_MS` | 1000 | feed: re-read the outbox at least this often during a long poll, even without NOTIFY |
/// | `EVENTS_MAX_WAIT_MS` | 25000 | feed: longest `wait=` accepted (keep below the HTTP request timeout) |
/// | `EVENTS_MAX_BATCH_SIZE` | 5000 | feed: largest `limit=` accepted |
/// | `EVENTS_DEFAULT_BATCH_SIZE` | 500 | feed: `limit` when none is given |
/// | `EVENTS_LAG_COUNT_LIMIT` | 10000 | feed: `remaining` is counted up to this many events |
/// | `EVENTS_SNAPSHOT_PAGE_SIZE` | 500 | feed and consumer: aggregates per snapshot page |
/// | `EVENTS_RETENTION_MS` | 604800000 (7 days) | producer: outbox rows older than this are deleted |
/// | `EVENTS_RETENTION_INTERVAL_MS` | 600000 | producer: how often the retention job runs |
/// | `EVENTS_RETENTION_BATCH_SIZE` | 10000 | producer: rows deleted per retention transaction |
/// | `EVENTS_BATCH_SIZE` | 500 | consumer: events asked for per request |
/// | `EVENTS_LONG_POLL_WAIT_MS` | 10000 | consumer: `wait=` sent to the feed |
/// | `EVENTS_BACKOFF_INITIAL_MS` | 100 | consumer: first retry delay after a transient failure |
/// | `EVENTS_BACKOFF_MAX_MS` | 30000 | consumer: retry delays double up to this (with jitter) |
/// | `EVENTS_HANDLER_ATTEMPTS` | 3 | consumer: attempts of a failing handler before the event is dead-lettered |
/// | `EVENTS_PROCESSED_RETENTION_MS` | 604800000 (7 days) | consumer: processed event ids kept this long |
/// | `EVENTS_LAG_MAX_EVENTS` | 10000 | consumer readiness: most events behind |
/// | `EVENTS_LAG_MAX_SECONDS` | 60 | consumer readiness: most seconds behind |
///
/// ```swift
/// let events = try EventConfiguration(environment: ProcessInfo.processInfo.environment)
/// ```
public struct EventConfiguration: Sendable, Hashable {
    /// The channel ``Outbox`` notifies and ``EventFeed`` listens on unless configured otherwise.
    public static let defaultNotifyChannel = "event_outbox"

    // Producer: outbox and feed.
    public var notifyChannel = Self.defaultNotifyChannel
    public var pollInterval: Duration = .seconds(1)
    public var maxWait: Duration = .seconds(25)
    public var maxBatchSize = 5000
    public var defaultBatchSize = 500
    public var lagCountLimit = 10_000
    public var snapshotPageSize = 500
    public var retention: Duration = .seconds(7 * 86_400)
    public var retentionInterval: Duration = .seconds(600)
    public var retentionBatchSize = 10_000

    // Consumer.
    public var batchSize = 500
    public var longPollWait: Duration = .seconds(10)
    public var initialBackoff: Duration = .milliseconds(100)
    public var maximumBackoff: Duration = .seconds(30)
    public var handlerAttempts = 3
    public var processedRetention: Duration = .seconds(7 * 86_400)
    public var maxLagEvents = 10_000
    public var maxLagSeconds: Double = 60

    /// The defaults above.
    public init() {}

    /// A setting that could not be read.
    public struct InvalidValue: Error, Sendable, CustomStringConvertible {
        public var key: String
        public var value: String
        public var expected: String
        public var description: String { "\(key)=\"\(value)\" is invalid: expected \(expected)" }
    }

    /// Reads the keys in the table above; missing keys keep their defaults, unusable values throw
    /// ``InvalidValue`` naming the key.
    public init(environment: [String: String]) throws {
        self.init()
        func milliseconds(_ key: String, into value: inout Duration, minimum: Int64 = 0) throws {
            guard let text = environment[key] else { return }
            guard let number = Int64(text), number >= minimum else {
                throw InvalidValue(key: key, value: text, expected: "whole milliseconds ≥ \(minimum)")
            }
            value = .milliseconds(number)
        }
        func integer(_ key: String, into value: inout Int, minimum: Int = 1) throws {
            guard let text = environment[key] else { return }
            guard let number = Int(text), number >= minimum else {
                throw InvalidValue(key: key, value: text, expected: "an integer ≥ \(minimum)")
            }
            value = number
        }
        if let channel = environment["EVENTS_NOTIFY_CHANNEL"] {
            guard !channel.isEmpty, channel.utf8.count < 64 else {
                throw InvalidValue(key: "EVENTS_NOTIFY_CHANNEL", value: channel, expected: "a channel name of 1-63 bytes")
            }
            notifyChannel = channel
        }
        try milliseconds("EVENTS_POLL_INTERVAL_MS", into: &pollInterval, minimum: 1)
        try milliseconds("EVENTS_MAX_WAIT_MS", into: &maxWait)
        try integer("EVENTS_MAX_BATCH_SIZE", into: &maxBatchSize)
        try integer("EVENTS_DEFAULT_BATCH_SIZE", into: &defaultBatchSize)
        try integer("EVENTS_LAG_COUNT_LIMIT", into: &lagCountLimit, minimum: 0)
        try integer("EVENTS_SNAPSHOT_PAGE_SIZE", into: &snapshotPageSize)
        try milliseconds("EVENTS_RETENTION_MS", into: &retention)
        try milliseconds("EVENTS_RETENTION_INTERVAL_MS", into: &retentionInterval, minimum: 1)
        try integer("EVENTS_RETENTION_BATCH_SIZE", into: &retentionBatchSize)
        try integer("EVENTS_BATCH_SIZE", into: &batchSize)
        try milliseconds("EVENTS_LONG_POLL_WAIT_MS", into: &longPollWait)
        try milliseconds("EVENTS_BACKOFF_INITIAL_MS", into: &initialBackoff, minimum: 1)
        try milliseconds("EVENTS_BACKOFF_MAX_MS", into: &maximumBackoff, minimum: 1)
        try integer("EVENTS_HANDLER_ATTEMPTS", into: &handlerAttempts)
        try milliseconds("EVENTS_PROCESSED_RETENTION_MS", into: &processedRetention)
        try integer("EVENTS_LAG_MAX_EVENTS", into: &maxLagEvents, minimum: 0)
        if let text = environment["EVENTS_LAG_MAX_SECONDS"] {
            guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
                throw InvalidValue(key: "EVENTS_LAG_MAX_SECONDS", value: text, expected: "seconds ≥ 0")
            }
            maxLagSeconds = seconds
        }
        guard defaultBatchSize <= maxBatchSize else {
            throw InvalidValue(key: "EVENTS_DEFAULT_BATCH_SIZE", value: "\(defaultBatchSize)", expected: "at most EVENTS_MAX_BATCH_SIZE (\(maxBatchSize))")
        }
        guard initialBackoff <= maximumBackoff else {
            throw InvalidValue(key: "EVENTS_BACKOFF_INITIAL_MS", value: "\(initialBackoff)", expected: "at most EVENTS_BACKOFF_MAX_MS")
        }
    }
}
