/// Byte classes of the GraphQL lexical grammar (all ASCII, as the specification's Name is).
enum CharacterClass {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always) static func isNameStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == 0x5F }

    /// `[_0-9A-Za-z]` as two 64-bit masks (bytes 0–63 and 64–127): one shift and test per byte.
    @inline(__always) static func isNameContinue(_ byte: UInt8) -> Bool {
        let digits: UInt64 = 0x03FF_0000_0000_0000  // '0'...'9' = bits 48–57
        let lettersAndUnderscore: UInt64 = 0x07FF_FFFE_87FF_FFFE  // 'A'...'Z', '_', 'a'...'z'
        let mask = byte < 64 ? digits : lettersAndUnderscore
        return byte < 128 && (mask >> UInt64(byte & 63)) & 1 != 0
    }

    /// For eight bytes at once (little-endian word): the high bit of every byte that is not
    /// `[_0-9A-Za-z]` is set, every other bit is clear. Each byte's low seven bits are range-checked
    /// without borrows between bytes (`(v | 0x80) - lo` keeps its high bit iff `v >= lo`); letters
    /// are folded to lower case first (`v | 0x20` is in `a...z` only for ASCII letters).
    @inline(__always) static func nonNameBytes(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let value = word & ~high
        @inline(__always) func inRange(_ v: UInt64, _ low: UInt64, _ highest: UInt64) -> UInt64 {
            let atLeastLow = (v | high) &- low &* ones
            let aboveHighest = (v | high) &- (highest + 1) &* ones
            return atLeastLow & ~aboveHighest & high
        }
        let digits = inRange(value, 0x30, 0x39)
        let letters = inRange(value | 0x2020_2020_2020_2020, 0x61, 0x7A)
        let underscoreDifference = value ^ 0x5F5F_5F5F_5F5F_5F5F
        let underscores = ~(((underscoreDifference & ~high) &+ ~high) | underscoreDifference) & high
        let nameBytes = (digits | letters | underscores) & ~word
        return ~nameBytes & high
    }

    /// `Space` or `Horizontal Tab`, the only WhiteSpace of the grammar.
    @inline(__always) static func isWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The value of a hexadecimal digit, or -1.
    @inline(__always) static func hexValue(_ byte: UInt8) -> Int32 {
        switch byte {
        case 0x30...0x39: return Int32(byte) - 0x30
        case 0x41...0x46: return Int32(byte) - 0x37
        case 0x61...0x66: return Int32(byte) - 0x57
        default: return -1
        }
    }
}

/// What a run of bytes at some position decodes to: a Unicode scalar, a lone surrogate (from
/// WTF-8 input), or an invalid UTF-8 sequence; with its length in bytes.
enum DecodedCharacter: Equatable {
    case scalar(UInt32, length: Int)
    case surrogate(UInt32, length: Int)
    case invalid(UInt8)

    /// Decodes the (possibly multi-byte) character starting at `index`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> DecodedCharacter {
        let count = bytes.count
        let lead = bytes[index]
        if lead < 0x80 { return .scalar(UInt32(lead), length: 1) }
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return (byte >= low && byte <= high) ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            guard let b1 = continuation(1) else { return .invalid(lead) }
            return .scalar((UInt32(lead & 0x1F) << 6) | b1, length: 2)
        case 0xE0...0xEF:
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            guard let b1 = continuation(1, low), let b2 = continuation(2) else { return .invalid(lead) }
            let value = (UInt32(lead & 0x0F) << 12) | (b1 << 6) | b2
            if value >= 0xD800 && value <= 0xDFFF { return .surrogate(value, length: 3) }
            return .scalar(value, length: 3)
        case 0xF0...0xF4:
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard let b1 = continuation(1, low, high), let b2 = continuation(2), let b3 = continuation(3) else {
                return .invalid(lead)
            }
            return .scalar((UInt32(lead & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3, length: 4)
        default:
            return .invalid(lead)
        }
    }

    /// The length of a valid source character at `index` (a scalar, or a leading surrogate
    /// immediately followed by a trailing one, which JavaScript reads as one supplementary
    /// character); nil for a lone surrogate or invalid UTF-8.
    static func sourceCharacterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch decode(bytes, at: index) {
        case .scalar(_, let length):
            return length
        case .surrogate(let value, let length):
            if value < 0xDC00, index + length < bytes.count,
               case .surrogate(let next, let nextLength) = decode(bytes, at: index + length), next >= 0xDC00 {
                return length + nextLength
            }
            return nil
        case .invalid:
            return nil
        }
    }
}
