import NIOHTTP1

/// An HTTP/1.1 request asking to continue in HTTP/2 over cleartext (RFC 7540 §3.2):
/// `Upgrade: h2c`, `Connection: Upgrade, HTTP2-Settings`, and exactly one `HTTP2-Settings`
/// header holding the client's SETTINGS payload in base64url. `nil` for anything else,
/// including a malformed settings header (then the request is served over HTTP/1.1).
struct H2CUpgradeRequest {
    /// The decoded SETTINGS frame payload.
    var settingsPayload: [UInt8]

    init?(head: HTTPRequestHead) {
        let upgrade = head.headers[canonicalForm: "upgrade"]
        guard upgrade.contains(where: { $0.lowercased() == "h2c" }) else { return nil }
        let connection = head.headers[canonicalForm: "connection"].map { $0.lowercased() }
        guard connection.contains("upgrade"), connection.contains("http2-settings") else { return nil }
        let settings = head.headers["http2-settings"]
        guard settings.count == 1, let payload = Base64URL.decode(settings[0]), payload.count % 6 == 0 else {
            return nil
        }
        self.settingsPayload = payload
    }
}

/// base64url without padding (RFC 4648 §5), as `HTTP2-Settings` uses it.
enum Base64URL {
    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "-"), UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "_"), UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): continue  // tolerate padding
            default: return nil
            }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // Leftover bits must be zero padding bits of the last character.
        guard bits < 6, accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return output
    }
}
