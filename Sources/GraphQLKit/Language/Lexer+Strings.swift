extension Lexer {
    /// Skips, eight bytes at a time, bytes that need no attention inside strings and block
    /// strings: stops at `"`, `\`, a line terminator or a non-ASCII byte (or near the end).
    @inline(__always)
    func skipPlainStringBytes(from start: Int) -> Int {
        var position = start
        guard let base = bytes.baseAddress else { return position }
        let count = bytes.count
        @inline(__always) func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let spread = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
            return (spread &- 0x0101_0101_0101_0101) & ~spread & 0x8080_8080_8080_8080
        }
        while position + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let stops = matches(word, 0x22) | matches(word, 0x5C) | matches(word, 0x0A) | matches(word, 0x0D)
                | (word & 0x8080_8080_8080_8080)
            if stops != 0 { return position + stops.trailingZeroBitCount >> 3 }
            position += 8
        }
        return position
    }

    /// A quoted string: escapes resolved (`\n`, `\u00E9`, `\u{1F600}`, surrogate pairs), line
    /// terminators and invalid characters rejected as graphql-js rejects them.
    mutating func readString(from start: Int) throws(SyntaxFailure) -> RawToken {
        let count = bytes.count
        var position = start + 1
        var chunkStart = position
        var hasEscapes = false
        while position < count {
            position = skipPlainStringBytes(from: position)
            if position >= count { break }
            let code = bytes[position]
            if code == 0x22 {
                let value: String
                if hasEscapes {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
                    value = String(decoding: scratch, as: UTF8.self)
                } else {
                    value = String(decoding: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]), as: UTF8.self)
                }
                stringValue = value
                return RawToken(kind: .string, start: start, end: position + 1)
            }
            if code == 0x5C {
                if !hasEscapes {
                    hasEscapes = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
                let size: Int
                if byte(at: position + 1) == 0x75 {
                    size = byte(at: position + 2) == 0x7B
                        ? try readVariableWidthUnicodeEscape(at: position)
                        : try readFixedWidthUnicodeEscape(at: position)
                } else {
                    size = try readEscapedCharacter(at: position)
                }
                position += size
                chunkStart = position
                continue
            }
            if code == 0x0A || code == 0x0D { break }
            if code < 0x80 {
                position += 1
            } else if let length = DecodedCharacter.sourceCharacterLength(bytes, at: position) {
                position += length
            } else {
                throw SyntaxFailure(position: position, description: "Invalid character within String: \(describeCharacter(at: position)).")
            }
        }
        throw SyntaxFailure(position: position, description: "Unterminated string.")
    }

    /// `\u{…}`: one to eight hex digits naming a Unicode scalar value. Returns the escape's size.
    private mutating func readVariableWidthUnicodeEscape(at position: Int) throws(SyntaxFailure) -> Int {
        var point: Int32 = 0
        var size = 3
        // Same bounds and arithmetic as graphql-js (32-bit, at most 12 characters: \u{00000000}).
        while size < 12 {
            let code = byte(at: position + size)
            size += 1
            if code == 0x7D {
                if size < 5 || !Self.isScalarValue(point) { break }
                appendScalar(UInt32(point))
                return size
            }
            point = (point &<< 4) | CharacterClass.hexValue(code)
            if point < 0 { break }
        }
        throw SyntaxFailure(position: position, description: "Invalid Unicode escape sequence: \"\(textOfUTF16Units(from: position, count: size))\".")
    }

    /// `\uXXXX`, or a `\uD83D\uDE00` surrogate pair. Returns the escape's size.
    private mutating func readFixedWidthUnicodeEscape(at position: Int) throws(SyntaxFailure) -> Int {
        let code = read16BitHex(at: position + 2)
        if Self.isScalarValue(code) {
            appendScalar(UInt32(code))
            return 6
        }
        if code >= 0xD800 && code <= 0xDBFF && byte(at: position + 6) == 0x5C && byte(at: position + 7) == 0x75 {
            let trailing = read16BitHex(at: position + 8)
            if trailing >= 0xDC00 && trailing <= 0xDFFF {
                appendScalar(0x10000 + ((UInt32(code) - 0xD800) << 10) + (UInt32(trailing) - 0xDC00))
                return 12
            }
        }
        throw SyntaxFailure(position: position, description: "Invalid Unicode escape sequence: \"\(textOfUTF16Units(from: position, count: 6))\".")
    }

    private mutating func readEscapedCharacter(at position: Int) throws(SyntaxFailure) -> Int {
        let replacement: UInt8
        switch byte(at: position + 1) {
        case 0x22: replacement = 0x22
        case 0x5C: replacement = 0x5C
        case 0x2F: replacement = 0x2F
        case 0x62: replacement = 0x08
        case 0x66: replacement = 0x0C
        case 0x6E: replacement = 0x0A
        case 0x72: replacement = 0x0D
        case 0x74: replacement = 0x09
        default:
            throw SyntaxFailure(position: position, description: "Invalid character escape sequence: \"\(textOfUTF16Units(from: position, count: 2))\".")
        }
        scratch.append(replacement)
        return 2
    }

    /// Four hex digits as a 16-bit value, or a negative number if any is not a hex digit.
    private func read16BitHex(at position: Int) -> Int32 {
        (CharacterClass.hexValue(byte(at: position)) &<< 12)
            | (CharacterClass.hexValue(byte(at: position + 1)) &<< 8)
            | (CharacterClass.hexValue(byte(at: position + 2)) &<< 4)
            | CharacterClass.hexValue(byte(at: position + 3))
    }

    private static func isScalarValue(_ point: Int32) -> Bool {
        (point >= 0 && point <= 0xD7FF) || (point >= 0xE000 && point <= 0x10FFFF)
    }

    private mutating func appendScalar(_ value: UInt32) {
        switch value {
        case ..<0x80:
            scratch.append(UInt8(value))
        case ..<0x800:
            scratch.append(0xC0 | UInt8(value >> 6))
            scratch.append(0x80 | UInt8(value & 0x3F))
        case ..<0x10000:
            scratch.append(0xE0 | UInt8(value >> 12))
            scratch.append(0x80 | UInt8((value >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(value >> 18))
            scratch.append(0x80 | UInt8((value >> 12) & 0x3F))
            scratch.append(0x80 | UInt8((value >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        }
    }

    /// A `"""` block string: `\"""` unescaped, lines split at any line terminator, then the
    /// specification's BlockStringValue dedent (common indentation removed from all lines but the
    /// first, leading and trailing blank lines dropped), joined with `\n`.
    ///
    /// Lines are found in the source bytes; only a block string with `\"""` escapes is copied
    /// and rewritten before the dedent.
    mutating func readBlockString(from start: Int) throws(SyntaxFailure) -> RawToken {
        let count = bytes.count
        var position = start + 3
        var lineStart = position
        var hasEscapes = false
        lineCount = 0
        while position < count {
            position = skipPlainStringBytes(from: position)
            if position >= count { break }
            let code = bytes[position]
            if code == 0x22 && byte(at: position + 1) == 0x22 && byte(at: position + 2) == 0x22 {
                appendLine(lineStart..<position)
                stringValue = blockStringValue(hasEscapes: hasEscapes)
                return RawToken(kind: .blockString, start: start, end: position + 3)
            }
            if code == 0x5C && byte(at: position + 1) == 0x22 && byte(at: position + 2) == 0x22 && byte(at: position + 3) == 0x22 {
                hasEscapes = true
                position += 4
                continue
            }
            if code == 0x0A || code == 0x0D {
                appendLine(lineStart..<position)
                position += (code == 0x0D && byte(at: position + 1) == 0x0A) ? 2 : 1
                lineStart = position
                continue
            }
            if code < 0x80 {
                position += 1
            } else if let length = DecodedCharacter.sourceCharacterLength(bytes, at: position) {
                position += length
            } else {
                throw SyntaxFailure(position: position, description: "Invalid character within String: \(describeCharacter(at: position)).")
            }
        }
        throw SyntaxFailure(position: position, description: "Unterminated string.")
    }

    /// Records a raw line of the block string being read.
    @inline(__always)
    private mutating func appendLine(_ line: Range<Int>) {
        if lineCount < lineRanges.count {
            lineRanges[lineCount] = line
        } else {
            lineRanges.append(line)
        }
        lineCount += 1
    }

    /// The dedented value of the block string whose raw lines are the first ``lineCount`` of ``lineRanges``.
    private mutating func blockStringValue(hasEscapes: Bool) -> String {
        guard hasEscapes else {
            let count = lineCount
            return lineRanges.withUnsafeBufferPointer { BlockString.dedent(lines: UnsafeBufferPointer(rebasing: $0[..<count]), in: bytes) }
        }
        // Rare: rewrite each `\"""` as `"""` in a copy, then dedent the copy.
        scratch.removeAll(keepingCapacity: true)
        var rewritten: [Range<Int>] = []
        rewritten.reserveCapacity(lineCount)
        for line in lineRanges[..<lineCount] {
            let lineStart = scratch.count
            var index = line.lowerBound
            while index < line.upperBound {
                if bytes[index] == 0x5C && index + 3 < line.upperBound && byte(at: index + 1) == 0x22
                    && byte(at: index + 2) == 0x22 && byte(at: index + 3) == 0x22 {
                    index += 1
                    continue
                }
                scratch.append(bytes[index])
                index += 1
            }
            rewritten.append(lineStart..<scratch.count)
        }
        return scratch.withUnsafeBufferPointer { text in rewritten.withUnsafeBufferPointer { BlockString.dedent(lines: $0, in: text) } }
    }
}
