import NIOCore
import NIOHTTP1

/// How the client talks to an upstream.
public enum HTTPClientProtocol: String, Sendable, Hashable {
    /// HTTP/2 over cleartext with prior knowledge: one connection, many concurrent streams.
    case http2 = "h2c"
    /// HTTP/1.1 with a small pool of keep-alive connections, one request at a time on each.
    case http1_1 = "http/1.1"
}

/// One upstream server: address and protocol. Each gets its own connection pool.
///
/// ```swift
/// let identity = HTTPUpstream(host: "127.0.0.1", port: 4001)              // HTTP/2
/// let legacy = HTTPUpstream(host: "127.0.0.1", port: 8080, protocol: .http1_1)
/// ```
public struct HTTPUpstream: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var `protocol`: HTTPClientProtocol

    /// An upstream at `host:port`, HTTP/2 unless told otherwise.
    public init(host: String, port: Int, protocol: HTTPClientProtocol = .http2) {
        self.host = host
        self.port = port
        self.protocol = `protocol`
    }

    /// `host:port`, as sent in `:authority` / `Host`.
    public var authority: String { "\(self.host):\(self.port)" }

    public var description: String { "\(self.protocol.rawValue)://\(self.authority)" }
}

/// A request the client sends.
///
/// ```swift
/// var request = HTTPClientRequest(method: .POST, path: "/graphql", body: ByteBuffer(string: json))
/// request.headers.add(name: "content-type", value: "application/json")
/// request.timeout = .seconds(2)
/// ```
public struct HTTPClientRequest: Sendable {
    public var method: HTTPMethod
    /// Path and query, e.g. `/graphql?query=...`.
    public var path: String
    public var headers: HTTPHeaders
    /// The body; `nil` or empty for none.
    public var body: ByteBuffer?
    /// Overrides the client's default request timeout.
    public var timeout: TimeAmount?

    public init(method: HTTPMethod = .GET, path: String, headers: HTTPHeaders = HTTPHeaders(), body: ByteBuffer? = nil, timeout: TimeAmount? = nil) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// Why a request failed.
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// No response within the request timeout (the stream was reset, or the HTTP/1 connection closed).
        case timeout
        /// The calling task was cancelled.
        case cancelled
        /// The upstream could not be reached.
        case connectFailed
        /// The connection closed before the response was complete.
        case connectionClosed
        /// The server reset the stream (RST_STREAM) or refused it too often.
        case streamReset
        /// The response body exceeded `maxResponseBodySize`, or its head the header limit.
        case responseTooLarge
        /// The client was shut down.
        case shutdown
        /// The server broke the protocol.
        case protocolError
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(self.code.rawValue): \(self.message)" }
}
