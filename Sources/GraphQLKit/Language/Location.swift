/// Where an AST node came from: the byte range `start..<end` in its ``Source``.
///
/// graphql-js keeps UTF-16 offsets; GraphQLKit keeps UTF-8 byte offsets (cheaper for a byte
/// lexer) and converts to graphql-js's line and column only when reporting
/// (``Source/location(ofByteOffset:)``).
public struct Location: Sendable, Hashable {
    /// The byte offset of the node's first token.
    public var start: Int
    /// The byte offset just past the node's last token.
    public var end: Int
    /// The document the offsets refer to.
    public var source: Source

    public init(start: Int, end: Int, source: Source) {
        self.start = start
        self.end = end
        self.source = source
    }

    /// Line and column of ``start``, as graphql-js reports them.
    public var startLocation: SourceLocation { source.location(ofByteOffset: start) }
}
