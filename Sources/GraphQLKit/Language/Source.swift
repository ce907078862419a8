/// A GraphQL document's text, the name it is reported under, and where it starts in its file.
///
/// The lexer reads the text's UTF-8 bytes, and every position in the AST (``Location/start``,
/// ``Location/end``) is a byte offset into them (``utf8``). Error locations
/// (``SourceLocation``) are computed the way graphql-js reports them: 1-based lines, and columns
/// counted in UTF-16 code units.
///
/// ```swift
/// let source = Source(body: "{ hero { name } }", name: "HeroQuery.graphql")
/// let document = try Parser.parse(source)
/// ```
///
/// `Source` is an immutable class so every AST node can refer to it with one pointer.
public final class Source: Sendable {
    /// The text as it was given: a `String` is kept as it is (no copy per parse), bytes as bytes.
    private enum Text: Sendable {
        case string(String)
        case bytes([UInt8])
    }

    private let text: Text
    /// The name shown in error messages, `"GraphQL request"` by default (as graphql-js).
    public let name: String
    /// Where the text starts in its file (1-based line and column); only used when printing errors.
    public let locationOffset: SourceLocation

    /// Creates a source from text.
    public init(body: String, name: String = "GraphQL request", locationOffset: SourceLocation = SourceLocation(line: 1, column: 1)) {
        self.text = .string(body)
        self.name = name
        self.locationOffset = locationOffset
    }

    /// Creates a source from raw bytes, which need not be valid UTF-8 (graphql-js sources can
    /// hold lone surrogates; their WTF-8 form lexes the same way).
    public init(utf8: some Sequence<UInt8>, name: String = "GraphQL request", locationOffset: SourceLocation = SourceLocation(line: 1, column: 1)) {
        self.text = .bytes(Array(utf8))
        self.name = name
        self.locationOffset = locationOffset
    }

    /// The document text as UTF-8 bytes (a new array; ``withUTF8(_:)`` reads them without a copy).
    /// Created from a `String` it is always valid UTF-8; created with
    /// ``init(utf8:name:locationOffset:)`` it may hold anything, and the lexer reports invalid
    /// sequences as syntax errors.
    public var utf8: [UInt8] {
        switch text {
        case .string(let string): return Array(string.utf8)
        case .bytes(let bytes): return bytes
        }
    }

    /// The document text (invalid UTF-8 from ``init(utf8:name:locationOffset:)`` is repaired).
    public var body: String {
        switch text {
        case .string(let string): return string
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, without copying them when the text is stored
    /// contiguously (always, for a native `String` or bytes).
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch text {
        case .string(let string):
            if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
            var contiguous = string
            return contiguous.withUTF8(body)
        case .bytes(let bytes):
            return bytes.withUnsafeBufferPointer(body)
        }
    }
}

extension Source: Equatable, Hashable {
    public static func == (lhs: Source, rhs: Source) -> Bool {
        lhs === rhs
            || (lhs.name == rhs.name && lhs.locationOffset == rhs.locationOffset
                && lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(withUTF8 { $0.count })
    }
}
