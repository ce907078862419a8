import NIOCore
import NIOHTTP1

/// A request (server side) or response (client side) being received on one HTTP/2 stream:
/// pseudo-headers, regular headers, body and trailers, filled in by nghttp2's callbacks.
struct HTTP2InboundMessage {
    /// Why a message was refused while it was still arriving.
    enum Rejection: Equatable {
        /// The header block exceeded the header-list limit (answered with 431).
        case headersTooLarge
        /// The body exceeded the body-size limit (answered with 413).
        case bodyTooLarge
        /// The message did not arrive within the request timeout (answered with 408).
        case timedOut
    }

    var method: String?
    var path: String?
    var authority: String?
    var scheme: String?
    /// `:status` of a response (client side).
    var status: Int?
    var headers = HTTPHeaders()
    var trailers: HTTPHeaders?
    var body: ByteBuffer
    /// Bytes of header list counted as RFC 9113 §6.5.2 does (name + value + 32 per field).
    var headerListSize = 0
    /// `true` once the first (non-informational) header block ended.
    var headComplete = false
    var rejection: Rejection?
    /// When the first header of this message arrived (request timeout on the server).
    let startedAt: NIODeadline

    init(body: ByteBuffer, startedAt: NIODeadline) {
        self.body = body
        self.startedAt = startedAt
    }
}

/// Something the nghttp2 callbacks observed, queued for the owner to act on after
/// `nghttp2_session_mem_recv` returns (the owner never re-enters nghttp2 from a callback).
enum HTTP2SessionEvent: Equatable {
    /// The stream's message is complete (END_STREAM received); take it with `takeMessage`.
    case messageComplete(streamID: Int32)
    /// The stream's header block ended (the response head on the client side).
    case headComplete(streamID: Int32)
    /// A limit was exceeded while the message was arriving.
    case messageRejected(streamID: Int32, HTTP2InboundMessage.Rejection)
    /// The stream closed (normally, or reset with `errorCode`).
    case streamClosed(streamID: Int32, errorCode: UInt32)
    /// The peer sent GOAWAY.
    case goawayReceived(lastStreamID: Int32, errorCode: UInt32)
    /// The peer's SETTINGS changed (e.g. its max concurrent streams).
    case remoteSettingsChanged
    /// The peer acknowledged one of our PINGs.
    case pingAcknowledged
}
