import NIOConcurrencyHelpers
import NIOCore

/// The open connections of one server, for graceful shutdown: ask each to quiesce, know when the
/// last one closed, close the stragglers when the grace period ends.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var acceptedCount = 0
        var isShuttingDown = false
        var drainedPromise: EventLoopPromise<Void>?
    }

    private let state = NIOLockedValueBox(State())

    /// Registers an accepted connection; returns `false` (and the caller closes it) during shutdown.
    func register(_ channel: any Channel) -> Bool {
        let accepted = self.state.withLockedValue { state -> Bool in
            guard !state.isShuttingDown else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            state.acceptedCount += 1
            return true
        }
        guard accepted else { return false }
        channel.closeFuture.whenComplete { _ in self.unregister(channel) }
        return true
    }

    private func unregister(_ channel: any Channel) {
        let promise = self.state.withLockedValue { state -> EventLoopPromise<Void>? in
            state.channels[ObjectIdentifier(channel)] = nil
            guard state.isShuttingDown, state.channels.isEmpty else { return nil }
            defer { state.drainedPromise = nil }
            return state.drainedPromise
        }
        promise?.succeed()
    }

    /// How many connections are open.
    var count: Int { self.state.withLockedValue { $0.channels.count } }

    /// How many connections were registered since the server started (closed ones included).
    var acceptedCount: Int { self.state.withLockedValue { $0.acceptedCount } }

    /// Stops accepting, asks every connection to finish its requests and close, and completes
    /// `drained` when the last one has closed.
    func quiesceAll(drained: EventLoopPromise<Void>) {
        let channels = self.state.withLockedValue { state -> [any Channel]? in
            state.isShuttingDown = true
            if state.channels.isEmpty { return nil }
            state.drainedPromise = drained
            return Array(state.channels.values)
        }
        guard let channels else {
            drained.succeed()
            return
        }
        for channel in channels {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
    }

    /// Closes every connection still open (the grace period is over).
    func closeAll() {
        let channels = self.state.withLockedValue { Array($0.channels.values) }
        for channel in channels {
            channel.close(promise: nil)
        }
    }
}
