/// A payload that cannot be understood: the consumer dead-letters the event at once.
public struct EventPayloadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Thrown by a handler to say "try again later" (a dependency is down): the consumer rolls the
/// whole batch back and retries it with back-off instead of dead-lettering the event.
public struct TransientEventError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// A feed answer the consumer cannot proceed with.
public struct EventFeedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON error code (`cursor_too_old`, `invalid_cursor`, …) or `http_<status>`.
    public var code: String
    public var status: Int
    public var message: String

    public init(code: String, status: Int, message: String) {
        self.code = code
        self.status = status
        self.message = message
    }

    public var description: String { "\(status) \(code): \(message)" }

    /// The stored cursor is older than the producer's retained window: resync needed.
    public var isCursorTooOld: Bool { code == FeedErrorCode.cursorTooOld }
    /// Server-side trouble or overload: retry later.
    public var isTransient: Bool { status >= 500 || status == 429 || status == 408 }
}

/// The `error.code` values the feed answers with.
public enum FeedErrorCode {
    public static let invalidCursor = "invalid_cursor"
    public static let invalidLimit = "invalid_limit"
    public static let invalidWait = "invalid_wait"
    public static let invalidAggregate = "invalid_aggregate"
    public static let unknownAggregate = "unknown_aggregate"
    public static let cursorTooOld = "cursor_too_old"
    public static let unavailable = "unavailable"
}
