import Foundation
import Metrics
import MetricsTestKit
import Postgres
import PostgresTestSupport
import Testing

@Suite struct PoolTests {
    @Test func exhaustionTimesOutWithAClearError() async throws {
        try await TestDatabase.with { database in
            var options = PostgresPool.Options()
            options.maximumConnections = 1
            options.acquireTimeout = .milliseconds(200)
            options.name = "tiny"
            let pool = PostgresPool(configuration: database.configuration, options: options)
            let held = try await pool.acquire()
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.code == .poolTimeout)
            #expect(error?.message.contains("within") == true && error?.message.contains("'tiny'") == true)
            pool.release(held)
            #expect(try await pool.query("SELECT 1").count == 1)
            await pool.shutdown()
        }
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 1, acquireTimeout: .seconds(30))
            let held = try await pool.acquire()
            let waiter = Task { try await pool.query("SELECT 1") }
            let queued = ContinuousClock.now + .seconds(60)
            while pool.usage.waiting == 0, ContinuousClock.now < queued { try await Task.sleep(for: .milliseconds(10)) }
            #expect(pool.usage.waiting == 1)
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(pool.usage.waiting == 0)
            pool.release(held)
            #expect(try await pool.query("SELECT 1").count == 1)
            await pool.shutdown()
        }
    }

    @Test func neverOpensMoreThanTheMaximum() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 3)
            try await withThrowingTaskGroup(of: Int32.self) { group in
                for _ in 0..<24 {
                    group.addTask { try await pool.query("SELECT pg_backend_pid(), pg_sleep(0.02)")[0].decode(Int32.self, at: 0) }
                }
                var backends = Set<Int32>()
                for try await pid in group { backends.insert(pid) }
                #expect(backends.count <= 3)
            }
            #expect(pool.usage.used == 0 && pool.usage.idle <= 3 && pool.usage.waiting == 0)
            await pool.shutdown()
        }
    }

    @Test func shutdownWaitsForWorkInFlightAndRefusesNewWork() async throws {
        try await TestDatabase.with { database in
            let pool = database.makePool(maximumConnections: 2)
            // The query runs long enough to be seen in flight even on a starved machine.
            let slow = Task { try await pool.query("SELECT 'done' FROM pg_sleep(1)")[0].decode(String.self, at: 0) }
            let started = ContinuousClock.now + .seconds(60)
            while pool.usage.used == 0, ContinuousClock.now < started { try await Task.sleep(for: .milliseconds(10)) }
            #expect(pool.usage.used == 1)
            await pool.shutdown()
            #expect(try await slow.value == "done")
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.code == .poolClosed)
            await pool.shutdown()  // a second call is harmless
        }
    }

    @Test func reportsMetricsWithOpenTelemetryNames() async throws {
        try await TestDatabase.with { database in
            let metrics = TestMetrics()
            var options = PostgresPool.Options()
            options.maximumConnections = 1
            options.acquireTimeout = .milliseconds(100)
            options.name = "metered"
            options.metricsFactory = metrics
            let pool = PostgresPool(configuration: database.configuration, options: options)
            let connection = try await pool.acquire()
            let dimensions = [("pool.name", "metered")]
            #expect(try metrics.expectGauge("db.client.connections.usage", dimensions + [("state", "used")]).lastValue == 1)
            _ = try? await pool.query("SELECT 1")  // times out: the only connection is held
            #expect(try metrics.expectCounter("db.client.connections.timeouts", dimensions).totalValue == 1)
            pool.release(connection)
            #expect(try metrics.expectGauge("db.client.connections.usage", dimensions + [("state", "idle")]).lastValue == 1)
            #expect(try metrics.expectGauge("db.client.connections.usage", dimensions + [("state", "used")]).lastValue == 0)
            #expect(try metrics.expectGauge("db.client.connections.pending_requests", dimensions).lastValue == 0)
            #expect(try metrics.expectGauge("db.client.connections.max", dimensions).lastValue == 1)
            #expect(try metrics.expectTimer("db.client.connections.wait_time", dimensions).values.count >= 1)
            #expect(try metrics.expectTimer("db.client.connections.create_time", dimensions).values.count == 1)
            await pool.shutdown()
        }
    }

    @Test func replacesAConnectionTheServerKilled() async throws {
        try await TestDatabase.with { database in
            var options = PostgresPool.Options()
            options.maximumConnections = 1
            options.healthCheckAfterIdle = .zero
            let pool = PostgresPool(configuration: database.configuration, options: options)
            let firstPID = try await pool.query("SELECT pg_backend_pid()")[0].decode(Int32.self, at: 0)
            let admin = try await PostgresConnection.connect(configuration: database.server.adminConfiguration)
            _ = try await admin.query("SELECT pg_terminate_backend(\(firstPID))")
            await admin.close()
            try await Task.sleep(for: .milliseconds(100))
            let secondPID = try await pool.query("SELECT pg_backend_pid()")[0].decode(Int32.self, at: 0)
            #expect(secondPID != firstPID)
            await pool.shutdown()
        }
    }

    @Test func recoversAfterTheServerRestartsMidUse() async throws {
        try await withOwnCluster { cluster in
            var options = PostgresPool.Options()
            options.maximumConnections = 4
            options.acquireTimeout = .seconds(2)
            let pool = PostgresPool(configuration: cluster.configuration(forService: "learning"), options: options)
            try await pool.query("CREATE TABLE hits (n int)")
            // Four workers keep querying (bounded: 400 iterations or 20 s each) while the server restarts.
            let deadline = ContinuousClock.now + .seconds(20)
            let workers = (0..<4).map { worker in
                Task { () -> (ok: Int, failed: Int) in
                    var ok = 0, failed = 0
                    for iteration in 0..<400 where ContinuousClock.now < deadline {
                        do {
                            try await pool.query("INSERT INTO hits VALUES (\(worker * 1000 + iteration))")
                            ok += 1
                        } catch {
                            failed += 1
                            try? await Task.sleep(for: .milliseconds(20))
                        }
                    }
                    return (ok, failed)
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            try await cluster.restart()
            var totals = (ok: 0, failed: 0)
            for worker in workers {
                let result = await worker.value
                totals.ok += result.ok
                totals.failed += result.failed
            }
            #expect(totals.ok > 0)
            // After the restart every query works again, on fresh connections.
            for _ in 0..<10 { try await pool.query("SELECT 1") }
            // Every acknowledged insert is stored; an insert whose commit raced the shutdown may be stored
            // although its answer was lost (after commit, before acknowledgement): never more than that.
            let stored = try await pool.query("SELECT count(*) FROM hits")[0].decode(Int.self, at: 0)
            #expect(stored >= totals.ok && stored <= totals.ok + totals.failed)
            await pool.shutdown()
        }
    }

    @Test func serverDownThenBackUp() async throws {
        try await withOwnCluster { cluster in
            var options = PostgresPool.Options()
            options.maximumConnections = 2
            let pool = PostgresPool(configuration: cluster.configuration(forService: "learning"), options: options)
            try await pool.query("SELECT 1")
            try await cluster.stopServer()
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.code == .connectionFailed || error?.code == .connectionClosed)
            #expect(pool.usage.connecting == 0)
            try await cluster.startServer()
            #expect(try await pool.query("SELECT 7")[0].decode(Int32.self, at: 0) == 7)
            await pool.shutdown()
        }
    }
}
