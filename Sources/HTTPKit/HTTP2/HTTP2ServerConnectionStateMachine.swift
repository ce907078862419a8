import NIOCore

/// The lifecycle of one HTTP/2 server connection, as a value: graceful shutdown in two steps
/// (a GOAWAY announcing it, a PING to let requests already on the wire arrive, then the final
/// GOAWAY with the last processed stream) and the idle timeout. The handler performs the actions.
struct HTTP2ServerConnectionStateMachine {
    enum Lifecycle: Equatable {
        case active
        /// The first GOAWAY and a PING went out at `since`; waiting for the PING's ACK.
        case announcedShutdown(since: NIODeadline)
        /// The final GOAWAY went out; open streams finish, then the session ends.
        case goawaySent
    }

    enum Action: Equatable {
        case none
        /// Send GOAWAY(last stream = 2^31-1) and a PING.
        case announceShutdown
        /// Send the final GOAWAY(NO_ERROR) with the last processed stream id.
        case sendGoaway
    }

    private(set) var lifecycle: Lifecycle = .active
    private(set) var lastActivity: NIODeadline
    let idleTimeout: TimeAmount
    /// How long to wait for the PING's ACK before sending the final GOAWAY anyway.
    let shutdownPingTimeout: TimeAmount

    init(idleTimeout: TimeAmount, shutdownPingTimeout: TimeAmount = .seconds(1), now: NIODeadline) {
        self.idleTimeout = idleTimeout
        self.shutdownPingTimeout = shutdownPingTimeout
        self.lastActivity = now
    }

    /// Bytes arrived or a response went out.
    mutating func recordActivity(now: NIODeadline) {
        self.lastActivity = now
    }

    /// The server is shutting down.
    mutating func quiesce(now: NIODeadline) -> Action {
        guard case .active = self.lifecycle else { return .none }
        self.lifecycle = .announcedShutdown(since: now)
        return .announceShutdown
    }

    /// The peer acknowledged a PING.
    mutating func pingAcknowledged() -> Action {
        guard case .announcedShutdown = self.lifecycle else { return .none }
        self.lifecycle = .goawaySent
        return .sendGoaway
    }

    /// The periodic timer fired; `hasOpenStreams` says whether any request is in progress.
    mutating func timerFired(now: NIODeadline, hasOpenStreams: Bool) -> Action {
        switch self.lifecycle {
        case .active:
            guard !hasOpenStreams, now - self.lastActivity >= self.idleTimeout else { return .none }
            self.lifecycle = .goawaySent
            return .sendGoaway
        case .announcedShutdown(let since):
            guard now - since >= self.shutdownPingTimeout else { return .none }
            self.lifecycle = .goawaySent
            return .sendGoaway
        case .goawaySent:
            return .none
        }
    }
}
