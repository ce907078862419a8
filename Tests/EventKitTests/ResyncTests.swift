import EventKit
import Foundation
import Postgres
import Testing

/// Rebuilding a reference table from the producer's snapshot: after retention, and under writes.
@Suite("Resync", .serialized)
struct ResyncTests {
    @Test func cursorTooOldTriggersAnAutomaticResync() async throws {
        try await EventFixture.with { fixture in
            var ids: [UUID] = []
            for index in 0..<20 { ids.append(try await fixture.producer.createUser(email: "o\(index)@example.com")) }
            let consumer = fixture.makeConsumer()
            try await fixture.drain(consumer)
            // While the consumer is away: new users, updates, deletes — and retention removes them all.
            for index in 20..<30 { try await fixture.producer.createUser(email: "o\(index)@example.com") }
            for id in ids.prefix(5) { try await fixture.producer.updateUser(id, name: "Updated") }
            for id in ids.suffix(5) { try await fixture.producer.deleteUser(id) }
            let retention = OutboxRetention(pool: fixture.producerPool, configuration: fixture.configuration, logger: EventFixture.logger)
            // Other tests' transactions on the shared cluster can make one run conservative; a few
            // runs (bounded) delete everything.
            var deleted = 0
            for _ in 0..<100 where deleted < 40 {
                deleted += try await retention.runOnce(olderThan: .zero)
                if deleted < 40 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(deleted == 40)

            let cursor = try await consumer.storedCursor()
            let (status, body) = try await fixture.get("/events?after=\(cursor)")
            #expect(status == 410)
            #expect(body.contains("\"cursor_too_old\""))

            let reports = try await consumer.poll()   // 410 → resync
            #expect(reports == nil)
            #expect(try await consumer.storedCursor() != cursor)
            try await fixture.expectConverged(allEventsApplied: false)
            // Writes after the resync flow normally from the snapshot's cursor.
            try await fixture.producer.updateUser(ids[6], name: "After resync")
            try await fixture.producer.createUser(email: "new@example.com")
            try await fixture.drain(consumer)
            try await fixture.expectConverged(allEventsApplied: false)
        }
    }

    @Test func resyncWhileAWriterKeepsWriting() async throws {
        var configuration = EventFixture.testConfiguration
        configuration.snapshotPageSize = 7
        try await EventFixture.with(configuration: configuration) { fixture in
            var ids: [UUID] = []
            for index in 0..<60 { ids.append(try await fixture.producer.createUser(email: "w\(index)@example.com")) }
            let consumer = fixture.makeConsumer()
            let running = Task { try await consumer.run() }
            let writer = Task {
                var generator = SeededGenerator(seed: 42)
                var live = ids
                for step in 0..<300 {
                    switch UInt64.random(in: 0..<10, using: &generator) {
                    case 0..<3:
                        live.append(try await fixture.producer.createUser(email: "w-new\(step)@example.com"))
                    case 3..<8 where !live.isEmpty:
                        try await fixture.producer.updateUser(live[Int.random(in: 0..<live.count, using: &generator)], name: "step \(step)")
                    case _ where !live.isEmpty:
                        try await fixture.producer.deleteUser(live.remove(at: Int.random(in: 0..<live.count, using: &generator)))
                    default:
                        break
                    }
                }
            }
            var resyncs = 0
            while resyncs < 3 {
                try await Task.sleep(for: .milliseconds(50))
                let report = try await consumer.resync()
                #expect(report.items > 0)
                resyncs += 1
            }
            try await writer.value
            #expect(try await fixture.waitUntilConverged())
            running.cancel()
            _ = try? await running.value
            try await fixture.expectConverged(allEventsApplied: false)
        }
    }
}

/// A deterministic random source (SplitMix64), so the writer's workload is the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
