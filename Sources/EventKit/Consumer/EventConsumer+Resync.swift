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
    /// from the producer's snapshot, page by page (one local transaction per page, bounded
    /// memory), while the producer keeps writing; then continues the feed from the cursor of the
    /// first snapshot page (see `EventFeed.snapshot` for why that is consistent). The last page's
    /// transaction stores that cursor: a crash before it leaves the old cursor, and the next run
    /// resumes from there (or resyncs again after a `410`), with version guards absorbing the
    /// pages already applied. Transient failures are retried with back-off, a few times.
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
        var report = ResyncReport(aggregates: targets.map(\.key), items: 0, tombstoned: 0, cursor: "")
        var continueFrom: String?
        for (index, (aggregate, target)) in targets.enumerated() {
            let isLastAggregate = index == targets.count - 1
            var after: String?
            while true {
                try Task.checkCancellation()
                // Stopping between pages is safe: the old cursor stays until the last page commits.
                if Task.isShuttingDownGracefully { throw CancellationError() }
                let requestAfter = after
                let page = try await retryingTransientFailures {
                    try await self.client.snapshot(aggregate: aggregate, after: requestAfter, limit: self.configuration.snapshotPageSize)
                }
                if continueFrom == nil { continueFrom = page.cursor }
                let items = try page.items.map {
                    SnapshotItem(aggregateID: $0.aggregateId, version: $0.version, payload: try PostgresJSON(encoding: $0.payload), deleted: $0.deleted)
                }
                let isLastPage = page.next == nil
                let cursor = continueFrom ?? page.cursor
                let tombstoned = try await retryingTransientFailures {
                    try await self.pool.transaction { transaction -> Int in
                        for item in items { try await target.apply(item, transaction) }
                        let tombstoned = try await target.table.tombstoneAbsent(
                            after: requestAfter, through: isLastPage ? nil : items.last?.aggregateID,
                            present: items.map(\.aggregateID), on: transaction)
                        if isLastPage && isLastAggregate {
                            try await transaction.query("""
                                INSERT INTO event_consumer_cursors (consumer, producer, cursor) VALUES (\(self.name), \(self.producer.name), \(cursor))
                                ON CONFLICT (consumer, producer) DO UPDATE SET cursor = excluded.cursor, updated_at = now()
                                """)
                        }
                        return tombstoned
                    }
                }
                report.items += items.count
                report.tombstoned += tombstoned
                guard let next = page.next else { break }
                after = next
            }
        }
        report.cursor = continueFrom ?? ""
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
