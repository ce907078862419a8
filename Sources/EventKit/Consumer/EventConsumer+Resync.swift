import Postgres
import ServiceLifecycle

extension EventConsumer {
    /// What a resync did.
    public struct ResyncReport: Sendable, Hashable {
        /// The aggregate types rebuilt.
        public var aggregates: [String]
        /// Snapshot items applied (including those the version guard found current).
        public var items: Int
        /// Local rows tombstoned because the snapshot no longer lists them.
        public var tombstoned: Int
        /// The cursor the consumer continues from.
        public var cursor: String
    }

    /// Why a resync cannot run.
    public struct ResyncUnavailable: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Rebuilds every reference table registered with ``EventHandlers/snapshot(aggregate:into:apply:)``
    /// from the producer's snapshot, page by page (bounded memory), while the producer keeps
    /// writing; then continues the feed from the cursor of the first snapshot page (see
    /// `EventFeed.snapshot` for why that is consistent).
    ///
    /// The whole resync is ONE local transaction that first locks this consumer's cursor row
    /// (`FOR UPDATE`), the row every batch locks too. So no batch — of this instance or of another
    /// process of the same consumer (a `resync` command run beside the live service) — commits
    /// while the resync runs: a batch in progress finishes first, and the snapshot, read after it,
    /// contains everything applied locally. Without that lock, a batch applied by another
    /// instance after the snapshot was read would be tombstoned as "absent" and, its event ids
    /// already recorded as processed, never applied again. Batches that waited find the cursor
    /// moved and re-read from the snapshot's cursor; version guards absorb what they re-apply.
    /// A crash or a transient failure rolls the resync back whole (transient ones are retried
    /// with back-off, a few times).
    ///
    /// ```swift
    /// let report = try await consumer.resync()     // also runs by itself on 410 cursor_too_old
    /// ```
    @discardableResult
    public func resync() async throws -> ResyncReport {
        try await gate.withLock { try await resyncLocked() }
    }

    private func resyncLocked() async throws -> ResyncReport {
        let targets = handlers.snapshotTargets.sorted { $0.key < $1.key }
        guard !targets.isEmpty else {
            throw ResyncUnavailable(description:
                "consumer \(name) cannot resync from \(producer.name): no reference table is registered with handlers.snapshot(aggregate:into:)")
        }
        metrics.resyncs.increment()
        logger.info("resync started", metadata: ["events.aggregates": "\(targets.map(\.key))"])
        let report = try await retryingTransientFailures {
            try await self.pool.transaction { transaction -> ResyncReport in
                try await transaction.query("""
                    INSERT INTO event_consumer_cursors (consumer, producer, cursor) VALUES (\(self.name), \(self.producer.name), '')
                    ON CONFLICT (consumer, producer) DO NOTHING
                    """)
                try await transaction.query("""
                    SELECT cursor FROM event_consumer_cursors WHERE consumer = \(self.name) AND producer = \(self.producer.name) FOR UPDATE
                    """)
                var report = ResyncReport(aggregates: targets.map(\.key), items: 0, tombstoned: 0, cursor: "")
                var continueFrom: String?
                for (aggregate, target) in targets {
                    var after: String?
                    while true {
                        try Task.checkCancellation()
                        if Task.isShuttingDownGracefully { throw CancellationError() }
                        let page = try await self.client.snapshot(aggregate: aggregate, after: after, limit: self.configuration.snapshotPageSize)
                        if continueFrom == nil { continueFrom = page.cursor }
                        let items = try page.items.map {
                            SnapshotItem(aggregateID: $0.aggregateId, version: $0.version, payload: try PostgresJSON(encoding: $0.payload), deleted: $0.deleted)
                        }
                        for item in items { try await target.apply(item, transaction) }
                        report.tombstoned += try await target.table.tombstoneAbsent(
                            after: after, through: page.next == nil ? nil : items.last?.aggregateID,
                            present: items.map(\.aggregateID), on: transaction)
                        report.items += items.count
                        guard let next = page.next else { break }
                        after = next
                    }
                }
                report.cursor = continueFrom ?? ""
                try await transaction.query("""
                    UPDATE event_consumer_cursors SET cursor = \(report.cursor), updated_at = now()
                    WHERE consumer = \(self.name) AND producer = \(self.producer.name)
                    """)
                return report
            }
        }
        remember(cursor: report.cursor)
        logger.info("resync finished", metadata: [
            "events.items": "\(report.items)", "events.tombstoned": "\(report.tombstoned)",
        ])
        return report
    }

    /// Runs `body`, retrying transient failures with back-off up to five attempts.
    func retryingTransientFailures<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await body()
            } catch {
                guard FailureKind(error) == .transient, attempt < 5 else { throw error }
                metrics.retries.increment()
                let delay = Backoff.delay(attempt: attempt, initial: configuration.initialBackoff, maximum: configuration.maximumBackoff)
                logger.warning("transient failure; retrying", metadata: ["error": "\(error)", "events.retry_in": "\(delay)"])
                try await Task.sleep(for: delay)
            }
        }
    }
}
