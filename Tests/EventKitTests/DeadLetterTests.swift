import EventKit
import Foundation
import Postgres
import Testing

/// Poison events go to the dead-letter table with the cursor advance; replay applies them once.
@Suite("Dead letters", .serialized)
struct DeadLetterTests {
    @Test func poisonEventIsDeadLetteredTheRestContinueAndReplayAppliesItOnce() async throws {
        try await EventFixture.with { fixture in
            fixture.controls.poisoned.withLock { _ = $0.insert("bad@example.com") }
            var ids: [UUID] = []
            for index in 0..<5 { ids.append(try await fixture.producer.createUser(email: "ok\(index)@example.com")) }
            let bad = try await fixture.producer.createUser(email: "bad@example.com")
            for index in 5..<10 { ids.append(try await fixture.producer.createUser(email: "ok\(index)@example.com")) }
            try await fixture.producer.updateUser(bad, name: "Still bad")
            let consumer = fixture.makeConsumer()
            try await fixture.drain(consumer)

            let refs = try await TestConsumer.refs(fixture.consumerPool)
            #expect(refs.count == 10, "every other user arrived")
            #expect(!refs.contains { $0.id == bad })
            let letters = try await consumer.deadLetters()
            #expect(letters.count == 2)
            #expect(letters.allSatisfy { $0.event.aggregateID == bad.uuidString.lowercased() })
            #expect(letters.allSatisfy { $0.attempts == fixture.configuration.handlerAttempts })
            #expect(letters.allSatisfy { $0.error.contains("test poison") })
            #expect(try await consumer.storedCursor() != "", "the cursor moved past the poison events")

            // Replaying before the fix fails again and keeps them pending.
            let early = try await consumer.replayDeadLetters()
            #expect(early.replayed == 0 && early.failed == 2)

            fixture.controls.poisoned.withLock { $0.removeAll() }
            let replay = try await consumer.replayDeadLetters()
            #expect(replay.replayed == 2 && replay.failed == 0)
            let again = try await consumer.replayDeadLetters()
            #expect(again.replayed == 0 && again.failed == 0)
            #expect(try await consumer.deadLetters().isEmpty)
            #expect(try await consumer.deadLetters(includeReplayed: true).count == 2)
            try await fixture.expectConverged()
        }
    }

    @Test func undecodablePayloadIsDeadLetteredAtOnce() async throws {
        struct Note: Decodable, Sendable { var text: String }
        try await EventFixture.with { fixture in
            let applied = Locked<[String]>([])
            var handlers = TestConsumer.handlers(fixture.controls)
            handlers.on("identity.note.added", as: Note.self) { _, note, _ in applied.withLock { $0.append(note.text) } }
            _ = try await fixture.producerPool.transaction { transaction in
                try await Outbox().append([
                    OutboxEvent(type: "identity.note.added", aggregateType: "note", aggregateID: "n1", version: 1,
                                payload: PostgresJSON(text: #"{"text": "hello"}"#)),
                    OutboxEvent(type: "identity.note.added", aggregateType: "note", aggregateID: "n2", version: 1,
                                payload: PostgresJSON(text: #"{"txet": 42}"#)),
                    OutboxEvent(type: "identity.note.added", aggregateType: "note", aggregateID: "n3", version: 1,
                                payload: PostgresJSON(text: #"{"text": "world"}"#)),
                ], on: transaction)
            }
            let consumer = fixture.makeConsumer(handlers: handlers)
            try await fixture.drain(consumer)
            #expect(applied.value == ["hello", "world"])
            let letters = try await consumer.deadLetters()
            #expect(letters.map(\.event.aggregateID) == ["n2"])
            #expect(letters.first?.attempts == 1)
            #expect(letters.first?.error.contains("does not decode as Note") == true)
        }
    }
}
