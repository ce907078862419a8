extension GraphQLError: CustomStringConvertible {
    /// The message followed by each location drawn in its source, as graphql-js's
    /// `GraphQLError.toString()` (`printError`) prints it:
    ///
    /// ```text
    /// Syntax Error: Expected Name, found <EOF>.
    ///
    /// GraphQL request:1:4
    /// 1 | { a
    ///   |    ^
    /// ```
    public var description: String {
        var output = message
        if let source, let nodeLocations {
            for location in nodeLocations {
                output += "\n\n" + printSourceLocation(source, source.location(of: location))
            }
        } else if let source, let locations {
            for location in locations {
                output += "\n\n" + printSourceLocation(source, location)
            }
        }
        return output
    }
}

/// Draws `location` in `source`: the name, line and column, then the line before, the line
/// itself with a caret under the column, and the line after (long lines are cut into 80-unit
/// pieces), exactly as graphql-js's `printSourceLocation`.
public func printSourceLocation(_ source: Source, _ location: SourceLocation) -> String {
    let firstLineColumnOffset = source.locationOffset.column - 1
    let body = Array(repeating: UInt16(0x20), count: max(0, firstLineColumnOffset)) + Array(source.body.utf16)
    let lineIndex = location.line - 1
    let lineOffset = source.locationOffset.line - 1
    let lineNumber = location.line + lineOffset
    let columnOffset = location.line == 1 ? firstLineColumnOffset : 0
    let columnNumber = location.column + columnOffset
    let header = "\(source.name):\(lineNumber):\(columnNumber)\n"

    // Split at \r\n, \n or \r.
    var lines: [ArraySlice<UInt16>] = []
    var lineStart = 0
    var index = 0
    while index < body.count {
        let unit = body[index]
        if unit == 0x0A || unit == 0x0D {
            lines.append(body[lineStart..<index])
            index += (unit == 0x0D && index + 1 < body.count && body[index + 1] == 0x0A) ? 2 : 1
            lineStart = index
        } else {
            index += 1
        }
    }
    lines.append(body[lineStart..<body.count])
    func line(_ at: Int) -> String? {
        lines.indices.contains(at) ? String(decoding: lines[at], as: UTF16.self) : nil
    }
    func caret(_ column: Int) -> String {
        String(repeating: " ", count: max(0, column - 1)) + "^"
    }
    guard lines.indices.contains(lineIndex) else { return header }
    let locationLine = lines[lineIndex]
    if locationLine.count > 120 {
        let subLineIndex = columnNumber / 80
        let subLineColumn = columnNumber % 80
        var subLines: [String] = []
        var start = locationLine.startIndex
        while start < locationLine.endIndex {
            let end = min(start + 80, locationLine.endIndex)
            subLines.append(String(decoding: locationLine[start..<end], as: UTF16.self))
            start = end
        }
        var rows: [(String, String?)] = [("\(lineNumber) |", subLines.first)]
        if subLineIndex >= 1 {
            for subLine in subLines.dropFirst().prefix(subLineIndex) { rows.append(("|", subLine)) }
        }
        rows.append(("|", caret(subLineColumn)))
        rows.append(("|", subLines.indices.contains(subLineIndex + 1) ? subLines[subLineIndex + 1] : nil))
        return header + printPrefixedLines(rows)
    }
    return header + printPrefixedLines([
        ("\(lineNumber - 1) |", line(lineIndex - 1)),
        ("\(lineNumber) |", line(lineIndex)),
        ("|", caret(columnNumber)),
        ("\(lineNumber + 1) |", line(lineIndex + 1)),
    ])
}

private func printPrefixedLines(_ rows: [(prefix: String, line: String?)]) -> String {
    let existing = rows.filter { $0.line != nil }
    let width = existing.map(\.prefix.count).max() ?? 0
    return existing.map { row in
        let padded = String(repeating: " ", count: width - row.prefix.count) + row.prefix
        let line = row.line ?? ""
        return padded + (line.isEmpty ? "" : " " + line)
    }.joined(separator: "\n")
}
