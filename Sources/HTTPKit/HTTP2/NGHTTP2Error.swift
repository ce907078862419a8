import CNGHTTP2

/// A failed libnghttp2 call: the function and nghttp2's error code and message.
struct NGHTTP2Error: Error, CustomStringConvertible {
    /// nghttp2's (negative) error code, an `nghttp2_error` value.
    var code: Int32
    /// The nghttp2 function that failed.
    var function: StaticString

    var description: String {
        "\(self.function) failed: \(String(cString: nghttp2_strerror(self.code))) (\(self.code))"
    }

    /// `true` for errors after which the session is unusable (`nghttp2_is_fatal`).
    var isFatal: Bool { nghttp2_is_fatal(self.code) != 0 }
}

/// HTTP/2 error codes (RFC 9113 §7) used on RST_STREAM and GOAWAY.
enum HTTP2ErrorCode: UInt32, Sendable {
    case noError = 0x0
    case protocolError = 0x1
    case internalError = 0x2
    case flowControlError = 0x3
    case settingsTimeout = 0x4
    case streamClosed = 0x5
    case frameSizeError = 0x6
    case refusedStream = 0x7
    case cancel = 0x8
    case compressionError = 0x9
    case connectError = 0xa
    case enhanceYourCalm = 0xb
    case inadequateSecurity = 0xc
    case http11Required = 0xd
}
