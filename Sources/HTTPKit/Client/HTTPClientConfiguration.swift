import NIOCore

/// Settings of an ``HTTPClient``, shared by all its upstreams.
///
/// | setting | default | meaning |
/// |---|---|---|
/// | `connectTimeout` | 5 s | TCP connect limit |
/// | `requestTimeout` | 30 s | default per-request limit (``HTTPClientRequest/timeout`` overrides) |
/// | `maxResponseBodySize` | 64 MiB | larger responses fail with `responseTooLarge` |
/// | `maxResponseHeaderSize` | 64 KiB | larger response heads fail the same way |
/// | `maxHTTP1Connections` | 8 | keep-alive connections per HTTP/1.1 upstream |
/// | `maxRetries` | 2 | resends of a request the server provably did not process (refused stream, GOAWAY) |
/// | `poolPerEventLoop` | `false` | requests sent from one of the client's event loops use connections on that loop |
public struct HTTPClientConfiguration: Sendable {
    public var connectTimeout: TimeAmount = .seconds(5)
    public var requestTimeout: TimeAmount = .seconds(30)
    public var maxResponseBodySize: Int = 64 << 20
    public var maxResponseHeaderSize: Int = 64 * 1024
    public var maxHTTP1Connections: Int = 8
    public var maxRetries: Int = 2
    /// When true, a request sent from a thread of one of the client's event loops goes through
    /// that loop's own pool for the upstream (one HTTP/2 connection per upstream per loop), so
    /// sending it and completing it need no hop between threads. Requests from other threads
    /// use one pool per upstream, as without it.
    public var poolPerEventLoop: Bool = false

    /// The defaults above.
    public init() {}
}
