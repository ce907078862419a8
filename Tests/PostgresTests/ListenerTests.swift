import Postgres
import PostgresTestSupport
import Testing

@Suite struct ListenerTests {
    /// The next notification, or nil after `timeout` (a bounded wait: tests never hang).
    static func next(_ iterator: inout AsyncStream<PostgresListenerEvent>.Iterator, timeout: Duration = .seconds(60)) async -> PostgresListenerEvent? {
        let box = IteratorBox(iterator)
        let event = await withTaskGroup(of: PostgresListenerEvent?.self) { group in
            group.addTask { await box.next() }
            group.addTask { try? await Task.sleep(for: timeout); return nil }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        iterator = box.iterator
        return event
    }

    @Test func deliversNotificationsPerChannel() async throws {
        try await TestDatabase.with { database in
            let listener = PostgresListener(configuration: database.configuration)
            let outbox = try await listener.listen(channel: "outbox")
            let other = try await listener.listen(channel: "Other Channel")
            let pool = database.makePool()
            try await pool.query("SELECT pg_notify('outbox', \("event 1"))")
            try await pool.query("SELECT pg_notify('Other Channel', 'x')")
            try await pool.query("NOTIFY outbox, 'event 2'")
            var iterator = outbox.makeAsyncIterator()
            let first = await Self.next(&iterator)
            let second = await Self.next(&iterator)
            guard case .notification(let one) = first, case .notification(let two) = second else {
                Issue.record("expected two notifications, got \(String(describing: first)), \(String(describing: second))"); return
            }
            #expect(one.channel == "outbox" && one.payload == "event 1")
            #expect(two.payload == "event 2")
            var otherIterator = other.makeAsyncIterator()
            guard case .notification(let third) = await Self.next(&otherIterator) else { Issue.record("expected a notification"); return }
            #expect(third.channel == "Other Channel")
            await listener.shutdown()
            await pool.shutdown()
        }
    }

    @Test func listensAgainAfterTheServerRestarts() async throws {
        try await withOwnCluster { cluster in
            let configuration = cluster.configuration(forService: "learning")
            let listener = PostgresListener(configuration: configuration, initialBackoff: .milliseconds(50), maximumBackoff: .milliseconds(500))
            let events = try await listener.listen(channel: "outbox")
            var iterator = events.makeAsyncIterator()
            try await cluster.restart()
            guard case .reconnected = await Self.next(&iterator, timeout: .seconds(120)) else {
                Issue.record("expected .reconnected"); await listener.shutdown(); return
            }
            let sender = try await PostgresConnection.connect(configuration: configuration)
            try await sender.query("SELECT pg_notify('outbox', 'after restart')")
            await sender.close()
            guard case .notification(let note) = await Self.next(&iterator) else {
                Issue.record("expected the notification sent after the restart"); await listener.shutdown(); return
            }
            #expect(note.payload == "after restart")
            await listener.shutdown()
        }
    }

    @Test func listenFailsClearlyWhenItCannotConnect() async throws {
        var configuration = PostgresConfiguration(host: "127.0.0.1", port: 1, user: "u", database: "d", sslMode: .disable)
        configuration.connectTimeout = .seconds(2)
        let listener = PostgresListener(configuration: configuration)
        let error = await #expect(throws: PostgresError.self) { try await listener.listen(channel: "x") }
        #expect(error?.code == .connectionFailed)
        await listener.shutdown()
    }
}

/// Lets a child task drive the iterator (AsyncStream's iterator is not Sendable).
private final class IteratorBox: @unchecked Sendable {
    // @unchecked proof: used by one child task at a time; the parent reads `iterator` only after the
    // task group finished.
    var iterator: AsyncStream<PostgresListenerEvent>.Iterator
    init(_ iterator: AsyncStream<PostgresListenerEvent>.Iterator) { self.iterator = iterator }
    func next() async -> PostgresListenerEvent? { await iterator.next() }
}
