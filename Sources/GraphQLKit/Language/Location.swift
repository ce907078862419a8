/// Where an AST node came from: the byte range `start..<end` in the ``Source`` of its
/// ``Document`` (``Document/source``).
///
/// A location holds only the two offsets, no reference to the source: a reference in every
/// node would cost an atomic reference-count update per node created and freed, a large share
/// of parse time. graphql-js keeps UTF-16 offsets; GraphQLKit keeps UTF-8 byte offsets (what the
/// byte lexer sees) and converts to graphql-js's line and column only when reporting
/// (``Source/location(ofByteOffset:)``).
public struct Location: Sendable, Hashable {
    /// The byte offset of the node's first token.
    public var start: Int
    /// The byte offset just past the node's last token.
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

extension Source {
    /// Line and column of a node's start, as graphql-js reports them.
    public func location(of location: Location) -> SourceLocation {
        self.location(ofByteOffset: location.start)
    }
}
