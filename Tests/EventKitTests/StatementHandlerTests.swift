import EventKit
import Foundation
import MetricsTestKit
import Postgres
import Testing

/// Batches whose handlers are single statements go out in one round trip (two when some were processed before); the guarantees of the
/// general path (exactly once, duplicates skipped, one failing event isolated) hold the same.
@Suite("Statement handlers", .serialized)
struct StatementHandlerTests {
    static let dimensions = [("messaging.consumer.group.name", "learning"), ("messaging.source.name", "identity")]

    /// `user_refs` by version-guarded statements, and every committed application counted; a
    /// user whose e-mail is in `failing` makes its statement fail (division by zero).
    static func handlers(failing: [String] = []) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.upsert("identity.user.created", "identity.user.updated", into: TestConsumer.userRefs)
        handlers.tombstone("identity.user.deleted", in: TestConsumer.userRefs)
        handlers.on("identity.user.created", "identity.user.updated", "identity.user.deleted") { event in
            let email = event.payload["email"]?.stringValue
            return """
                INSERT INTO applications (event_id)
                SELECT \(event.id) WHERE 1 / (CASE WHEN \(email)::text = ANY(\(failing)::text[]) THEN 0 ELSE 1 END) = 1
                """
        }
        handlers.snapshot(aggregate: "user", into: TestConsumer.userRefs)
        return handlers
    }

    @Test func batchesArePipelinedAppliedOnceAndDuplicatesSkipped() async throws {
        try await EventFixture.with { fixture in
            let metrics = TestMetrics()
            let consumer = fixture.makeConsumer(handlers: Self.handlers(), metricsFactory: metrics)
            let running = Task { try await consumer.run() }
            var ids: [UUID] = []
            for index in 0..<40 { ids.append(try await fixture.producer.createUser(email: "s\(index)@example.com")) }
            for id in ids.prefix(10) { try await fixture.producer.updateUser(id, name: "Renamed") }
            for id in ids.suffix(5) { try await fixture.producer.deleteUser(id) }
            #expect(try await fixture.waitUntilConverged())
            running.cancel()
            _ = try? await running.value
            try await fixture.expectConverged()
            let pipelined = try metrics.expectCounter("messaging.consumer.batches", Self.dimensions + [("messaging.consumer.batch.mode", "pipelined")])
            #expect(pipelined.totalValue > 0)
            #expect((try? metrics.expectCounter("messaging.consumer.batches", Self.dimensions + [("messaging.consumer.batch.mode", "savepoints")]))?.totalValue ?? 0 == 0)

            // The feed delivers everything again (cursor rewound): processed ids skip it all.
            try await fixture.consumerPool.query("UPDATE event_consumer_cursors SET cursor = ''")
            let reports = Locked<[EventConsumer.BatchReport]>([])
            let again = fixture.makeConsumer(handlers: Self.handlers()) { report in reports.withLock { $0.append(report) } }
            try await fixture.drain(again)
            #expect(reports.withLock { $0.map(\.duplicates).reduce(0, +) } == 55)
            #expect(reports.withLock { $0.map(\.applied).reduce(0, +) } == 0)
            try await fixture.expectConverged()
        }
    }

    /// A batch holding events processed before and new ones (the cursor rewound, then more
    /// events): the new events' statements, built before the claim found the processed ones,
    /// are applied once, the processed ones skipped.
    @Test func aBatchMixingProcessedAndNewEventsAppliesOnlyTheNewOnes() async throws {
        try await EventFixture.with { fixture in
            var ids: [UUID] = []
            for index in 0..<20 { ids.append(try await fixture.producer.createUser(email: "m\(index)@example.com")) }
            try await fixture.drain(fixture.makeConsumer(handlers: Self.handlers()))
            try await fixture.expectConverged()

            try await fixture.consumerPool.query("UPDATE event_consumer_cursors SET cursor = ''")
            for id in ids.prefix(5) { try await fixture.producer.updateUser(id, name: "Mixed") }
            for index in 20..<25 { try await fixture.producer.createUser(email: "m\(index)@example.com") }
            let metrics = TestMetrics()
            let reports = Locked<[EventConsumer.BatchReport]>([])
            let again = fixture.makeConsumer(handlers: Self.handlers(), metricsFactory: metrics) { report in
                reports.withLock { $0.append(report) }
            }
            try await fixture.drain(again)
            let committed = reports.withLock { $0 }
            #expect(committed.contains { $0.duplicates > 0 && $0.applied > 0 }, "no batch mixed processed and new events")
            #expect(committed.map(\.duplicates).reduce(0, +) == 20)
            #expect(committed.map(\.applied).reduce(0, +) == 10)
            #expect((try? metrics.expectCounter("messaging.consumer.batches", Self.dimensions + [("messaging.consumer.batch.mode", "savepoints")]))?.totalValue ?? 0 == 0)
            try await fixture.expectConverged()
        }
    }

    @Test func aFailingStatementIsRetriedAndDeadLetteredAloneTheRestApplyOnce() async throws {
        try await EventFixture.with { fixture in
            for index in 0..<5 { try await fixture.producer.createUser(email: "ok\(index)@example.com") }
            let bad = try await fixture.producer.createUser(email: "bad@example.com")
            for index in 5..<10 { try await fixture.producer.createUser(email: "ok\(index)@example.com") }
            let metrics = TestMetrics()
            let consumer = fixture.makeConsumer(handlers: Self.handlers(failing: ["bad@example.com"]), metricsFactory: metrics)
            try await fixture.drain(consumer)

            let refs = try await TestConsumer.refs(fixture.consumerPool)
            #expect(refs.count == 10)
            #expect(!refs.contains { $0.id == bad })
            let letters = try await consumer.deadLetters()
            #expect(letters.count == 1)
            #expect(letters.first?.event.aggregateID == bad.uuidString.lowercased())
            #expect(letters.first?.attempts == fixture.configuration.handlerAttempts)
            #expect(letters.first?.error.contains("division by zero") ?? false)
            let savepoints = try metrics.expectCounter("messaging.consumer.batches", Self.dimensions + [("messaging.consumer.batch.mode", "savepoints")])
            #expect(savepoints.totalValue == 1)

            let fixed = fixture.makeConsumer(handlers: Self.handlers())
            let replay = try await fixed.replayDeadLetters()
            #expect(replay.replayed == 1 && replay.failed == 0)
            try await fixture.expectConverged()
        }
    }

    @Test func twoInstancesNeverApplyTheSameBatch() async throws {
        try await EventFixture.with { fixture in try await fixture.expectTwoInstancesApplyEachEventOnce(handlers: Self.handlers()) }
    }
}
