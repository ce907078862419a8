/// Makes the `String` of a short ASCII token (a name or a number) without the validation and
/// closure call of the general initializers: Swift stores strings of at most 15 UTF-8 bytes
/// inline (a "small string", no allocation), and for ASCII text that representation is just the
/// bytes followed by a flag byte holding the length. The layout is checked once against a string
/// the standard library made (``isAvailable``); where it does not match (another platform or
/// runtime), callers use the general initializer instead.
enum SmallASCIIString {
    /// The longest text kept inline.
    static let maximumLength = 15

    /// Whether this process's `String` has the expected small-string layout (checked once).
    static let isAvailable: Bool = {
        #if _endian(little) && _pointerBitWidth(_64)
        let probe = "abcdefghijklmn"  // 14 ASCII bytes: a small string
        let made = make(words: (0x6867_6665_6463_6261, 0x6E6D_6C6B_6A69), length: 14)
        return made == probe && made.utf8.count == 14 && made.utf8.elementsEqual(probe.utf8)
        #else
        return false
        #endif
    }()

    /// The string whose UTF-8 bytes are the low `length` bytes of `words` (little-endian, the
    /// other bytes zero); `length` at most 15, every byte ASCII.
    @inline(__always)
    static func make(words: (UInt64, UInt64), length: Int) -> String {
        // Top byte: immortal (0x80), ASCII (0x40), small (0x20), then the count.
        let flags = (0xE0 | UInt64(truncatingIfNeeded: length)) << 56
        // Moved out of the two words rather than bit-cast: a bit-cast value is borrowed, and
        // the compiler would retain it (a runtime call, for a string that needs none).
        var raw = (words.0, words.1 | flags)
        return withUnsafeMutableBytes(of: &raw) { $0.baseAddress!.bindMemory(to: String.self, capacity: 1).move() }
    }

    /// The string of the `length` (1...15) ASCII bytes at `start` in `bytes`: read as two words
    /// when 16 bytes are readable from `start`, byte by byte near the end of the buffer.
    @inline(__always)
    static func make(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> String {
        let base = UnsafeRawPointer(bytes.baseAddress!) + start
        var low: UInt64 = 0
        var high: UInt64 = 0
        if start + 16 <= bytes.count {
            let first = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
            let second = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if length <= 8 {
                low = length == 8 ? first : first & ((1 &<< UInt64(length &* 8)) &- 1)
            } else {
                low = first
                high = second & ((1 &<< UInt64((length &- 8) &* 8)) &- 1)
            }
        } else {
            var index = 0
            while index < length {
                let value = UInt64(base.load(fromByteOffset: index, as: UInt8.self))
                if index < 8 { low |= value &<< UInt64(index &* 8) } else { high |= value &<< UInt64((index &- 8) &* 8) }
                index += 1
            }
        }
        return make(words: (low, high), length: length)
    }
}
