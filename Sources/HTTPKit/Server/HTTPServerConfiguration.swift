import NIOCore

/// Settings of an ``HTTPServer``, with defaults suitable for a service behind a gateway.
///
/// | setting | default | meaning |
/// |---|---|---|
/// | `host` | `127.0.0.1` | address to bind |
/// | `port` | `8080` | port to bind; `0` picks a free one (see ``HTTPServer/port``) |
/// | `maxBodySize` | 8 MiB | larger request bodies get `413` (HTTP/1.1 then closes; HTTP/2 resets the stream) |
/// | `maxHeaderSize` | 16 KiB | larger request heads get `431` |
/// | `maxConcurrentStreams` | 100 | HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS |
/// | `idleTimeout` | 60 s | a connection with no request in progress and no bytes for this long is closed (GOAWAY on HTTP/2) |
/// | `requestTimeout` | 30 s | a request not fully received this long after it began gets `408` |
/// | `shutdownGracePeriod` | 10 s | on shutdown, in-flight requests get this long before connections are closed |
/// | `enableHTTP2` | `true` | accept HTTP/2 prior knowledge and `Upgrade: h2c` |
/// | `runsTasksOnEventLoop` | `false` | `.task` replies run on the connection's event loop, not the cooperative pool |
///
/// ```swift
/// var configuration = HTTPServerConfiguration(host: "0.0.0.0", port: 4000)
/// configuration.maxBodySize = 1 << 20
/// ```
public struct HTTPServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var maxBodySize: Int = 8 << 20
    public var maxHeaderSize: Int = 16 * 1024
    public var maxConcurrentStreams: Int = 100
    public var idleTimeout: TimeAmount = .seconds(60)
    public var requestTimeout: TimeAmount = .seconds(30)
    public var shutdownGracePeriod: TimeAmount = .seconds(10)
    public var enableHTTP2: Bool = true
    /// The listen backlog.
    public var backlog: Int32 = 256
    /// When true, a `.task` reply's task prefers the connection's event loop as its executor
    /// (``EventLoopTaskExecutor``): its code and its child tasks run on that loop's thread, so a
    /// responder whose async work is mostly I/O on the same loop (a gateway calling upstreams
    /// with ``HTTPClientConfiguration/poolPerEventLoop``) never hops to the cooperative pool and
    /// back. Only for responders that do little CPU work per request: the loop serves its other
    /// connections only between the task's suspension points.
    public var runsTasksOnEventLoop: Bool = false

    /// Creates a configuration for `host:port` with the defaults above.
    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    /// How often a connection checks its idle and request deadlines.
    var timerInterval: TimeAmount {
        let shortest = min(self.idleTimeout, self.requestTimeout)
        return max(.milliseconds(20), min(.seconds(1), .nanoseconds(shortest.nanoseconds / 4)))
    }
}
