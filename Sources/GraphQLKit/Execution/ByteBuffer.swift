/// A growable byte buffer for writing responses: appends are a bounds check and a store
/// (no copy-on-write uniqueness check per append, as `[UInt8]` pays).
///
/// It is a value type over one heap allocation; copies share it. The executor keeps exactly
/// one copy it writes to at a time (it moves buffers aside and back when it completes holes).
@usableFromInline
struct ByteBuffer {
    private var storage: ByteStorage
    private(set) var count: Int = 0

    init(capacity: Int = 4096) {
        storage = ByteStorage.make(capacity: max(16, capacity))
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == storage.byteCapacity { grow(minimum: count + 1) }
        storage.base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let length = bytes.count
        if length == 0 { return }
        if count + length > storage.byteCapacity { grow(minimum: count + length) }
        let target = UnsafeMutableRawPointer(storage.base + count)
        let from = bytes.baseAddress!
        // Short copies (keys, small strings) with two overlapping word moves, not a memmove call.
        if length >= 8 && length <= 16 {
            target.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), toByteOffset: length - 8, as: UInt64.self)
        } else if length < 8 {
            for offset in 0..<length { target.storeBytes(of: from.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self) }
        } else {
            target.copyMemory(from: from, byteCount: length)
        }
        count += length
    }

    @inline(__always)
    @usableFromInline
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    mutating func append(_ buffer: ByteBuffer) {
        buffer.withUnsafeBytes { append($0) }
    }

    mutating func append(_ buffer: ByteBuffer, from start: Int, to end: Int) {
        buffer.withUnsafeBytes { append(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Drops the bytes from `length` on.
    mutating func truncate(to length: Int) {
        count = min(count, length)
    }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.base, count: count))
    }

    /// The bytes as an array.
    var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    private mutating func grow(minimum: Int) {
        var capacity = storage.byteCapacity * 2
        while capacity < minimum { capacity *= 2 }
        let larger = ByteStorage.make(capacity: capacity)
        larger.base.update(from: storage.base, count: count)
        storage = larger
    }

    // MARK: JSON

    /// Appends `value` as a JSON string, escaped as `JSON.stringify` escapes.
    @usableFromInline
    mutating func appendJSONString(_ value: String) {
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ appendJSONString(utf8: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        var copy = value
        copy.withUTF8 { appendJSONString(utf8: UnsafeRawBufferPointer($0)) }
    }

    private mutating func appendJSONString(utf8 bytes: UnsafeRawBufferPointer) {
        append(0x22)
        var chunkStart = 0
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight bytes at a time while none needs escaping (no control character, `"` or `\`).
            if index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if !Self.needsEscape(word) {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                index += 1
                continue
            }
            append(UnsafeRawBufferPointer(rebasing: bytes[chunkStart..<index]))
            append(0x5C)
            switch byte {
            case 0x22: append(0x22)
            case 0x5C: append(0x5C)
            case 0x08: append(0x62)
            case 0x0C: append(0x66)
            case 0x0A: append(0x6E)
            case 0x0D: append(0x72)
            case 0x09: append(0x74)
            default:
                append(0x75)
                append(0x30)
                append(0x30)
                append(hexDigit(byte >> 4))
                append(hexDigit(byte & 0x0F))
            }
            index += 1
            chunkStart = index
        }
        append(UnsafeRawBufferPointer(rebasing: bytes[chunkStart..<count]))
        append(0x22)
    }

    /// Whether any byte of `word` is below 0x20, `"` or `\` (SWAR: a byte test per lane).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteZero = (quote &- ones) & ~quote & highs
        let backslashZero = (backslash &- ones) & ~backslash & highs
        return (below | quoteZero | backslashZero) != 0
    }

    @inline(__always)
    private func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }

    /// Appends an integer's decimal digits.
    @usableFromInline
    mutating func appendInteger(_ value: Int) {
        if value >= 0 && value < 10 {
            append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                position -= 1
                buffer[position] = 0x2D
            }
            append(UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Appends a finite double as JavaScript prints it (integral values without a fraction).
    @usableFromInline
    mutating func appendNumber(_ value: Double) {
        if value.rounded(.towardZero) == value && abs(value) < 9_007_199_254_740_992 {
            appendInteger(Int(value))
            return
        }
        // Few decimals (prices, ratings): the shortest digits are those of value × 10^k for
        // the smallest k that gives an integer, as long as the magnitude keeps them unique.
        if abs(value) < 1e9 {
            var scale = 10.0
            for digits in 1...4 {
                let scaled = (value * scale).rounded()
                if scaled / scale == value {
                    appendDecimal(Int(scaled), fractionDigits: digits)
                    return
                }
                scale *= 10
            }
        }
        // Swift's shortest round-trip digits match JavaScript's whenever Swift writes them in
        // plain notation; exponent notation differs, so those go through the full formatter.
        var text = value.description
        if text.utf8.contains(0x65) { text = formatECMAScriptNumber(value) }
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `scaled / 10^fractionDigits` in plain decimal notation without trailing zeros
    /// beyond the first fraction digit (the caller picked the smallest `fractionDigits`).
    private mutating func appendDecimal(_ scaled: Int, fractionDigits: Int) {
        var magnitude = scaled.magnitude
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            var written = 0
            repeat {
                position -= 1
                buffer[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
                written += 1
                if written == fractionDigits {
                    position -= 1
                    buffer[position] = 0x2E
                }
            } while magnitude > 0 || written <= fractionDigits
            if scaled < 0 {
                position -= 1
                buffer[position] = 0x2D
            }
            append(UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Appends a JSON value (as `JSON.stringify` writes it).
    mutating func append(json: JSONValue) {
        var bytes: [UInt8] = []
        json.write(to: &bytes)
        append(bytes)
    }
}

/// The allocation behind a ``ByteBuffer``: the capacity and the bytes in one heap object
/// (one allocation per buffer, not two).
private final class ByteStorage: ManagedBuffer<Int, UInt8> {
    static func make(capacity: Int) -> ByteStorage {
        unsafeDowncast(ByteStorage.create(minimumCapacity: capacity) { _ in capacity }, to: ByteStorage.self)
    }

    /// The first byte; stable for the object's lifetime (tail-allocated storage never moves).
    var base: UnsafeMutablePointer<UInt8> {
        withUnsafeMutablePointerToElements { $0 }
    }

    var byteCapacity: Int { header }
}
