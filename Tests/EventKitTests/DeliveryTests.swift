import EventKit
import Foundation
import Postgres
import Synchronization
import Testing

/// Ordering, visibility and idempotence: the feed's `(txid, position)` rule and the consumer's
/// version guards, over real PostgreSQL and real HTTP.
@Suite("Delivery", .serialized)
struct DeliveryTests {
    @Test func deliversEveryEventOnceInFeedOrder() async throws {
        try await EventFixture.with { fixture in
            var ids: [UUID] = []
            for index in 0..<20 { ids.append(try await fixture.producer.createUser(email: "u\(index)@example.com")) }
            for id in ids.prefix(10) { try await fixture.producer.updateUser(id, name: "Renamed") }
            for id in ids.suffix(5) { try await fixture.producer.deleteUser(id) }
            let delivered = Locked<[Int64]>([])
            let consumer = fixture.makeConsumer { report in delivered.withLock { $0 += report.events.map(\.position) } }
            try await fixture.drain(consumer)
            let positions = delivered.withLock { $0 }
            // One writer, one transaction after the other: feed order is position order.
            #expect(positions == positions.sorted())
            #expect(positions.count == 35)
            try await fixture.expectConverged()
        }
    }

    @Test func longPollIsWokenByNotify() async throws {
        try await EventFixture.with { fixture in
            let consumer = fixture.makeConsumer()
            let running = Task { try await consumer.run() }
            for index in 0..<30 { try await fixture.producer.createUser(email: "live\(index)@example.com") }
            #expect(try await fixture.waitUntilConverged())
            running.cancel()
            _ = try? await running.value
            try await fixture.expectConverged()
        }
    }

    @Test func slowTransactionHoldingALowerPositionIsNotSkipped() async throws {
        try await EventFixture.with { fixture in
            let consumer = fixture.makeConsumer()
            let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
            let release = Locked<Bool>(false)
            // The slow transaction writes first (lower txid, lower position) and commits last.
            let slow = Task {
                try await fixture.producerPool.transaction { transaction in
                    let id = try await fixture.producer.createUser(email: "slow@example.com", in: transaction)
                    startedContinuation.yield()
                    let deadline = ContinuousClock.now + .seconds(120)
                    while !release.withLock({ $0 }) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
                    return id
                }
            }
            for await _ in started { break }
            try await fixture.producer.createUser(email: "fast@example.com")
            let fastPosition = try await fixture.producerPool.query("SELECT max(position) FROM event_outbox")[0].decode(Int64.self, at: 0)

            // A naive reader sees only the fast event and would move its cursor past the slow one's position.
            let naive = try await fixture.producerPool.query("SELECT position FROM event_outbox WHERE position > 0 ORDER BY position")
            #expect(try naive.map { try $0.decode(Int64.self, at: 0) } == [fastPosition])
            // The feed serves nothing while the older transaction is open.
            let report = try await consumer.poll()
            #expect(report?.events.isEmpty ?? true)
            #expect(try await TestConsumer.refs(fixture.consumerPool).isEmpty)

            release.withLock { $0 = true }
            _ = try await slow.value
            let slowPosition = try await fixture.producerPool.query(
                "SELECT position FROM event_outbox WHERE payload->>'email' = 'slow@example.com'")[0].decode(Int64.self, at: 0)
            #expect(slowPosition < fastPosition)
            // Continuing from the fast event's position, the naive reader never sees the slow event.
            let naiveNext = try await fixture.producerPool.query("SELECT position FROM event_outbox WHERE position > \(fastPosition)")
            #expect(naiveNext.isEmpty)

            let delivered = Locked<[String]>([])
            let second = fixture.makeConsumer { report in
                delivered.withLock { $0 += report.events.compactMap { $0.payload["email"]?.stringValue } }
            }
            try await fixture.drain(second)
            #expect(delivered.withLock { $0 } == ["slow@example.com", "fast@example.com"])
            try await fixture.expectConverged()
        }
    }

    @Test func openTransactionInAnotherDatabaseDoesNotHoldTheFeedBack() async throws {
        try await EventFixture.with { fixture in
            // Transaction ids are cluster-wide: this open write transaction (another role, another
            // database) is below every later txid, so a plain pg_snapshot_xmin rule would stall.
            let other = try await PostgresConnection.connect(configuration: fixture.consumerDatabase.configuration)
            try await other.query("BEGIN")
            try await other.query("INSERT INTO applications (event_id) VALUES (\(UUID()))")
            for index in 0..<3 { try await fixture.producer.createUser(email: "free\(index)@example.com") }
            let consumer = fixture.makeConsumer()
            let report = try await consumer.poll()
            #expect(report?.applied == 3)
            try await other.query("ROLLBACK")
            await other.close()
            try await fixture.expectConverged()
        }
    }

