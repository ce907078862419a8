/// A GraphQL document's text, the name it is reported under, and where it starts in its file.
///
/// The text is kept as UTF-8 bytes: the lexer reads bytes, and every position in the AST
/// (``Location/start``, ``Location/end``) is a byte offset into ``utf8``. Error locations
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
    /// The document text as UTF-8 bytes. Created from a `String` it is always valid UTF-8;
    /// created with ``init(utf8:name:locationOffset:)`` it may hold anything, and the lexer
    /// reports invalid sequences as syntax errors.
    public let utf8: [UInt8]
    /// The name shown in error messages, `"GraphQL request"` by default (as graphql-js).
    public let name: String
    /// Where the text starts in its file (1-based line and column); only used when printing errors.
    public let locationOffset: SourceLocation

    /// Creates a source from text.
    public init(body: String, name: String = "GraphQL request", locationOffset: SourceLocation = SourceLocation(line: 1, column: 1)) {
        self.utf8 = Array(body.utf8)
        self.name = name
        self.locationOffset = locationOffset
    }

    /// Creates a source from raw bytes, which need not be valid UTF-8 (hostile input is reported
    /// as syntax errors). Surrogate code points encoded as three bytes (WTF-8) are accepted as
    /// the lone surrogates a JavaScript string can hold, so the lexer reports them as graphql-js does.
    public init(utf8: some Sequence<UInt8>, name: String = "GraphQL request", locationOffset: SourceLocation = SourceLocation(line: 1, column: 1)) {
        self.utf8 = Array(utf8)
        self.name = name
        self.locationOffset = locationOffset
    }

    /// The document text; invalid UTF-8 is shown as U+FFFD.
    public var body: String { String(decoding: utf8, as: UTF8.self) }
}

extension Source: Equatable, Hashable {
    public static func == (lhs: Source, rhs: Source) -> Bool {
        lhs === rhs || (lhs.name == rhs.name && lhs.locationOffset == rhs.locationOffset && lhs.utf8 == rhs.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(utf8.count)
    }
}
