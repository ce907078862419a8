/// The kinds of lexical token, with the descriptions graphql-js uses in error messages.
public enum TokenKind: UInt8, Sendable, Hashable {
    case startOfFile, endOfFile
    case bang, dollar, amp, parenL, parenR, spread, colon, equals, at, bracketL, bracketR, braceL, pipe, braceR
    case name, int, float, string, blockString, comment

    /// The text graphql-js prints for the kind in "Expected …, found …" messages.
    public var description: String {
        switch self {
        case .startOfFile: return "<SOF>"
        case .endOfFile: return "<EOF>"
        case .bang: return "\"!\""
        case .dollar: return "\"$\""
        case .amp: return "\"&\""
        case .parenL: return "\"(\""
        case .parenR: return "\")\""
        case .spread: return "\"...\""
        case .colon: return "\":\""
        case .equals: return "\"=\""
        case .at: return "\"@\""
        case .bracketL: return "\"[\""
        case .bracketR: return "\"]\""
        case .braceL: return "\"{\""
        case .pipe: return "\"|\""
        case .braceR: return "\"}\""
        case .name: return "Name"
        case .int: return "Int"
        case .float: return "Float"
        case .string: return "String"
        case .blockString: return "BlockString"
        case .comment: return "Comment"
        }
    }
}

/// One lexical token: its kind and byte range; string tokens also carry their decoded value
/// (escapes resolved, block strings dedented).
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// Byte offset of the first byte of the token.
    public var start: Int
    /// Byte offset just past the token.
    public var end: Int
    /// The decoded value of a `string` or `blockString` token; nil for every other kind.
    public var stringValue: String?

    public init(kind: TokenKind, start: Int, end: Int, stringValue: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.stringValue = stringValue
    }
}

/// The lexer's token: kind and byte range only, so copying it costs nothing. The decoded value
/// of a string token is in ``Lexer/stringValue`` right after the lexer returns it.
struct RawToken {
    var kind: TokenKind
    var start: Int
    var end: Int
}
