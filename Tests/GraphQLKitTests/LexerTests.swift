import Testing
@testable import GraphQLKit

@Suite struct LexerTests {
    func kinds(_ body: String) throws -> [TokenKind] {
        try tokenize(Source(body: body)).map(\.kind)
    }

    @Test func punctuatorsNamesAndNumbers() throws {
        #expect(try kinds("! $ & ( ) ... : = @ [ ] { | } name 12 -3 1.5 2e3 \"s\" \"\"\"b\"\"\"") == [
            .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at, .bracketL, .bracketR, .braceL, .pipe, .braceR,
            .name, .int, .int, .float, .float, .string, .blockString, .endOfFile,
        ])
    }

    /// The lexer's punctuator table turns raw values into kinds with a bit cast, which is right
    /// only while every case is stored as its raw value.
    @Test func tokenKindsAreStoredAsTheirRawValues() {
        let all: [TokenKind] = [
            .startOfFile, .endOfFile, .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at, .bracketL,
            .bracketR, .braceL, .pipe, .braceR, .name, .int, .float, .string, .blockString, .comment,
        ]
        #expect(MemoryLayout<TokenKind>.size == 1)
        for (index, kind) in all.enumerated() {
            #expect(kind.rawValue == UInt8(index))
            #expect(unsafeBitCast(kind.rawValue, to: TokenKind.self) == kind)
        }
    }

    @Test func ignoredTokensAreSkipped() throws {
        #expect(try kinds("\u{FEFF} ,\t\r\n# comment\r{\u{FEFF}a,b # trailing") == [.braceL, .name, .name, .endOfFile])
    }

    @Test(arguments: [
        ("1.e5", "Syntax Error: Invalid number, expected digit but got: \"e\".", 3),
        ("0x1", "Syntax Error: Invalid number, expected digit but got: \"x\".", 2),
        ("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 2),
        ("1e", "Syntax Error: Invalid number, expected digit but got: \")\".", 3),
        ("1.", "Syntax Error: Invalid number, expected digit but got: \")\".", 3),
        ("-", "Syntax Error: Invalid number, expected digit but got: \")\".", 2),
        ("1.2.3", "Syntax Error: Invalid number, expected digit but got: \".\".", 4),
        ("5é", nil, 0),
    ] as [(String, String?, Int)])
    func numberLookaheadRules(text: String, message: String?, column: Int) {
        let error = syntaxError("{ f(a: \(text)) }")
        if let message {
            #expect(error?.message == message)
            #expect(error?.locations == [SourceLocation(line: 1, column: 8 + column - 1)])
        } else {
            // "5é": the number is fine; the é after it is the error.
            #expect(error?.message == "Syntax Error: Unexpected character: U+00E9.")
        }
    }

    @Test func stringEscapes() throws {
        let document = try Parser.parse(#"{ f(a: "\" \\ \/ \b \f \n \r \t \u00e9 \u{1F600} \uD83D\uDE00 \u{0}") }"#)
        guard case .operation(let operation) = document.definitions[0], case .field(let field) = operation.selectionSet.selections[0],
              case .string(let string) = field.arguments[0].value else {
            Issue.record("unexpected shape")
            return
        }
        #expect(string.value == "\" \\ / \u{8} \u{C} \n \r \t é 😀 😀 \u{0}")
        #expect(string.block == false)
    }

    @Test(arguments: [
        (#""\x""#, #"Syntax Error: Invalid character escape sequence: "\x"."#),
        (#""\u{110000}""#, #"Syntax Error: Invalid Unicode escape sequence: "\u{110000}"."#),
        (#""\uD800""#, #"Syntax Error: Invalid Unicode escape sequence: "\uD800"."#),
        (#""\uD83D\u0041""#, #"Syntax Error: Invalid Unicode escape sequence: "\uD83D"."#),
        (#""\u{}""#, #"Syntax Error: Invalid Unicode escape sequence: "\u{}"."#),
        ("\"a\nb\"", "Syntax Error: Unterminated string."),
        ("\"abc", "Syntax Error: Unterminated string."),
        ("\"\"\"abc", "Syntax Error: Unterminated string."),
        ("'a'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?"),
    ])
    func badStrings(text: String, message: String) {
        #expect(syntaxError("{ f(a: \(text)) }")?.message == message)
    }

    @Test func blockStringDedent() throws {
        #expect(BlockString.dedent("\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  ") == "Hello,\n  World!\n\nYours,\n  GraphQL.")
        #expect(BlockString.dedent("  first line kept\n    a\n    b") == "  first line kept\na\nb")
        #expect(BlockString.dedent("\r\n  \r\n") == "")
        let value = try Parser.parseValue("\"\"\"\n   x \\\"\"\" y\r\n    z\n\"\"\"")
        #expect(value == .string(StringValue("x \"\"\" y\n z", block: true, location: value.location)))
    }

    /// Columns count UTF-16 code units, as graphql-js (JavaScript strings) does.
    @Test func columnsCountUTF16Units() {
        let error = syntaxError("# é😀\n\"é😀\" ?")
        #expect(error?.message == "Syntax Error: Unexpected character: \"?\".")
        #expect(error?.locations == [SourceLocation(line: 2, column: 7)])
        #expect(Source(body: "a\r\nb\rc\nd").location(ofByteOffset: 7) == SourceLocation(line: 4, column: 1))
    }

    @Test func invalidCharacters() {
        #expect(syntaxError("{ a \u{0} }")?.message == "Syntax Error: Unexpected character: U+0000.")
        #expect(syntaxError("{ a \u{A0} }")?.message == "Syntax Error: Unexpected character: U+00A0.")
        #expect(syntaxError("{ a 😀 }")?.message == "Syntax Error: Unexpected character: U+1F600.")
        #expect(syntaxError("{ a . }")?.message == "Syntax Error: Unexpected character: \".\".")
        #expect(syntaxError("{ a \" }")?.message == "Syntax Error: Unterminated string.")
        // NUL inside strings and comments is accepted, as in graphql-js.
        #expect(syntaxError("# \u{0}\n{ a(b: \"\u{0}\") }") == nil)
    }

    /// Lone surrogates can only come from WTF-8 bytes (a JavaScript string can hold them).
    @Test func loneSurrogatesFromWTF8() throws {
        let loneHigh: [UInt8] = [0xED, 0xA0, 0x80]  // U+D800
        let top = Source(utf8: Array("{ a ".utf8) + loneHigh + Array(" }".utf8))
        #expect(throws: GraphQLError.self) { try Parser.parse(top) }
        do { _ = try Parser.parse(top) } catch { #expect(error.message == "Syntax Error: Invalid character: U+D800.") }
        let inString = Source(utf8: Array("{ a(b: \"".utf8) + loneHigh + Array("\") }".utf8))
        do { _ = try Parser.parse(inString) } catch { #expect(error.message == "Syntax Error: Invalid character within String: U+D800.") }
        // A split pair is one supplementary character, as in JavaScript.
        let pair = Source(utf8: Array("{ a(b: \"".utf8) + [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80] + Array("\") }".utf8))
        #expect(throws: Never.self) { try Parser.parse(pair) }
    }

    /// Documented deviation: graphql-js quotes half a surrogate pair here; Swift shows U+FFFD.
    @Test func halfSurrogatePairInMessageBecomesReplacementCharacter() {
        #expect(syntaxError(#"{ f(a: "\😀") }"#)?.message == "Syntax Error: Invalid character escape sequence: \"\\\u{FFFD}\".")
    }

    /// The eight-bytes-at-once name scan agrees with the byte-by-byte class for every byte value
    /// in every position of the word, next to name and non-name neighbours.
    @Test func wordAtATimeNameClassMatchesByteClass() {
        for neighbour: UInt8 in [0x61, 0x20, 0x5F, 0x80, 0xFF, 0x39] {
            for lane in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[lane] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let stops = CharacterClass.nonNameBytes(UInt64(littleEndian: word))
                    for index in 0..<8 {
                        let isStop = (stops >> (UInt64(index) * 8 + 7)) & 1 == 1
                        #expect(isStop == !CharacterClass.isNameContinue(bytes[index]), "byte \(bytes[index]) at \(index)")
                    }
                    #expect(stops & ~0x8080_8080_8080_8080 == 0)
                }
            }
        }
    }

    /// Names of every length around the eight-byte steps end exactly where they should,
    /// whatever follows them (including non-ASCII bytes and the end of the text).
    @Test func namesOfEveryLengthEndCorrectly() {
        let alphabet = Array("aZ_09xQ".utf8)
        for length in 1...40 {
            let name = (0..<length).map { alphabet[$0 % alphabet.count] }
            for terminator in [" ", "(", "\n", "", "é", "-", "\u{0}"] {
                let body = name + Array(terminator.utf8)
                let token = body.withUnsafeBufferPointer { buffer -> RawToken? in
                    var lexer = Lexer(bytes: buffer)
                    return try? lexer.nextToken(from: 0)
                }
                #expect(token?.kind == .name)
                #expect(token?.end == length, "name of \(length) bytes before \(terminator.debugDescription)")
            }
        }
    }
}
