@testable import Postgres
import Testing

@Suite struct PoolStateMachineTests {
    typealias Machine = PoolStateMachine<String, Int>
    let now = ContinuousClock.now

    @Test func opensUpToTheMaximumThenQueues() {
        var machine = Machine(maximumConnections: 2)
        guard case .connect = machine.acquire(now: now) else { Issue.record("expected connect"); return }
        machine.connected()
        guard case .connect = machine.acquire(now: now) else { Issue.record("expected connect"); return }
        machine.connected()
        guard case .wait = machine.acquire(now: now) else { Issue.record("expected wait"); return }
        guard case .enqueued(let id) = machine.wait(7, now: now) else { Issue.record("expected enqueued"); return }
        #expect(machine.waiters.map(\.id) == [id])
        // A release goes straight to the waiter.
        guard case .handOver(let waiter, let connection) = machine.release("a", reusable: true, now: now) else {
            Issue.record("expected hand-over"); return
        }
        #expect(waiter == 7 && connection == "a")
        #expect(machine.leased == 2 && machine.idle.isEmpty)
    }

    @Test func reusesIdleConnectionsLastInFirstOut() {
        var machine = Machine(maximumConnections: 3)
        for _ in 0..<2 { _ = machine.acquire(now: now); machine.connected() }
        _ = machine.release("a", reusable: true, now: now)
        _ = machine.release("b", reusable: true, now: now)
        guard case .use(let connection, _) = machine.acquire(now: now) else { Issue.record("expected use"); return }
        #expect(connection == "b")
    }

    @Test func brokenConnectionsFreeTheirSlotForAWaiter() {
        var machine = Machine(maximumConnections: 1)
        _ = machine.acquire(now: now)
        machine.connected()
        _ = machine.wait(1, now: now)
        guard case .close(let connection, let connectFor) = machine.release("a", reusable: false, now: now) else {
            Issue.record("expected close"); return
        }
        #expect(connection == "a" && connectFor == 1)
        #expect(machine.connecting == 1 && machine.leased == 0)
        // The waiter's connect fails: the slot is free again, no one else waits.
        #expect(machine.connectFailed() == nil)
        #expect(machine.total == 0)
    }

    @Test func timedOutWaitersAreRemoved() {
        var machine = Machine(maximumConnections: 1)
        _ = machine.acquire(now: now)
        machine.connected()
        guard case .enqueued(let id) = machine.wait(3, now: now) else { Issue.record("expected enqueued"); return }
        #expect(machine.removeWaiter(id: id) == 3)
        #expect(machine.removeWaiter(id: id) == nil)
        guard case .parked = machine.release("a", reusable: true, now: now) else { Issue.record("expected parked"); return }
    }

    @Test func shutdownFailsWaitersClosesIdleAndWaitsForLeases() {
        var machine = Machine(maximumConnections: 2)
        for _ in 0..<2 { _ = machine.acquire(now: now); machine.connected() }
        _ = machine.release("idle", reusable: true, now: now)
        _ = machine.acquire(now: now)  // takes "idle" back
        _ = machine.release("idle", reusable: true, now: now)
        _ = machine.wait(9, now: now)  // idle available: no wait actually
        guard case .shutdown(let failed, let closeIdle, let done) = machine.shutdown(100) else {
            Issue.record("expected shutdown"); return
        }
        #expect(failed.isEmpty)
        #expect(closeIdle.isEmpty || closeIdle == ["idle"])
        #expect(!done)
        guard case .fail(let error) = machine.acquire(now: now) else { Issue.record("expected failure"); return }
        #expect(error.code == .poolClosed)
        _ = machine.release("x", reusable: true, now: now)
        guard case .closeAndFinishShutdown(let connection, let callers) = machine.release("y", reusable: true, now: now) else {
            Issue.record("expected shutdown completion"); return
        }
        #expect(connection == "y" && callers == [100])
    }
}
