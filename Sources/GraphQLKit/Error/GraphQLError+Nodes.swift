extension GraphQLError {
    /// An error about AST nodes like ``init(message:nodes:path:extensions:)``, but computing
    /// every location in one pass over the source: an error about thousands of nodes (a long
    /// input-object cycle, a field merged many times) costs one scan, not one per node.
    static func about(_ message: String, nodes: [Location?], source: Source?, path: [PathComponent]? = nil) -> GraphQLError {
        let located = nodes.compactMap { $0 }
        guard let source, located.count > 1 else {
            return GraphQLError(message: message, nodes: nodes, source: source, path: path)
        }
        var error = GraphQLError(message: message, path: path)
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
        withUTF8 { bytes in locations(ofByteOffsets: offsets, in: bytes) }
    }

    private func locations(ofByteOffsets offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [SourceLocation] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var results = [SourceLocation](repeating: SourceLocation(line: 1, column: 1), count: offsets.count)
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

extension GraphQLError {
    /// An error about nodes that may come from different documents (a schema built from one
    /// SDL document and extended with another): each node with its own source. Nodes without
    /// a location or source are skipped.
    static func about(_ message: String, sourcedNodes: [(Location?, Source?)]) -> GraphQLError {
        let located = sourcedNodes.compactMap { node, source in node.flatMap { location in source.map { (location, $0) } } }
        guard let first = located.first else { return GraphQLError(message: message) }
        if located.allSatisfy({ $0.1 === first.1 }) {
            return about(message, nodes: located.map(\.0), source: first.1)
        }
        var error = GraphQLError(message: message)
        error.locations = located.map { $0.1.location(ofByteOffset: $0.0.start) }
        error.source = first.1
        error.positions = located.map(\.0.start)
        return error
    }
}
