import Foundation
import Postgres
import Testing

@testable import EventKit

/// Outbox retention: deletes only what is old enough, and the feed tells cursors before the
/// horizon apart from cursors at or after it.
@Suite("Retention", .serialized)
struct RetentionTests {
    @Test func retentionKeepsYoungEventsAndAnswersTooOldOnlyBeforeTheHorizon() async throws {
        try await EventFixture.with { fixture in
            for index in 0..<5 { try await fixture.producer.createUser(email: "r\(index)@example.com") }
            let consumer = fixture.makeConsumer()
            try await fixture.drain(consumer)
            let caughtUp = try await consumer.storedCursor()
            let retention = OutboxRetention(pool: fixture.producerPool, configuration: fixture.configuration, logger: EventFixture.logger)

            #expect(try await retention.runOnce() == 0, "nothing is a week old")
            #expect(try await fixture.get("/events").0 == 200)

            var deleted = 0
            for _ in 0..<100 where deleted < 5 {
                deleted += try await retention.runOnce(olderThan: .zero)
                if deleted < 5 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(deleted == 5)
            let (tooOld, body) = try await fixture.get("/events")
            #expect(tooOld == 410)
            #expect(body.contains("resync"))
            // The caught-up consumer's cursor sits exactly at the horizon: nothing after it is missing.
            #expect(try await fixture.get("/events?after=\(caughtUp)").0 == 200)
            for index in 5..<8 { try await fixture.producer.createUser(email: "r\(index)@example.com") }
            try await fixture.drain(consumer)
            try await fixture.expectConverged(allEventsApplied: false)
            #expect(try await TestConsumer.applicationCounts(fixture.consumerPool).count == 8)
        }
    }

    @Test func backoffDoublesWithJitterUpToTheMaximum() {
        for attempt in 1...12 {
            let ceiling = min(Duration.milliseconds(100) * (1 << (attempt - 1)), .seconds(5))
            for _ in 0..<50 {
                let delay = Backoff.delay(attempt: attempt, initial: .milliseconds(100), maximum: .seconds(5))
                #expect(delay >= ceiling / 2 && delay <= ceiling)
            }
        }
    }
}
