import Foundation
import Postgres
import Testing

@testable import EventKit

/// The wire: cursors, bad requests, the page's fields, configuration from the environment.
@Suite("Feed protocol")
struct FeedProtocolTests {
    @Test func cursorsRoundTripAndOrder() throws {
        let plain = EventCursor(txid: 812, position: 4051)
        #expect(try EventCursor(encoded: plain.encoded) == plain)
        let snapshot = EventCursor(txid: 900, position: 0, snapshot: .init(xmax: 905, inProgress: [903, 901]))
        let decoded = try EventCursor(encoded: snapshot.encoded)
        #expect(decoded == snapshot)
        #expect(decoded.snapshot?.inProgress == [901, 903])
        #expect(decoded.snapshot?.saw(902) == true)
        #expect(decoded.snapshot?.saw(903) == false)
        #expect(decoded.snapshot?.saw(905) == false)
        #expect(try EventCursor(encoded: "") == .origin)
        #expect(EventCursor(txid: 5, position: 9) < EventCursor(txid: 6, position: 1))
        #expect(EventCursor(txid: 6, position: 1) < EventCursor(txid: 6, position: 2))
        // Past xmax the snapshot part is dropped.
        #expect(snapshot.advanced(toTxid: 904, position: 3).snapshot != nil)
        #expect(snapshot.advanced(toTxid: 905, position: 3).snapshot == nil)
        #expect(plain.encoded.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test(arguments: ["!!!", "AQ", "AQAAAAAAAAAAAAAAAAAAAAAA", "BwAAAAAAAAABAAAAAAAAAAE", "AgAAAAAAAAABAAAAAAAAAAEAAAAAAAAAAgAB"])
    func malformedCursorsAreRefused(text: String) {
        #expect(throws: EventCursor.DecodingError.self) { try EventCursor(encoded: text) }
    }

    @Test func base64URLRoundTrips() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.decode("A") == nil)
        #expect(Base64URL.decode("AB") == nil, "non-zero leftover bits")
    }

    @Test func timestampsParse() throws {
        let date = try #require(EventTimestamp.parse("2026-11-22T10:15:30.123456Z"))
        #expect(abs(date.timeIntervalSince1970 - 1_795_342_530.123456) < 0.000_001)
        #expect(EventTimestamp.parse("1970-01-01T00:00:00Z")?.timeIntervalSince1970 == 0)
        #expect(EventTimestamp.parse("2026-13-01T00:00:00Z") == nil)
        #expect(EventTimestamp.parse("yesterday") == nil)
    }

    @Test func configurationFromTheEnvironment() throws {
        let defaults = try EventConfiguration(environment: [:])
        #expect(defaults == EventConfiguration())
        let custom = try EventConfiguration(environment: [
            "EVENTS_POLL_INTERVAL_MS": "250", "EVENTS_BATCH_SIZE": "50", "EVENTS_LAG_MAX_SECONDS": "2.5",
            "EVENTS_RETENTION_MS": "3600000", "EVENTS_NOTIFY_CHANNEL": "identity_outbox",
        ])
        #expect(custom.pollInterval == .milliseconds(250))
        #expect(custom.batchSize == 50)
        #expect(custom.maxLagSeconds == 2.5)
        #expect(custom.retention == .seconds(3600))
        #expect(custom.notifyChannel == "identity_outbox")
        let error = #expect(throws: EventConfiguration.InvalidValue.self) {
            try EventConfiguration(environment: ["EVENTS_BATCH_SIZE": "lots"])
        }
        #expect(error?.description.contains("EVENTS_BATCH_SIZE") == true)
        #expect(throws: EventConfiguration.InvalidValue.self) {
            try EventConfiguration(environment: ["EVENTS_BACKOFF_INITIAL_MS": "5000", "EVENTS_BACKOFF_MAX_MS": "100"])
        }
    }

    @Test func malformedRequestsGetClearErrorsAndTheFeedKeepsServing() async throws {
        try await EventFixture.with { fixture in
            let cases: [(String, Int, String)] = [
                ("/events?after=!!!", 400, "invalid_cursor"),
                ("/events?after=AQ", 400, "invalid_cursor"),
                ("/events?limit=0", 400, "invalid_limit"),
                ("/events?limit=ten", 400, "invalid_limit"),
                ("/events?limit=1000000", 400, "invalid_limit"),
                ("/events?wait=-1", 400, "invalid_wait"),
                ("/events?wait=soon", 400, "invalid_wait"),
                ("/events?wait=100000", 400, "invalid_wait"),
                ("/events/snapshot", 400, "invalid_aggregate"),
                ("/events/snapshot?aggregate=course", 404, "unknown_aggregate"),
                ("/events/snapshot?aggregate=user&limit=-3", 400, "invalid_limit"),
            ]
            for (path, status, code) in cases {
                let (answer, body) = try await fixture.get(path)
                #expect(answer == status, "\(path)")
                #expect(body.contains("\"code\":\"\(code)\""), "\(path): \(body)")
                #expect(body.contains("\"message\":"), "\(path)")
            }
            let (status, _) = try await fixture.get("/events")
            #expect(status == 200)
        }
    }

    @Test func pagesCarryCursorHeadAndRemaining() async throws {
        try await EventFixture.with { fixture in
            for index in 0..<3 { try await fixture.producer.createUser(email: "p\(index)@example.com") }
            let (status, body) = try await fixture.get("/events?limit=2")
            #expect(status == 200)
            let first = try JSONDecoder().decode(FeedClient.Page.self, from: Data(body.utf8))
            #expect(first.events.count == 2)
            #expect(first.remaining == 1)
            #expect(first.oldestPendingCreatedAt != nil)
            let head = try #require(first.head)
            #expect(head.position == 3)
            #expect(first.events.map(\.version) == [1, 1])
            #expect(first.events[0].payload["email"] == "p0@example.com")
            let (_, nextBody) = try await fixture.get("/events?limit=2&after=\(first.cursor)")
            let second = try JSONDecoder().decode(FeedClient.Page.self, from: Data(nextBody.utf8))
            #expect(second.events.map(\.position) == [3])
            #expect(second.remaining == 0)
            #expect(second.cursor == head.cursor)
            // An empty page keeps the cursor and answers after the wait.
            let (_, emptyBody) = try await fixture.get("/events?after=\(second.cursor)&wait=0.2")
            let empty = try JSONDecoder().decode(FeedClient.Page.self, from: Data(emptyBody.utf8))
            #expect(empty.events.isEmpty && empty.cursor == second.cursor)
        }
    }

    @Test func snapshotPagesListAggregatesInKeyOrder() async throws {
        try await EventFixture.with { fixture in
            for index in 0..<5 { try await fixture.producer.createUser(email: "s\(index)@example.com") }
            var after: String?
            var seen: [String] = []
            var cursors: Set<String> = []
            repeat {
                let path = "/events/snapshot?aggregate=user&limit=2" + (after.map { "&after=\($0)" } ?? "")
                let (status, body) = try await fixture.get(path)
                #expect(status == 200)
                let page = try JSONDecoder().decode(FeedClient.SnapshotPage.self, from: Data(body.utf8))
                seen += page.items.map(\.aggregateId)
                cursors.insert(page.cursor)
                #expect(try EventCursor(encoded: page.cursor).snapshot != nil)
                after = page.next
            } while after != nil
            let users = try await fixture.producer.users().map { $0.id.uuidString.lowercased() }
            #expect(seen == users)
        }
    }
}
