import HTTPKit
import Postgres

/// How the consumer reacts to an error.
enum FailureKind {
    /// Try again later (roll the batch back, back off): producer or database unavailable.
    case transient
    /// The event itself is bad (undecodable payload): dead-letter it now.
    case poison
    /// A handler failed for another reason: retry a few times, then dead-letter.
    case permanent
    /// The task was cancelled: roll back and stop.
    case cancelled

    init(_ error: any Error) {
        switch error {
        case is CancellationError: self = .cancelled
        case is TransientEventError: self = .transient
        case is EventPayloadError: self = .poison
        case is HTTPClientError: self = .transient
        case let error as EventFeedError: self = error.isTransient ? .transient : .permanent
        case let error as PostgresError: self = Self.classify(error)
        default: self = .permanent
        }
    }

    private static func classify(_ error: PostgresError) -> FailureKind {
        switch error.code {
        case .connectionFailed, .connectionClosed, .poolTimeout, .poolClosed, .timeout, .transactionFinished:
            return .transient
        case .server:
            guard let state = error.sqlState else { return .permanent }
            // 08 connection, 40 serialization/deadlock, 53 resources, 57 operator intervention
            // (shutdown, statement cancelled), 58 system error, 55P03 lock not available.
            if state == "55P03" { return .transient }
            return ["08", "40", "53", "57", "58"].contains(String(state.prefix(2))) ? .transient : .permanent
        default:
            return .permanent
        }
    }
}
