import Foundation
import Logging
import Postgres
import ServiceLifecycle
import Testing

@testable import EventKit

/// Crashes and outages at the awkward moments: nothing half-applied, nothing lost, nothing twice.
@Suite("Faults", .serialized)
struct FaultTests {
    /// Waits (bounded) until `condition` holds.
    static func eventually(timeout: Duration = .seconds(120), _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test func cancelledMidBatchRollsBackAndResumes() async throws {
        try await EventFixture.with { fixture in
            for index in 0..<10 { try await fixture.producer.createUser(email: "u\(index)@example.com") }
            fixture.controls.blocking.withLock { _ = $0.insert("u5@example.com") }
            let consumer = fixture.makeConsumer()
            let running = Task { try await consumer.run() }
            #expect(await Self.eventually { fixture.controls.blocked.load(ordering: .sequentiallyConsistent) })
            // Five handlers ran in this batch's transaction; cancel while the sixth is running.
            running.cancel()
            _ = try? await running.value
            #expect(try await TestConsumer.refs(fixture.consumerPool).isEmpty, "nothing of the batch is visible")
            #expect(try await TestConsumer.applicationCounts(fixture.consumerPool).isEmpty)
            #expect(try await fixture.consumerPool.query("SELECT cursor FROM event_consumer_cursors")[0].decode(String.self, at: 0) == "")
            #expect(fixture.controls.invocations.load(ordering: .relaxed) >= 6)

            fixture.controls.blocking.withLock { $0.removeAll() }
            let resumed = fixture.makeConsumer()
            try await fixture.drain(resumed)
            try await fixture.expectConverged()
        }
    }

    @Test func gracefulShutdownFinishesTheBatchInProgress() async throws {
        try await EventFixture.with { fixture in
            for index in 0..<10 { try await fixture.producer.createUser(email: "g\(index)@example.com") }
            fixture.controls.blocking.withLock { _ = $0.insert("g5@example.com") }
            let consumer = fixture.makeConsumer()
            let group = ServiceGroup(services: [consumer], gracefulShutdownSignals: [], logger: EventFixture.logger)
            let running = Task { try await group.run() }
            #expect(await Self.eventually { fixture.controls.blocked.load(ordering: .sequentiallyConsistent) })
            await group.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(100))
            fixture.controls.blocking.withLock { $0.removeAll() }
            try await running.value
            // The whole batch committed; the consumer then stopped.
            #expect(try await TestConsumer.refs(fixture.consumerPool).count == 10)
            try await fixture.expectConverged()
        }
    }

    @Test func crashAfterCommitResumesFromTheStoredCursor() async throws {
        try await EventFixture.with { fixture in
            for index in 0..<10 { try await fixture.producer.createUser(email: "c\(index)@example.com") }
            let first = fixture.makeConsumer()
            let report = try await first.poll()
            #expect(report?.applied == 10)
            // The commit happened but the consumer "did not hear back" and still holds the old
            // cursor: its retry reads the same events, sees the stored cursor moved, applies nothing.
            first.remember(cursor: "")
            #expect(try await first.poll() == nil)
            // A new instance (the process restarted) continues from the stored cursor.
            let second = fixture.makeConsumer()
            let nothingNew = try await second.poll()
            #expect(nothingNew?.events.isEmpty ?? true)
            for index in 10..<15 { try await fixture.producer.createUser(email: "c\(index)@example.com") }
            try await fixture.drain(second)
            try await fixture.expectConverged()
        }
    }

    @Test func producerRestartIsRiddenOut() async throws {
        try await EventFixture.with { fixture in
            let consumer = fixture.makeConsumer()
            let running = Task { try await consumer.run() }
            for index in 0..<5 { try await fixture.producer.createUser(email: "p\(index)@example.com") }
            #expect(try await fixture.waitUntilConverged())
            await fixture.stopFeed()
            for index in 5..<10 { try await fixture.producer.createUser(email: "p\(index)@example.com") }
            try await Task.sleep(for: .milliseconds(300))  // the consumer retries against a closed port meanwhile
            try await fixture.startFeed()
            for index in 10..<15 { try await fixture.producer.createUser(email: "p\(index)@example.com") }
            #expect(try await fixture.waitUntilConverged())
            running.cancel()
            _ = try? await running.value
            try await fixture.expectConverged()
        }
    }

    @Test func catchesUpAfterThousandsOfEvents() async throws {
        try await EventFixture.with { fixture in
            for batch in 0..<50 {
                try await fixture.producerPool.transaction { transaction in
                    for index in 0..<100 {
                        try await fixture.producer.createUser(email: "bulk\(batch)-\(index)@example.com", in: transaction)
                    }
                }
            }
            let consumer = fixture.makeConsumer()
            let first = try await consumer.poll()
            #expect(first?.applied == 100)
            #expect(consumer.lag.eventsBehind == 4900)
            #expect(consumer.lag.secondsBehind > 0)
            let running = Task { try await consumer.run() }
            #expect(try await fixture.waitUntilConverged(timeout: .seconds(120)))
            running.cancel()
            _ = try? await running.value
            #expect(consumer.lag.eventsBehind == 0)
            try await fixture.expectConverged()
        }
    }

    @Test func twoInstancesNeverApplyTheSameBatch() async throws {
        try await EventFixture.with { fixture in try await fixture.expectTwoInstancesApplyEachEventOnce() }
    }
}
