import Foundation

/// How far a consumer is behind its producer, as of its last successful read of the feed.
public struct ConsumerLag: Sendable, Hashable {
    /// Visible events at the producer not applied yet (counted up to the feed's limit).
    public var eventsBehind: Int
    /// `eventsBehind` hit the feed's counting limit: the real number is at least this.
    public var eventsBehindIsLowerBound: Bool
    /// Age of the oldest event not applied yet; 0 when caught up.
    public var secondsBehind: Double
    /// When the consumer last read the feed successfully; nil before the first read.
    public var lastReadAt: Date?

    public init(eventsBehind: Int = 0, eventsBehindIsLowerBound: Bool = false, secondsBehind: Double = 0, lastReadAt: Date? = nil) {
        self.eventsBehind = eventsBehind
        self.eventsBehindIsLowerBound = eventsBehindIsLowerBound
        self.secondsBehind = secondsBehind
        self.lastReadAt = lastReadAt
    }

    /// Whether the consumer has read the feed at least once and is within both bounds.
    public func isWithin(maxEvents: Int, maxSeconds: Double) -> Bool {
        lastReadAt != nil && eventsBehind <= maxEvents && secondsBehind <= maxSeconds
    }
}
