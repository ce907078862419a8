import Synchronization

/// Wakes long-polling feed requests: every NOTIFY (or listener reconnect) bumps a generation
/// counter and resumes the waiters. A request reads the generation before it reads the outbox and
/// waits only if it is still the same, so a notification between the read and the wait is never
/// missed.
final class FeedNotifier: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var cancelled: Set<Int> = []
        var nextID = 0
        var closed = false
    }

    private let state = Mutex(State())

    var generation: UInt64 { state.withLock { $0.generation } }
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Something changed: wake everyone.
    func bump() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Ends every wait now and every later one at once (shutdown).
    func close() {
        state.withLock { $0.closed = true }
        bump()
    }

    /// Returns when the generation moved past `generation`, after `timeout`, on close, or when the
    /// calling task is cancelled; true unless the timeout ended the wait.
    @discardableResult
    func wait(since generation: UInt64, timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.waitForChange(since: generation); return true }
            group.addTask { try? await Task.sleep(for: timeout); return false }
            let woken = await group.next() ?? true
            group.cancelAll()
            return woken
        }
    }

    private func waitForChange(since generation: UInt64) async {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.closed || state.generation != generation || state.cancelled.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
                state.cancelled.insert(id)
                return nil
            }
            waiter?.resume()
        }
        // A cancellation that raced with a normal resume leaves its mark behind: clear it.
        _ = state.withLock { $0.cancelled.remove(id) }
    }
}
