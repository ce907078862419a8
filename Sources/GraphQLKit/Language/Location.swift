/// Where an AST node came from: the byte range `start..<end` in the ``Source`` of its
/// ``Document`` (``Document/source``).
///
/// A location holds only the two offsets (32 bits each), no reference to the source: a reference in every
/// node would cost an atomic reference-count update per node created and freed, a large share
/// of parse time. graphql-js keeps UTF-16 offsets; GraphQLKit keeps UTF-8 byte offsets (what the
/// byte lexer sees) and converts to graphql-js's line and column only when reporting
/// (``Source/location(ofByteOffset:)``).
public struct Location: Sendable, Hashable {
    /// Offsets are kept in 32 bits: nodes are smaller (every node has a location), and the
    /// parser refuses documents longer than ``maximumOffset`` bytes.
    private var startOffset: UInt32
    private var endOffset: UInt32

    /// The largest offset a location can hold (4 GiB − 1).
    public static let maximumOffset = Int(UInt32.max)

    /// The byte offset of the node's first token.
    public var start: Int {
        get { Int(startOffset) }
        set { startOffset = Self.offset(newValue) }
    }

    /// The byte offset just past the node's last token.
    public var end: Int {
        get { Int(endOffset) }
        set { endOffset = Self.offset(newValue) }
    }

    /// A location from two byte offsets, each in `0...maximumOffset`.
    public init(start: Int, end: Int) {
        self.startOffset = Self.offset(start)
        self.endOffset = Self.offset(end)
    }

    /// A location from offsets the parser has already checked (``Parser`` refuses documents
    /// longer than ``maximumOffset``).
    @inline(__always)
    init(checkedStart start: Int, end: Int) {
        self.startOffset = UInt32(truncatingIfNeeded: start)
        self.endOffset = UInt32(truncatingIfNeeded: end)
    }

    @inline(__always)
    private static func offset(_ value: Int) -> UInt32 {
        precondition(value >= 0 && value <= maximumOffset, "Location offsets are in 0...\(maximumOffset)")
        return UInt32(truncatingIfNeeded: value)
    }
}

extension Source {
    /// Line and column of a node's start, as graphql-js reports them.
    public func location(of location: Location) -> SourceLocation {
        self.location(ofByteOffset: location.start)
    }
}
