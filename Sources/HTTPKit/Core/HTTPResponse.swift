import NIOCore
import NIOHTTP1

/// A complete HTTP response: status, headers and a body held in one `ByteBuffer`.
///
/// The server adds `content-length` itself (and, on HTTP/1.1, `connection: close` when it
/// closes the connection afterwards); responders set everything else.
///
/// ```swift
/// HTTPResponse(status: .ok, contentType: "application/json", body: ByteBuffer(string: #"{"ok":true}"#))
/// ```
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: HTTPResponseStatus
    /// The response headers (no `content-length`; the server writes it from ``body``).
    public var headers: HTTPHeaders
    /// The body; an empty buffer means no body.
    public var body: ByteBuffer

    /// Creates a response.
    public init(status: HTTPResponseStatus, headers: HTTPHeaders = HTTPHeaders(), body: ByteBuffer = ByteBuffer()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a response with a `content-type` header.
    public init(status: HTTPResponseStatus, contentType: String, body: ByteBuffer) {
        self.init(status: status, headers: HTTPHeaders([("content-type", contentType)]), body: body)
    }

    /// A `text/plain; charset=utf-8` response, used for the server's own error answers.
    public static func plainText(_ status: HTTPResponseStatus, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: ByteBuffer(string: text))
    }
}
