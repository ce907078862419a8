/// Block string helpers: the specification's BlockStringValue dedent, and printing a value back
/// as a `"""` block string exactly as graphql-js's `printBlockString` does.
public enum BlockString {
    /// Dedents the raw lines of a block string (`lines` index into `bytes`, which hold valid
    /// UTF-8) and returns the value, written straight into the new string. Common indentation
    /// (spaces and tabs, ignoring the first line and blank lines) is removed, then leading and
    /// trailing blank lines are dropped.
    static func dedent(lines: UnsafeBufferPointer<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var commonIndent = Int.max
        var firstNonEmpty = -1
        var lastNonEmpty = -1
        for index in lines.indices {
            let line = lines[index]
            var indent = 0
            while indent < line.count && CharacterClass.isWhiteSpace(bytes[line.lowerBound + indent]) { indent += 1 }
            if indent == line.count { continue }
            if firstNonEmpty < 0 { firstNonEmpty = index }
            lastNonEmpty = index
            if index != 0 && indent < commonIndent { commonIndent = indent }
        }
        guard firstNonEmpty >= 0 else { return "" }
        var length = lastNonEmpty - firstNonEmpty  // the joining line breaks
        for index in firstNonEmpty...lastNonEmpty {
            let line = lines[index]
            length += line.count - (index == 0 ? 0 : min(commonIndent, line.count))
        }
        guard let base = bytes.baseAddress else { return "" }
        return String(unsafeUninitializedCapacity: length) { output in
            var written = 0
            for index in firstNonEmpty...lastNonEmpty {
                if index != firstNonEmpty {
                    output[written] = 0x0A
                    written += 1
                }
                let line = lines[index]
                let from = line.lowerBound + (index == 0 ? 0 : min(commonIndent, line.count))
                let size = line.upperBound - from
                (output.baseAddress! + written).initialize(from: base + from, count: size)
                written += size
            }
            return written
        }
    }

    /// The specification's BlockStringValue applied to raw block string text (what lies between
    /// the quotes, with `\"""` already unescaped).
    ///
    /// ```swift
    /// BlockString.dedent("\n    Hello,\n      World!\n")   // "Hello,\n  World!"
    /// ```
    public static func dedent(_ raw: String) -> String {
        let bytes = Array(raw.utf8)
        var lines: [Range<Int>] = []
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(lineStart..<index)
                index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(lineStart..<bytes.count)
        return bytes.withUnsafeBufferPointer { text in lines.withUnsafeBufferPointer { dedent(lines: $0, in: text) } }
    }

    /// Prints `value` as a block string the way graphql-js does: `"""` escaped, and a leading and
    /// trailing line break added when that keeps the value intact and reads better.
    ///
    /// ```swift
    /// BlockString.print("Hello\nWorld")   // "\"\"\"\nHello\nWorld\n\"\"\""
    /// ```
    public static func print(_ value: String, minimize: Bool = false) -> String {
        var output: [UInt8] = []
        write(value, minimize: minimize) { output.append(contentsOf: $0) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Streams the printed block string through `emit` (used by the printer, which indents
    /// every line break it receives).
    static func write(_ value: String, minimize: Bool = false, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var value = value
        value.withUTF8 { raw in
            let count = raw.count
            // Escape every `"""` as `\"""`.
            var escaped: [UInt8] = []
            escaped.reserveCapacity(count + 8)
            var index = 0
            while index < count {
                if raw[index] == 0x22 && index + 2 < count && raw[index + 1] == 0x22 && raw[index + 2] == 0x22 {
                    escaped.append(contentsOf: [0x5C, 0x22, 0x22, 0x22])
                    index += 3
                } else {
                    escaped.append(raw[index])
                    index += 1
                }
            }
            // Split at \r\n, \n or \r.
            var lineStarts: [Int] = [0]
            index = 0
            while index < escaped.count {
                let byte = escaped[index]
                if byte == 0x0A || byte == 0x0D {
                    index += (byte == 0x0D && index + 1 < escaped.count && escaped[index + 1] == 0x0A) ? 2 : 1
                    lineStarts.append(index)
                } else {
                    index += 1
                }
            }
            let isSingleLine = lineStarts.count == 1
            var forceLeadingNewLine = lineStarts.count > 1
            if forceLeadingNewLine {
                for start in lineStarts.dropFirst() {
                    // Every later line is empty or starts with white space.
                    let first: UInt8 = start < escaped.count ? escaped[start] : 0x0A
                    if !(first == 0x0A || first == 0x0D || CharacterClass.isWhiteSpace(first)) {
                        forceLeadingNewLine = false
                        break
                    }
                }
            }
            let hasTrailingTripleQuotes = escaped.count >= 4 && escaped[(escaped.count - 4)...].elementsEqual([0x5C, 0x22, 0x22, 0x22])
            let hasTrailingQuote = count > 0 && raw[count - 1] == 0x22 && !hasTrailingTripleQuotes
            let hasTrailingSlash = count > 0 && raw[count - 1] == 0x5C
            let forceTrailingNewline = hasTrailingQuote || hasTrailingSlash
            let printAsMultipleLines = !minimize
                && (!isSingleLine || Source.utf16Length(ArraySlice(raw)) > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes)
            let skipLeadingNewLine = isSingleLine && count > 0 && CharacterClass.isWhiteSpace(raw[0])
            let quotes: [UInt8] = [0x22, 0x22, 0x22]
            let newline: [UInt8] = [0x0A]
            quotes.withUnsafeBufferPointer(emit)
            if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine {
                newline.withUnsafeBufferPointer(emit)
            }
            escaped.withUnsafeBufferPointer(emit)
            if printAsMultipleLines || forceTrailingNewline {
                newline.withUnsafeBufferPointer(emit)
            }
            quotes.withUnsafeBufferPointer(emit)
        }
    }

    /// Whether `value` survives a round trip through ``print(_:minimize:)`` and the lexer
    /// unchanged (graphql-js's `isPrintableAsBlockString`).
    public static func isPrintable(_ value: String) -> Bool {
        if value.isEmpty { return true }
        var isEmptyLine = true
        var hasIndent = false
        var hasCommonIndent = true
        var seenNonEmptyLine = false
        for unit in value.utf16 {
            switch unit {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E, 0x0F, 0x0D:
                return false
            case 0x0A:
                if isEmptyLine && !seenNonEmptyLine { return false }
                seenNonEmptyLine = true
                isEmptyLine = true
                hasIndent = false
            case 0x09, 0x20:
                hasIndent = hasIndent || isEmptyLine
            default:
                hasCommonIndent = hasCommonIndent && hasIndent
                isEmptyLine = false
            }
        }
        if isEmptyLine { return false }
        if hasCommonIndent && seenNonEmptyLine { return false }
        return true
    }
}
