import HTTPKit

/// Where a consumer finds a producer's feed.
///
/// ```swift
/// let identity = EventProducerEndpoint(name: "identity", upstream: HTTPUpstream(host: "127.0.0.1", port: 4001))
/// ```
public struct EventProducerEndpoint: Sendable, Hashable {
    /// The producer's name as stored with the cursor (`identity`).
    public var name: String
    public var upstream: HTTPUpstream
    /// The feed's path; the snapshot is at `path + "/snapshot"`.
    public var path: String

    public init(name: String, upstream: HTTPUpstream, path: String = "/events") {
        self.name = name
        self.upstream = upstream
        self.path = path
    }
}
