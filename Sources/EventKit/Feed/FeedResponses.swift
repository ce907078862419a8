import HTTPKit
import NIOCore
import NIOHTTP1

/// The feed's JSON answers, errors included: `{"error":{"code":"…","message":"…"}}`.
enum FeedResponses {
    static func json(_ status: HTTPResponseStatus, _ writer: JSONWriter) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "cache-control", value: "no-store")
        return HTTPResponse(status: status, headers: headers, body: ByteBuffer(bytes: writer.bytes))
    }

    static func error(_ status: HTTPResponseStatus, _ code: String, _ message: String) -> HTTPResponse {
        var writer = JSONWriter(capacity: 128 + message.utf8.count)
        writer.raw("{\"error\":{")
        writer.key("code")
        writer.string(code)
        writer.raw(",")
        writer.key("message")
        writer.string(message)
        writer.raw("}}")
        return json(status, writer)
    }
}
