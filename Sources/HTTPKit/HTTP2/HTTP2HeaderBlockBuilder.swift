import CNGHTTP2
import NIOHTTP1

/// Builds the `nghttp2_nv` array for one outgoing header block in reused scratch storage:
/// names are lower-cased (HTTP/2 requires it) and connection-specific fields that HTTP/2
/// forbids (RFC 9113 §8.2.2) are dropped. nghttp2 copies the fields during the submit call, so
/// the storage is reused for the next block.
struct HTTP2HeaderBlockBuilder {
    private var bytes: [UInt8] = []
    private var spans: [(name: Range<Int>, value: Range<Int>)] = []
    private var pairs: [nghttp2_nv] = []

    init() {
        self.bytes.reserveCapacity(512)
        self.spans.reserveCapacity(16)
        self.pairs.reserveCapacity(16)
    }

    mutating func reset() {
        self.bytes.removeAll(keepingCapacity: true)
        self.spans.removeAll(keepingCapacity: true)
    }

    mutating func appendStatus(_ code: UInt) {
        let nameStart = self.bytes.count
        self.bytes.append(contentsOf: ":status".utf8)
        let valueStart = self.bytes.count
        let clamped = min(max(code, 100), 999)
        self.bytes.append(UInt8(ascii: "0") + UInt8(clamped / 100))
        self.bytes.append(UInt8(ascii: "0") + UInt8(clamped / 10 % 10))
        self.bytes.append(UInt8(ascii: "0") + UInt8(clamped % 10))
        self.spans.append((nameStart..<valueStart, valueStart..<self.bytes.count))
    }

    mutating func appendContentLength(_ length: Int) {
        let nameStart = self.bytes.count
        self.bytes.append(contentsOf: "content-length".utf8)
        let valueStart = self.bytes.count
        self.bytes.append(contentsOf: String(length).utf8)
        self.spans.append((nameStart..<valueStart, valueStart..<self.bytes.count))
    }

    mutating func appendRequestPseudoHeaders(method: String, scheme: String, authority: String, path: String) {
        self.appendVerbatim(name: ":method", value: method)
        self.appendVerbatim(name: ":scheme", value: scheme)
        self.appendVerbatim(name: ":authority", value: authority)
        self.appendVerbatim(name: ":path", value: path)
    }

    /// Appends regular header fields, lower-casing names and skipping the ones HTTP/2 forbids
    /// (and `content-length`, which the session writes from the body it actually sends).
    mutating func append(_ headers: HTTPHeaders) {
        for (name, value) in headers {
            if Self.isDropped(name: name, value: value) { continue }
            let nameStart = self.bytes.count
            for byte in name.utf8 {
                self.bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
            let valueStart = self.bytes.count
            self.bytes.append(contentsOf: value.utf8)
            self.spans.append((nameStart..<valueStart, valueStart..<self.bytes.count))
        }
    }

    private mutating func appendVerbatim(name: String, value: String) {
        let nameStart = self.bytes.count
        self.bytes.append(contentsOf: name.utf8)
        let valueStart = self.bytes.count
        self.bytes.append(contentsOf: value.utf8)
        self.spans.append((nameStart..<valueStart, valueStart..<self.bytes.count))
    }

    static func isDropped(name: String, value: String) -> Bool {
        switch name.utf8.count {
        case 2: return name.isASCIICaseInsensitive("te") && !value.isASCIICaseInsensitive("trailers")
        case 4: return name.isASCIICaseInsensitive("host")  // carried as :authority
        case 7: return name.isASCIICaseInsensitive("upgrade")
        case 10: return name.isASCIICaseInsensitive("connection") || name.isASCIICaseInsensitive("keep-alive")
        case 14: return name.isASCIICaseInsensitive("content-length")
        case 16: return name.isASCIICaseInsensitive("proxy-connection")
        case 17: return name.isASCIICaseInsensitive("transfer-encoding")
        default: return false
        }
    }

    /// Calls `body` with the `nghttp2_nv` array; valid only during the call.
    mutating func withNameValuePairs<R>(_ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        self.pairs.removeAll(keepingCapacity: true)
        let spans = self.spans
        return self.bytes.withUnsafeMutableBufferPointer { storage in
            let base = storage.baseAddress!
            for span in spans {
                self.pairs.append(
                    nghttp2_nv(
                        name: base + span.name.lowerBound,
                        value: base + span.value.lowerBound,
                        namelen: span.name.count,
                        valuelen: span.value.count,
                        flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)
                    )
                )
            }
            return self.pairs.withUnsafeBufferPointer { body($0.baseAddress!, $0.count) }
        }
    }
}
