import NIOConcurrencyHelpers

/// Holds requests at the server until the test opens it, and tells the test when a given number
/// of them have arrived — so a test knows requests are in flight without sleeping.
final class RequestGate: Sendable {
    private struct State {
        var arrived = 0
        var isOpen = false
        var held: [CheckedContinuation<Void, Never>] = []
        var arrivalWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = NIOLockedValueBox(State())

    /// Called by a request handler: counts the arrival, then waits until the gate opens.
    func pass() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (resume, reached) = self.state.withLockedValue { state -> (Bool, [CheckedContinuation<Void, Never>]) in
                state.arrived += 1
                let arrived = state.arrived
                let reached = state.arrivalWaiters.filter { $0.count <= arrived }.map(\.continuation)
                state.arrivalWaiters.removeAll { $0.count <= arrived }
                if state.isOpen { return (true, reached) }
                state.held.append(continuation)
                return (false, reached)
            }
            reached.forEach { $0.resume() }
            if resume { continuation.resume() }
        }
    }

    /// Returns once `count` requests have arrived at the gate.
    func waitForArrivals(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = self.state.withLockedValue { state -> Bool in
                if state.arrived >= count { return true }
                state.arrivalWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Lets every held request (and later ones) through.
    func open() {
        let held = self.state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.held = [] }
            return state.held
        }
        held.forEach { $0.resume() }
    }
}