    @Test func duplicatedAndReorderedEventsAreHarmless() async throws {
        try await EventFixture.with { fixture in
            let id = UUID()
            let outbox = Outbox()
            func user(_ name: String) -> TestProducer.UserPayload { .init(email: "r@example.com", name: name, role: "tutor") }
            try await fixture.producerPool.transaction { transaction in
                try await transaction.query("INSERT INTO users (id, email, name, role, version) VALUES (\(id), 'r@example.com', 'v3', 'tutor', 3)")
                // Newest first, older ones after it, then the newest again (a producer retry).
                try await outbox.append([
                    try TestProducer.event("identity.user.updated", id: id, version: 3, user: user("v3")),
                    try TestProducer.event("identity.user.created", id: id, version: 1, user: user("v1")),
                    try TestProducer.event("identity.user.updated", id: id, version: 2, user: user("v2")),
                    try TestProducer.event("identity.user.updated", id: id, version: 3, user: user("v3")),
                ], on: transaction)
            }
            let consumer = fixture.makeConsumer()
            try await fixture.drain(consumer)
            try await fixture.expectConverged()

            // The feed delivers everything again (cursor rewound): processed ids skip it all.
            try await fixture.consumerPool.query("UPDATE event_consumer_cursors SET cursor = ''")
            let reports = Locked<[EventConsumer.BatchReport]>([])
            let again = fixture.makeConsumer { report in reports.withLock { $0.append(report) } }
            try await fixture.drain(again)
            #expect(reports.withLock { $0.map(\.duplicates).reduce(0, +) } == 4)
            #expect(reports.withLock { $0.map(\.applied).reduce(0, +) } == 0)
            try await fixture.expectConverged()
        }
    }

    @Test func tombstoneBeatsAStaleUpdateAndAnEarlyCreate() async throws {
        try await EventFixture.with { fixture in
            let outbox = Outbox()
            let consumer = fixture.makeConsumer()
            let id = try await fixture.producer.createUser(email: "t@example.com")
            try await fixture.producer.updateUser(id, name: "Second")
            try await fixture.drain(consumer)
            // Delete at v3, then a stale v2 update arrives after it.
            try await fixture.producer.deleteUser(id)
            _ = try await fixture.producerPool.transaction { transaction in
                try await outbox.append(try TestProducer.event("identity.user.updated", id: id, version: 2,
                                                               user: .init(email: "t@example.com", name: "Stale", role: "student")), on: transaction)
            }
            // A delete that arrives before its aggregate's create.
            let early = UUID()
            _ = try await fixture.producerPool.transaction { transaction in
                try await outbox.append([
                    try TestProducer.event("identity.user.deleted", id: early, version: 2, user: nil),
                    try TestProducer.event("identity.user.created", id: early, version: 1,
                                           user: .init(email: "early@example.com", name: "Early", role: "student")),
                ], on: transaction)
            }
            try await fixture.drain(consumer)
            let rows = try await fixture.consumerPool.query(
                "SELECT user_id, deleted, version, email FROM user_refs ORDER BY version")
            let states = try rows.map { try $0.decode((UUID, Bool, Int64, String?).self) }
            #expect(states.count == 2)
            #expect(states.allSatisfy { $0.1 && $0.3 == nil }, "both rows are tombstones without values: \(states)")
            #expect(Set(states.map(\.0)) == [id, early])
            try await fixture.expectConverged()
        }
    }

    @Test func eventsWithoutNotifyArriveThroughThePeriodicPoll() async throws {
        try await EventFixture.with { fixture in
            let consumer = fixture.makeConsumer()
            let running = Task { try await consumer.run() }
            try await Task.sleep(for: .milliseconds(300))  // the consumer is in a long poll now
            // Written without pg_notify: nothing wakes the feed but its own re-read.
            try await fixture.producerPool.transaction { transaction in
                for index in 0..<5 {
                    let id = UUID()
                    let payload = try PostgresJSON(encoding: TestProducer.UserPayload(email: "quiet\(index)@example.com", name: "Q", role: "student"))
                    try await transaction.query("INSERT INTO users (id, email, name, role, version) VALUES (\(id), \("quiet\(index)@example.com"), 'Q', 'student', 1)")
                    try await transaction.query("""
                        INSERT INTO event_outbox (event_id, aggregate_type, aggregate_id, version, type, payload)
                        VALUES (\(UUID()), 'user', \(id.uuidString.lowercased()), 1, 'identity.user.created', \(payload))
                        """)
                }
            }
            #expect(try await fixture.waitUntilConverged(timeout: .seconds(120)))
            // The feed's LISTEN connection dies: events committed meanwhile still arrive.
            let terminated = try await fixture.producerPool.query("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'
                """)
            #expect(terminated.count >= 1)
            for index in 0..<5 { try await fixture.producer.createUser(email: "after-kill\(index)@example.com") }
            #expect(try await fixture.waitUntilConverged(timeout: .seconds(120)))
            running.cancel()
            _ = try? await running.value
            try await fixture.expectConverged()
        }
    }
}
