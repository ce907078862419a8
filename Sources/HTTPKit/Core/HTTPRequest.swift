import NIOCore
import NIOHTTP1

/// The wire protocol a request arrived on (or a client request travelled over).
public enum HTTPWireProtocol: String, Sendable, Hashable {
    case http1_1 = "1.1"
    case http2 = "2"
}

/// A complete HTTP request as the server hands it to an ``HTTPResponder``: the head and the
/// whole body, collected up to the configured body-size limit.
///
/// ```swift
/// let request = HTTPRequest(method: .GET, uri: "/graphql?query=%7B__typename%7D")
/// request.path   // "/graphql"
/// request.query  // "query=%7B__typename%7D"
/// ```
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request target as sent (`:path` in HTTP/2): path plus optional `?query`.
    public var uri: String {
        didSet { (self.path, self.queryStart) = Self.split(self.uri) }
    }
    /// The path part of ``uri``, without the query.
    public private(set) var path: String
    /// Where the query starts in ``uri`` (after `?`); the query string is made only when read.
    private var queryStart: String.Index?
    /// The raw (still percent-encoded) query string after `?`, if any.
    public var query: String? {
        queryStart.map { String(self.uri[$0...]) }
    }
    /// The request headers. HTTP/2 pseudo-headers are not included; `:authority` is ``authority``.
    public var headers: HTTPHeaders
    /// The request body (empty when the request had none).
    public var body: ByteBuffer
    /// `Host` (HTTP/1.1) or `:authority` (HTTP/2), if present.
    public var authority: String?
    /// The protocol the request arrived on.
    public var wireProtocol: HTTPWireProtocol

    /// Creates a request; `uri` is split into ``path`` and ``query``.
    public init(
        method: HTTPMethod,
        uri: String,
        headers: HTTPHeaders = HTTPHeaders(),
        body: ByteBuffer = ByteBuffer(),
        authority: String? = nil,
        wireProtocol: HTTPWireProtocol = .http1_1
    ) {
        self.method = method
        self.uri = uri
        (self.path, self.queryStart) = Self.split(uri)
        self.headers = headers
        self.body = body
        self.authority = authority
        self.wireProtocol = wireProtocol
    }

    private static func split(_ uri: String) -> (String, String.Index?) {
        guard let mark = uri.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (uri, nil) }
        return (String(uri[..<mark]), uri.index(after: mark))
    }
}
