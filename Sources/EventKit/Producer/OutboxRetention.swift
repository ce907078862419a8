import Logging
import Postgres
import ServiceLifecycle

/// Deletes outbox rows older than ``EventConfiguration/retention``, every
/// ``EventConfiguration/retentionInterval``, and moves the retention horizon with them (in the
/// same transaction), so the feed answers `410 cursor_too_old` to any cursor whose next events are
/// gone — never a silent gap.
///
/// It deletes a prefix of the feed's `(txid, position)` order: per batch the first rows in feed
/// order, up to the first one that is not old enough yet. Everything deleted is at or before the
/// new horizon, and a cursor at or after the horizon has nothing missing after it.
///
/// ```swift
/// let retention = OutboxRetention(pool: pool, configuration: events, logger: logger)
/// // in the ServiceGroup, or once from a command:
/// let deleted = try await retention.runOnce()
/// ```
public final class OutboxRetention: Service, Sendable {
    public let configuration: EventConfiguration
    private let pool: PostgresPool
    private let logger: Logger

    public init(pool: PostgresPool, configuration: EventConfiguration = EventConfiguration(), logger: Logger = Logger(label: "events.retention")) {
        self.pool = pool
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs ``runOnce(olderThan:)`` every interval until graceful shutdown or cancellation.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let deleted = try await runOnce()
                if deleted > 0 { logger.info("outbox retention deleted events", metadata: ["events.deleted": "\(deleted)"]) }
            } catch {
                logger.warning("outbox retention failed; will retry", metadata: ["error": "\(error)"])
            }
            let interval = configuration.retentionInterval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Deletes, batch by batch, the rows created more than `age` ago (default: the configured
    /// retention). Returns how many rows it deleted.
    @discardableResult
    public func runOnce(olderThan age: Duration? = nil) async throws -> Int {
        let age = age ?? configuration.retention
        let ageMicroseconds = age.wholeMicroseconds
        var total = 0
        while true {
            let deleted = try await pool.transaction { transaction -> Int in
                // Backends as they are now, before the next statement's snapshot (see OutboxReader).
                try await transaction.query("SELECT count(*) FROM pg_stat_activity")
                // The last row of the longest old-enough prefix among the first `batch` visible rows.
                let boundary = try await transaction.query("""
                    SELECT txid::text, position FROM (
                        SELECT txid, position, bool_and(created_at < clock_timestamp() - make_interval(secs => \(ageMicroseconds)::float8 / 1e6))
                                   OVER (ORDER BY txid, position) AS old_prefix
                        FROM (
                            SELECT txid, position, created_at FROM event_outbox
                            WHERE txid < event_outbox_visibility_bound()
                            ORDER BY txid, position LIMIT \(configuration.retentionBatchSize)
                        ) AS first_rows
                    ) AS marked
                    WHERE old_prefix
                    ORDER BY txid DESC, position DESC LIMIT 1
                    """)
                guard let row = boundary.first else { return 0 }
                let (txid, position) = try row.decode((String, Int64).self)
                let result = try await transaction.query(
                    "DELETE FROM event_outbox WHERE (txid, position) <= (\(txid)::xid8, \(position)::int8)")
                try await transaction.query("""
                    UPDATE event_outbox_horizon SET txid = \(txid)::xid8, position = \(position)::int8
                    WHERE id = 1 AND (txid, position) < (\(txid)::xid8, \(position)::int8)
                    """)
                return result.affectedRows
            }
            total += deleted
            if deleted < configuration.retentionBatchSize || Task.isCancelled { return total }
        }
    }
}
