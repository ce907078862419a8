import Foundation
import GraphQLKit
import Postgres
import Testing

/// The event path Identity → Learning under faults, with the real executables. Each case ends
/// with Learning's user_refs equal to Identity's users and every change applied exactly once
/// (counted by a trigger on user_refs that the services do not know about).
@Suite("Identity → Learning events under faults", .serialized)
struct EventFaultTests {
    @Test func consumerKilledMidBatchAndRightAfterCommits() async throws {
        try await SuiteFixture.with(environment: ["EVENTS_BATCH_SIZE": "20"]) { suite in
            await suite.learning.stop()
            try await suite.registerMany(400, prefix: "killed")
            // Make each applied row take 10 ms, so a batch transaction stays open long enough to be caught.
            try await suite.learningDB.script("""
                CREATE FUNCTION test_slow_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_sleep(0.01); RETURN NEW; END $$;
                CREATE TRIGGER test_slow_apply BEFORE INSERT OR UPDATE ON user_refs FOR EACH ROW EXECUTE FUNCTION test_slow_apply();
                """)
            var killedMidBatch = 0, killedAfterCommit = 0
            for round in 0..<8 {
                try await suite.startLearning()
                if round % 2 == 0 {
                    // Mid-batch: the consumer's batch transaction has written rows and not committed.
                    for _ in 0..<600 {
                        let open = try await suite.learningDB.query("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = 'learning' AND application_name = 'learning' AND backend_xid IS NOT NULL
                            """)[0].decode(Int64.self, at: 0)
                        if open > 0 { killedMidBatch += 1; break }
                        try await Task.sleep(for: .milliseconds(5))
                    }
                    await suite.learning.stop(signal: SIGKILL)
                } else {
                    // Right after a commit: the stored cursor just moved.
                    let before = try await suite.learningDB.query("SELECT cursor FROM event_consumer_cursors").first?.decode(String.self, at: 0)
                    for _ in 0..<600 {
                        let now = try await suite.learningDB.query("SELECT cursor FROM event_consumer_cursors").first?.decode(String.self, at: 0)
                        if now != before && now != nil { killedAfterCommit += 1; break }
                        try await Task.sleep(for: .milliseconds(2))
                    }
                    await suite.learning.stop(signal: SIGKILL)
                }
            }
            // Every kill was seen landing where intended (an open batch transaction; a cursor just stored).
            #expect(killedMidBatch == 4 && killedAfterCommit == 4)
            let refsBeforeRecovery = try await suite.learningRefs().count
            #expect(refsBeforeRecovery < 401, "the kills interrupted the catch-up")
            try await suite.learningDB.script("DROP TRIGGER test_slow_apply ON user_refs")
            try await suite.startLearning()
            try await suite.expectExactlyOnce()
        }
    }

    @Test func producerKilledAndRestartedWhileWriting() async throws {
        try await SuiteFixture.with { suite in
            try await suite.registerMany(100, prefix: "before")
            await suite.identity.stop(signal: SIGKILL)
            try await suite.startIdentity()
            try await suite.registerMany(100, prefix: "after")
            try await suite.expectExactlyOnce()
        }
    }

    @Test func consumerDownForThousandsOfEventsCatchesUp() async throws {
        try await SuiteFixture.with { suite in
            await suite.learning.stop()
            try await suite.registerMany(2500, prefix: "backlog", concurrency: 16)
            try await suite.startLearning()
            try await suite.expectExactlyOnce()
            #expect(try await suite.learningRefs().count == 2501)
        }
    }

    @Test func duplicatedAndReorderedDeliveriesAreHarmless() async throws {
        try await SuiteFixture.with { suite in
            let ids = try await suite.registerMany(50, prefix: "dup")
            let admin = try await suite.login(SuiteFixture.adminEmail, SuiteFixture.adminPassword)
            for id in ids.prefix(10) {
                try await suite.graphql(suite.identityPort, "mutation($u: ID!) { changeRole(userId: $u, role: TUTOR) { role } }",
                                        variables: ["u": .string(id)], token: admin.token)
            }
            for id in ids.prefix(5) {
                try await suite.graphql(suite.identityPort, "mutation($u: ID!) { deactivateUser(userId: $u) { status } }",
                                        variables: ["u": .string(id)], token: admin.token)
            }
            try await suite.expectExactlyOnce()
            let effects = try await suite.appliedVersions().count
            // Redeliver everything: forget the cursor AND the processed ids, so only the version
            // guard stands between the events and a second application.
            await suite.learning.stop()
            try await suite.learningDB.query("UPDATE event_consumer_cursors SET cursor = ''")
            try await suite.learningDB.query("DELETE FROM event_processed")
            try await suite.startLearning()
            // Reordered: replay the newest versions first by hand, then let the feed bring the old ones.
            try await suite.waitConverged()
            // user_refs already matched before the redelivery; wait until the consumer has taken every
            // event again, so the stale write below does not race the redelivery's batches.
            try await suite.waitRedelivered()
            let cursorRows = try await suite.learningDB.query("SELECT cursor FROM event_consumer_cursors")
            #expect(cursorRows.count == 1)
            // Stale versions delivered directly (as a reordered feed would) change nothing.
            let stale = try await suite.learningDB.query("""
                INSERT INTO user_refs (user_id, email, name, role, status, version, deleted)
                SELECT user_id, 'stale@example.com', 'Stale', 'STUDENT', 'ACTIVE', 1, false FROM user_refs WHERE version > 1
                ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, version = excluded.version
                WHERE user_refs.version < excluded.version
                """)
            #expect(stale.affectedRows == 0)
            #expect(try await suite.appliedVersions().count == effects)
            #expect(try await suite.duplicateEffects() == 0)
            try await suite.expectExactlyOnce()
        }
    }

    @Test func slowTransactionHoldingALowerPositionIsNotSkipped() async throws {
        try await SuiteFixture.with { suite in
            try await suite.registerMany(10, prefix: "early")
            try await suite.waitConverged()
            // A writer in Identity's database takes an outbox position, then stalls before committing.
            let slowID = UUID()
            let gate = AsyncStream<Void>.makeStream()
            let slow = Task {
                defer { gate.continuation.finish() }
                try await suite.identityDB.transaction { tx in
                    try await tx.query("""
                        INSERT INTO users (id, email, first_name, last_name, role, password_hash)
                        VALUES (\(slowID), 'slow@example.com', 'Slow', 'Writer', 'STUDENT', 'x')
                        """)
                    try await tx.query("""
                        INSERT INTO event_outbox (event_id, aggregate_type, aggregate_id, version, type, payload)
                        VALUES (\(UUID()), 'user', \(slowID.uuidString.lowercased()), 1, 'identity.user.created',
                                jsonb_build_object('id', \(slowID.uuidString.lowercased())::text, 'email', 'slow@example.com',
                                  'name', 'Slow Writer', 'role', 'STUDENT', 'status', 'ACTIVE'))
                        """)
                    gate.continuation.yield()
                    // Hold the transaction open while later events commit.
                    for _ in 0..<40 { try await Task.sleep(for: .milliseconds(50)) }
                }
            }
            for await _ in gate.stream { break }
            // Later writers commit events with higher positions while the slow one is open.
            try await suite.registerMany(20, prefix: "later")
            try await slow.value
            try await suite.expectExactlyOnce()
            #expect(try await suite.learningRefs().contains { $0.id == slowID.uuidString.lowercased() })
        }
    }

    @Test func lostNotificationsAreCoveredByPolling() async throws {
        try await SuiteFixture.with { suite in
            try await suite.registerMany(5, prefix: "first")
            try await suite.waitConverged()
            // Cut the feed's LISTEN connection: notifications sent until it re-listens are lost.
            for _ in 0..<3 {
                try await suite.identityDB.query("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = 'identity' AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()
                    """)
                try await suite.registerMany(10, prefix: "unannounced-\(UUID().uuidString.prefix(4))")
            }
            try await suite.expectExactlyOnce()
        }
    }

    @Test func resyncRebuildsUserRefsWhileWritesContinue() async throws {
        try await SuiteFixture.with { suite in
            try await suite.registerMany(300, prefix: "resync")
            try await suite.waitConverged()
            // Damage the local copy: lose rows, corrupt one, invent one (what the damage did is
            // taken out of the effect count, so the repair's re-application counts once).
            try await suite.learningDB.script("""
                CREATE TEMP TABLE damaged AS SELECT user_id FROM user_refs ORDER BY user_id LIMIT 51;
                DELETE FROM user_refs WHERE user_id IN (SELECT user_id FROM damaged ORDER BY user_id LIMIT 50);
                UPDATE user_refs SET email = 'wrong@example.com', version = 0 WHERE user_id = (SELECT max(user_id::text)::uuid FROM damaged);
                DELETE FROM test_effects WHERE user_id IN (SELECT user_id FROM damaged);
                INSERT INTO user_refs (user_id, email, name, role, status, version)
                VALUES ('00000000-0000-4000-8000-000000000001', 'ghost@example.com', 'Ghost', 'STUDENT', 'ACTIVE', 1);
                DROP TABLE damaged;
                """)
            let writes = Task { try await suite.registerMany(200, prefix: "during", concurrency: 4) }
            let status = try await suite.learning.runCommand(["resync"])
            #expect(status == 0)
            try await writes.value
            // The invented row is tombstoned by the resync, so it stays as a deleted reference:
            // compare the live rows, and require the ghost to be deleted.
            for _ in 0..<600 {
                let users = try await suite.identityUsers()
                let refs = try await suite.learningRefs()
                if users.isSubset(of: refs) && refs.subtracting(users).allSatisfy({ $0.deleted }) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let users = try await suite.identityUsers()
            let refs = try await suite.learningRefs()
            #expect(users.isSubset(of: refs))
            #expect(refs.subtracting(users).count == 1 && refs.subtracting(users).allSatisfy { $0.deleted })
            #expect(try await suite.duplicateEffects() == 0)
        }
    }

    @Test func poisonEventGoesToDeadLettersAndReplayAppliesItOnce() async throws {
        try await SuiteFixture.with(environment: ["EVENTS_HANDLER_ATTEMPTS": "2"]) { suite in
            // A consumer-side defect: Learning's table refuses this e-mail.
            try await suite.learningDB.query("ALTER TABLE user_refs ADD CONSTRAINT test_no_poison CHECK (email NOT LIKE 'poison%')")
            try await suite.registerMany(5, prefix: "fine-a")
            let poisoned = try await suite.register("poison@example.com")
            try await suite.registerMany(5, prefix: "fine-b")
            // Everything else arrives; the poison event waits in the dead-letter table.
            for _ in 0..<600 {
                if try await suite.learningDB.query("SELECT 1 FROM event_dead_letters").count == 1,
                   try await suite.learningRefs().count == 11 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let letters = try await suite.learningDB.query("SELECT aggregate_id, attempts FROM event_dead_letters")
            #expect(letters.count == 1)
            #expect(try letters.first?.decode(String.self, at: 0) == poisoned.id)
            #expect(!(try await suite.learningRefs().contains { $0.id == poisoned.id }))
            // Fix the defect, replay by command: applied once; a second replay does nothing.
            try await suite.learningDB.query("ALTER TABLE user_refs DROP CONSTRAINT test_no_poison")
            #expect(try await suite.learning.runCommand(["replay-dead-letters"]) == 0)
            #expect(try await suite.learning.runCommand(["replay-dead-letters"]) == 0)
            #expect(try await suite.learningDB.query("SELECT 1 FROM event_dead_letters WHERE replayed_at IS NULL").isEmpty)
            try await suite.expectExactlyOnce()
        }
    }
}
