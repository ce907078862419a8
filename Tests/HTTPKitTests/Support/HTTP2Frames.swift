/// Hand-made HTTP/2 frames for tests that must send exact (or broken) bytes.
enum HTTP2Frames {
    static let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

    enum FrameType: UInt8 {
        case data = 0x0, headers = 0x1, rstStream = 0x3, settings = 0x4, ping = 0x6, goaway = 0x7, windowUpdate = 0x8
    }

    static let endStream: UInt8 = 0x1
    static let endHeaders: UInt8 = 0x4
    static let ack: UInt8 = 0x1

    static func frame(_ type: UInt8, flags: UInt8 = 0, stream: UInt32 = 0, payload: [UInt8] = []) -> [UInt8] {
        let length = payload.count
        var bytes: [UInt8] = [UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff), type, flags]
        bytes += [UInt8(stream >> 24 & 0x7f), UInt8(stream >> 16 & 0xff), UInt8(stream >> 8 & 0xff), UInt8(stream & 0xff)]
        return bytes + payload
    }

    static func frame(_ type: FrameType, flags: UInt8 = 0, stream: UInt32 = 0, payload: [UInt8] = []) -> [UInt8] {
        frame(type.rawValue, flags: flags, stream: stream, payload: payload)
    }

    /// The client preface and an empty SETTINGS frame.
    static var clientStart: [UInt8] { preface + frame(.settings) }

    /// An HPACK header block for `GET <path>` (static-table indexes, literal :authority).
    static func getHeaderBlock(path: String = "/") -> [UInt8] {
        var block: [UInt8] = [0x82, 0x86]  // :method GET, :scheme http
        if path == "/" {
            block.append(0x84)  // :path /
        } else {
            block += [0x44, UInt8(path.utf8.count)] + Array(path.utf8)  // :path literal (indexed name 4)
        }
        block += [0x41, 0x09] + Array("localhost".utf8)  // :authority literal (indexed name 1)
        return block
    }

    /// A complete GET request on `stream`.
    static func getRequest(stream: UInt32, path: String = "/") -> [UInt8] {
        frame(.headers, flags: endStream | endHeaders, stream: stream, payload: getHeaderBlock(path: path))
    }

    struct Frame: Equatable {
        var type: UInt8
        var flags: UInt8
        var stream: UInt32
        var payload: [UInt8]
    }

    /// Splits server output (after its preface, which is itself a SETTINGS frame) into frames;
    /// a trailing partial frame is left out.
    static func parse(_ bytes: [UInt8]) -> [Frame] {
        var frames: [Frame] = []
        var index = 0
        while bytes.count - index >= 9 {
            let length = Int(bytes[index]) << 16 | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
            guard bytes.count - index - 9 >= length else { break }
            let stream = UInt32(bytes[index + 5] & 0x7f) << 24 | UInt32(bytes[index + 6]) << 16
                | UInt32(bytes[index + 7]) << 8 | UInt32(bytes[index + 8])
            frames.append(
                Frame(type: bytes[index + 3], flags: bytes[index + 4], stream: stream, payload: Array(bytes[(index + 9)..<(index + 9 + length)]))
            )
            index += 9 + length
        }
        return frames
    }

    /// The error code of the first GOAWAY among `frames`, if any.
    static func goawayErrorCode(_ frames: [Frame]) -> UInt32? {
        guard let goaway = frames.first(where: { $0.type == FrameType.goaway.rawValue }), goaway.payload.count >= 8 else { return nil }
        let p = goaway.payload
        return UInt32(p[4]) << 24 | UInt32(p[5]) << 16 | UInt32(p[6]) << 8 | UInt32(p[7])
    }

    /// `true` if a HEADERS frame on `stream` starts with the HPACK index for `:status: 200`.
    static func hasStatus200(_ frames: [Frame], stream: UInt32) -> Bool {
        frames.contains { $0.type == FrameType.headers.rawValue && $0.stream == stream && $0.payload.first == 0x88 }
    }
}
