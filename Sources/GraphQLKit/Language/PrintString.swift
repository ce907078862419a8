/// Prints a value as a quoted GraphQL string exactly as graphql-js's `printString` does:
/// `"` and `\` escaped, C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F) as
/// escape sequences, everything else verbatim.
///
/// ```swift
/// printString("say \"hi\"\n")   // "\"say \\\"hi\\\"\\n\""
/// ```
public func printString(_ value: String) -> String {
    var output: [UInt8] = []
    writeQuotedString(value) { output.append(contentsOf: $0) }
    return String(decoding: output, as: UTF8.self)
}

private let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

/// Streams a quoted string through `emit` in chunks (no per-character allocation).
func writeQuotedString(_ value: String, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    var value = value
    value.withUTF8 { bytes in
        var escape: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x5C, 0x75, 0x30, 0x30, 0, 0)
        func emitByte(_ byte: UInt8) { withUnsafeBytes(of: byte) { emit($0.bindMemory(to: UInt8.self)) } }
        func emitEscape(_ code: UInt8) {
            switch code {
            case 0x08: emitTwo(0x62)
            case 0x09: emitTwo(0x74)
            case 0x0A: emitTwo(0x6E)
            case 0x0C: emitTwo(0x66)
            case 0x0D: emitTwo(0x72)
            case 0x22: emitTwo(0x22)
            case 0x5C: emitTwo(0x5C)
            default:
                escape.4 = hexDigits[Int(code >> 4)]
                escape.5 = hexDigits[Int(code & 0x0F)]
                withUnsafeBytes(of: escape) { emit($0.bindMemory(to: UInt8.self)) }
            }
        }
        func emitTwo(_ letter: UInt8) {
            withUnsafeBytes(of: (UInt8(0x5C), letter)) { emit($0.bindMemory(to: UInt8.self)) }
        }
        emitByte(0x22)
        var chunkStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                emit(UnsafeBufferPointer(rebasing: bytes[chunkStart..<index]))
                emitEscape(byte)
                index += 1
                chunkStart = index
            } else if byte == 0xC2 && index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F {
                emit(UnsafeBufferPointer(rebasing: bytes[chunkStart..<index]))
                emitEscape(bytes[index + 1])
                index += 2
                chunkStart = index
            } else {
                index += 1
            }
        }
        emit(UnsafeBufferPointer(rebasing: bytes[chunkStart..<count]))
        emitByte(0x22)
    }
}
