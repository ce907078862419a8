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
public struct HTTPClientConfiguration: Sendable {
    public var connectTimeout: TimeAmount = .seconds(5)
    public var requestTimeout: TimeAmount = .seconds(30)
    public var maxResponseBodySize: Int = 64 << 20
    public var maxResponseHeaderSize: Int = 64 * 1024
    public var maxHTTP1Connections: Int = 8
    public var maxRetries: Int = 2

    /// The defaults above.
    public init() {}
}
