extension GraphQLError {
    /// An error about AST nodes like ``init(message:nodes:path:extensions:)``, but computing
    /// every location in one pass over the source: an error about thousands of nodes (a long
    /// input-object cycle, a field merged many times) costs one scan, not one per node.
    static func about(_ message: String, nodes: [Location?], path: [PathComponent]? = nil) -> GraphQLError {
        let located = nodes.compactMap { $0 }
        guard located.count > 1, located.allSatisfy({ $0.source === located[0].source }) else {
            return GraphQLError(message: message, nodes: nodes, path: path)
        }
        var error = GraphQLError(message: message, path: path)
        let source = located[0].source
        error.nodeLocations = located
        error.source = source
        error.positions = located.map(\.start)
        error.locations = source.locations(ofByteOffsets: located.map(\.start))
        return error
    }
}

extension Source {
    /// ``location(ofByteOffset:)`` for many offsets, in one pass (results in the given order).
    func locations(ofByteOffsets offsets: [Int]) -> [SourceLocation] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var results = [SourceLocation](repeating: SourceLocation(line: 1, column: 1), count: offsets.count)
        let bytes = utf8
        var line = 1
        var lineStart = 0
        var index = 0
        for position in order {
            let end = min(max(offsets[position], 0), bytes.count)
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
            if lineStart > end || index > end {
                // Between the \r and \n of a pair, or an offset already passed: the single-offset path is exact.
                results[position] = location(ofByteOffset: end)
            } else {
                results[position] = SourceLocation(line: line, column: 1 + Source.utf16Length(bytes[lineStart..<end]))
            }
        }
        return results
    }
}
