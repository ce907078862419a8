/// Turns the UTF-8 bytes of a ``Source`` into tokens, one at a time, exactly as graphql-js's
/// lexer does (same tokens, same errors at the same positions), but over bytes: no per-character
/// `String` work, and a `String` is created only for string tokens.
///
/// The lexer borrows the source's bytes, so it lives only inside `withUnsafeBufferPointer`;
/// ``Lexer/tokens(of:)`` is the safe entry point for callers that want the token list.
struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Scratch space reused by string and block string tokens that need rewriting.
    /// The decoded value of the last string or block string token returned.
    var stringValue = ""
    var scratch: [UInt8] = []
    /// The raw lines of the block string being read: the first ``lineCount`` entries (the array
    /// is reused, not emptied, between block strings).
    var lineRanges: [Range<Int>] = []
    var lineCount = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The byte at `index`, or 0 past the end (0 never matches anything the lexer looks ahead for).
    @inline(__always) func byte(at index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    /// For each ASCII byte, the raw value of the single-character punctuator ``TokenKind`` it
    /// is, or 0 (`!` `$` `&` `(` `)` `:` `=` `@` `[` `]` `{` `|` `}`; `...` and strings are not single bytes).
    static let punctuatorKinds: StaticString = "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{2}\u{0}\u{0}\u{3}\u{0}\u{4}\u{0}\u{5}\u{6}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{8}\u{0}\u{0}\u{9}\u{0}\u{0}\u{A}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{B}\u{0}\u{C}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{D}\u{E}\u{F}\u{0}\u{0}"

    /// The ignored bytes below 64 as a bit set: tab, line feed, carriage return, space and comma.
    static let ignoredBytes: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x2C

    /// Reads the next token at or after `start`, skipping ignored tokens (white space, line
    /// terminators, commas, byte order marks and comments).
    ///
    /// Inlined into the parser's `advance()`: white space, names and single-character
    /// punctuators (almost every token of a document) are read here without a call; anything
    /// else goes to ``scanToken(from:)``.
    @inline(__always)
    mutating func nextToken(from start: Int) throws(SyntaxFailure) -> RawToken {
        var position = start
        while position < bytes.count {
            switch commonStep(at: &position) {
            case .token(let token): return token
            case .skipped: continue
            case .other: return try scanToken(from: position)
            }
        }
        return RawToken(kind: .endOfFile, start: bytes.count, end: bytes.count)
    }

    /// What one step of the lexer's common case found at a position.
    private enum CommonStep {
        /// A name or a single-character punctuator.
        case token(RawToken)
        /// White space, a line terminator or a comma, skipped (the position moved past it).
        case skipped
        /// Anything else: strings, numbers, `...`, comments, byte order marks, errors.
        case other
    }

    /// The common case of one lexer step at `position` (which must be in range): names, white
    /// space and single-character punctuators — almost every byte of a document — with plain
    /// comparisons and a table, because predictable branches beat a jump-table dispatch (whose
    /// indirect jump mispredicts on almost every token). Shared by the inlined fast path and by
    /// ``scanToken(from:)``.
    @inline(__always)
    private func commonStep(at position: inout Int) -> CommonStep {
        let code = bytes[position]
        if CharacterClass.isNameStart(code) {
            let start = position
            position = scanName(from: start + 1)
            return .token(RawToken(kind: .name, start: start, end: position))
        }
        if code < 64 && (Self.ignoredBytes &>> UInt64(code)) & 1 != 0 {
            // One bit test instead of a comparison per byte value (which the compiler turns
            // into a jump table whose indirect jump mispredicts); the run of spaces that
            // usually follows (indentation) is skipped eight bytes at a time.
            position = skipSpaces(from: position + 1)
            return .skipped
        }
        if code < 0x80 {
            let kind = Self.punctuatorKinds.utf8Start[Int(code)]
            if kind != 0 {
                // The table holds raw values of `TokenKind` cases, and a `UInt8` enum with
                // implicit raw values is stored as its raw value (checked by LexerTests).
                return .token(RawToken(kind: unsafeBitCast(kind, to: TokenKind.self), start: position, end: position + 1))
            }
        }
        return .other
    }

    /// ``nextToken(from:)`` for every kind of token (strings, numbers, `...`, comments, byte
    /// order marks and errors included), out of line.
    @inline(never)
    mutating func scanToken(from start: Int) throws(SyntaxFailure) -> RawToken {
        let count = bytes.count
        var position = start
        while position < count {
            switch commonStep(at: &position) {
            case .token(let token): return token
            case .skipped: continue
            case .other: break
            }
            let code = bytes[position]
            if code < 0x80 {
                if code == 0x22 {
                    if byte(at: position + 1) == 0x22 && byte(at: position + 2) == 0x22 {
                        return try readBlockString(from: position)
                    }
                    return try readString(from: position)
                }
                if code == 0x2E && byte(at: position + 1) == 0x2E && byte(at: position + 2) == 0x2E {
                    return RawToken(kind: .spread, start: position, end: position + 3)
                }
                if code == 0x23 {  // #
                    position = skipComment(from: position + 1)
                    continue
                }
            } else if code == 0xEF && byte(at: position + 1) == 0xBB && byte(at: position + 2) == 0xBF {  // U+FEFF
                position += 3
                continue
            }
            if CharacterClass.isDigit(code) || code == 0x2D {
                return try readNumber(from: position)
            }
            throw unexpectedCharacter(at: position)
        }
        return RawToken(kind: .endOfFile, start: count, end: count)
    }

    /// The end of a name whose first byte is before `start`: eight bytes at a time while eight
    /// are left (``CharacterClass/nonNameBytes(_:)``), then byte by byte.
    @inline(__always)
    private func scanName(from start: Int) -> Int {
        let count = bytes.count
        var position = start
        if let base = bytes.baseAddress {
            while position + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let stops = CharacterClass.nonNameBytes(word)
                if stops != 0 { return position + stops.trailingZeroBitCount >> 3 }
                position += 8
            }
        }
        while position < count && CharacterClass.isNameContinue(bytes[position]) { position += 1 }
        return position
    }

    /// Skips a run of spaces, eight bytes at a time (indentation is most of a pretty-printed
    /// document).
    @inline(__always)
    private func skipSpaces(from start: Int) -> Int {
        let count = bytes.count
        var position = start
        guard let base = bytes.baseAddress else { return position }
        while position + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let difference = word ^ 0x2020_2020_2020_2020
            if difference != 0 { return position + difference.trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < count && bytes[position] == 0x20 { position += 1 }
        return position
    }

    /// Skips a comment's text (after `#`) up to a line terminator or a byte that is not a source
    /// character, which the main loop then reports.
    private func skipComment(from start: Int) -> Int {
        let count = bytes.count
        var position = start
        while position < count {
            let code = bytes[position]
            if code == 0x0A || code == 0x0D { break }
            if code < 0x80 {
                position += 1
            } else if let length = DecodedCharacter.sourceCharacterLength(bytes, at: position) {
                position += length
            } else {
                break
            }
        }
        return position
    }

    private func unexpectedCharacter(at position: Int) -> SyntaxFailure {
        let code = bytes[position]
        if code == 0x27 {
            return SyntaxFailure(position: position, description: "Unexpected single quote character ('), did you mean to use a double quote (\")?")
        }
        let described = describeCharacter(at: position)
        if code < 0x80 || DecodedCharacter.sourceCharacterLength(bytes, at: position) != nil {
            return SyntaxFailure(position: position, description: "Unexpected character: \(described).")
        }
        return SyntaxFailure(position: position, description: "Invalid character: \(described).")
    }

    /// The character at `position` as graphql-js prints it in messages: printable ASCII quoted,
    /// anything else as `U+XXXX`, `<EOF>` past the end. Bytes that are not UTF-8 (impossible in
    /// a JavaScript string) are named as such.
    func describeCharacter(at position: Int) -> String {
        guard position < bytes.count else { return "<EOF>" }
        switch DecodedCharacter.decode(bytes, at: position) {
        case .scalar(let value, _):
            if value >= 0x20 && value <= 0x7E {
                return value == 0x22 ? "'\"'" : "\"\(Character(Unicode.Scalar(UInt8(value))))\""
            }
            return Self.codePointNotation(value)
        case .surrogate(let value, let length):
            if value < 0xDC00, position + length < bytes.count,
               case .surrogate(let trailing, _) = DecodedCharacter.decode(bytes, at: position + length), trailing >= 0xDC00 {
                return Self.codePointNotation(0x10000 + ((value - 0xD800) << 10) + (trailing - 0xDC00))
            }
            return Self.codePointNotation(value)
        case .invalid(let byte):
            return "byte 0x\(Self.hex(UInt32(byte), width: 2)) (not UTF-8)"
        }
    }

    static func codePointNotation(_ value: UInt32) -> String {
        "U+" + hex(value, width: 4)
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The text of the first `units` UTF-16 code units from `start`, as graphql-js slices its
    /// body for messages. A slice that would split a surrogate pair (or a lone surrogate, which a
    /// Swift string cannot hold) shows U+FFFD in its place.
    func textOfUTF16Units(from start: Int, count units: Int) -> String {
        var result = ""
        var position = start
        var remaining = units
        while remaining > 0 && position < bytes.count {
            switch DecodedCharacter.decode(bytes, at: position) {
            case .scalar(let value, let length):
                if value >= 0x10000 {
                    if remaining < 2 {
                        result.unicodeScalars.append("\u{FFFD}")
                        return result
                    }
                    remaining -= 1
                }
                result.unicodeScalars.append(Unicode.Scalar(value)!)
                position += length
            case .surrogate(_, let length):
                result.unicodeScalars.append("\u{FFFD}")
                position += length
            case .invalid:
                result.unicodeScalars.append("\u{FFFD}")
                position += 1
            }
            remaining -= 1
        }
        return result
    }

    // MARK: Numbers

    /// IntValue and FloatValue, with the lookahead rules: no leading zeros, a digit must follow
    /// `.` and the exponent, and a number may not be followed by `.` or a name start.
    private func readNumber(from start: Int) throws(SyntaxFailure) -> RawToken {
        var position = start
        var code = bytes[position]
        var isFloat = false
        if code == 0x2D {
            position += 1
            code = byte(at: position)
        }
        if code == 0x30 {
            position += 1
            code = byte(at: position)
            if CharacterClass.isDigit(code) {
                throw SyntaxFailure(position: position, description: "Invalid number, unexpected digit after 0: \(describeCharacter(at: position)).")
            }
        } else {
            position = try readDigits(from: position)
            code = byte(at: position)
        }
        if code == 0x2E {
            isFloat = true
            position = try readDigits(from: position + 1)
            code = byte(at: position)
        }
        if code == 0x45 || code == 0x65 {
            isFloat = true
            position += 1
            code = byte(at: position)
            if code == 0x2B || code == 0x2D {
                position += 1
            }
            position = try readDigits(from: position)
            code = byte(at: position)
        }
        if position < bytes.count && (code == 0x2E || CharacterClass.isNameStart(code)) {
            throw SyntaxFailure(position: position, description: "Invalid number, expected digit but got: \(describeCharacter(at: position)).")
        }
        return RawToken(kind: isFloat ? .float : .int, start: start, end: position)
    }

    private func readDigits(from start: Int) throws(SyntaxFailure) -> Int {
        guard start < bytes.count, CharacterClass.isDigit(bytes[start]) else {
            throw SyntaxFailure(position: start, description: "Invalid number, expected digit but got: \(describeCharacter(at: start)).")
        }
        var position = start + 1
        while position < bytes.count && CharacterClass.isDigit(bytes[position]) { position += 1 }
        return position
    }
}
