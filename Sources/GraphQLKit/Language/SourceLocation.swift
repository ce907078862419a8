/// A 1-based line and column in a ``Source``, as graphql-js reports them: lines end at `\n`,
/// `\r\n` or `\r`, and the column counts UTF-16 code units (so `é` is one column and `😀` two).
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in UTF-16 code units.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

extension Source {
    /// The line and column of a byte offset into ``utf8``, counted as graphql-js counts them.
    ///
    /// ```swift
    /// Source(body: "{\n  é x }").location(ofByteOffset: 7)   // line 2, column 5
    /// ```
    public func location(ofByteOffset offset: Int) -> SourceLocation {
        withUTF8 { bytes in Self.location(ofByteOffset: offset, in: bytes) }
    }

    private static func location(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        var index = 0
        // A line terminator counts once it starts before the position (graphql-js's rule, which
        // places a position between `\r` and `\n` at column 0 of the next line).
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                index += 1
                lineStart = index
            } else if byte == 0x0D {
                index += (index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                line += 1
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart > end {
            // Only possible between the `\r` and `\n` of a `\r\n` pair.
            return SourceLocation(line: line, column: end + 1 - lineStart)
        }
        return SourceLocation(line: line, column: 1 + utf16Length(bytes[lineStart..<end]))
    }

    /// The number of UTF-16 code units the given UTF-8 (or WTF-8) bytes decode to, decided by
    /// lead bytes: four-byte sequences are two units, every other sequence one.
    static func utf16Length(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        for byte in bytes {
            if byte < 0x80 || byte >= 0xC0 {
                count += byte >= 0xF0 ? 2 : 1
            }
        }
        return count
    }
}
