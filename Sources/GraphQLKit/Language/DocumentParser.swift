/// The recursive-descent parser behind ``Parser``: graphql-js's grammar and error behaviour,
/// over a ``Lexer`` that reads one token ahead at most (so lexical errors surface exactly when
/// graphql-js would hit them).
struct DocumentParser {
    let source: Source
    let bytes: UnsafeBufferPointer<UInt8>
    let options: ParseOptions
    var lexer: Lexer
    /// The current token.
    var token = RawToken(kind: .startOfFile, start: 0, end: 0)
    /// The decoded value of the current token when it is a string or block string.
    var tokenString = ""
    /// The token after the current one, when something looked ahead, and its string value.
    var peeked: RawToken?
    var peekedString = ""
    /// End offset of the previous token (graphql-js `lastToken.end`): where a finished node ends.
    var lastTokenEnd = 0
    var tokenCount = 0
    var depth = 0
    let keepsLocations: Bool
    /// ``SmallASCIIString/isAvailable``, read once per parse.
    let makesSmallStrings = SmallASCIIString.isAvailable
    /// Scratch stacks for the lists that are parsed most (see ``NodeStack``), kept from one
    /// parse to the next (``ParserScratch``); ``Parser`` gives them back when done.
    let scratch: ParserScratch
    // The two stacks are also kept here, not read through `scratch` each time: read through it,
    // every access retained and released the stack (measured: ~5,000 more instructions per
    // introspection-query parse).
    let selectionStack: NodeStack<Selection>
    let argumentStack: NodeStack<Argument>
    /// Scratch stacks of the type-system lists, made on first use (executable documents never
    /// need them): one exactly-sized array per list instead of an array grown by doubling.
    var fieldDefinitionStack: NodeStack<FieldDefinition>?
    var inputValueStack: NodeStack<InputValueDefinition>?
    var enumValueStack: NodeStack<EnumValueDefinition>?
    var namedTypeStack: NodeStack<NamedType>?

    init(source: Source, bytes: UnsafeBufferPointer<UInt8>, options: ParseOptions) {
        self.source = source
        self.bytes = bytes
        self.options = options
        self.lexer = Lexer(bytes: bytes)
        self.keepsLocations = !options.noLocation
        let scratch = ParserScratch.take()
        self.scratch = scratch
        self.selectionStack = scratch.selections
        self.argumentStack = scratch.arguments
    }

    // MARK: Tokens

    /// Moves to the next token, enforcing ``ParseOptions/maxTokens``. Kept out of line: the
    /// lexer inlined into every parsing function would multiply their stack frames.
    @inline(never)
    mutating func advance() throws(SyntaxFailure) {
        lastTokenEnd = token.end
        if let next = peeked {
            token = next
            peeked = nil
            if next.kind == .string || next.kind == .blockString { swap(&tokenString, &peekedString) }
        } else {
            token = try lexer.nextToken(from: token.end)
            if token.kind == .string || token.kind == .blockString { swap(&tokenString, &lexer.stringValue) }
        }
        if let maxTokens = options.maxTokens, token.kind != .endOfFile {
            tokenCount += 1
            if tokenCount > maxTokens { throw tooManyTokens(maxTokens) }
        }
    }

    /// The token after the current one, without moving.
    @inline(never)
    mutating func lookahead() throws(SyntaxFailure) -> RawToken {
        if token.kind == .endOfFile { return token }
        if let next = peeked { return next }
        let next = try lexer.nextToken(from: token.end)
        peeked = next
        if next.kind == .string || next.kind == .blockString { swap(&peekedString, &lexer.stringValue) }
        return next
    }

    @inline(__always) func peek(_ kind: TokenKind) -> Bool { token.kind == kind }

    /// Consumes a token of `kind` or fails with "Expected …, found …".
    @discardableResult
    mutating func expect(_ kind: TokenKind) throws(SyntaxFailure) -> RawToken {
        let current = token
        guard current.kind == kind else { throw expected(kind, found: current) }
        try advance()
        return current
    }

    // Error construction lives in non-inlined functions so its string work doesn't enlarge the
    // frames of the recursive parsing functions (deep documents must fit small stacks).

    @inline(never)
    func expected(_ kind: TokenKind, found: RawToken) -> SyntaxFailure {
        SyntaxFailure(position: found.start, description: "Expected \(kind.description), found \(describe(found)).")
    }

    @inline(never)
    func tooManyTokens(_ maxTokens: Int) -> SyntaxFailure {
        SyntaxFailure(position: token.start, description: "Document contains more that \(maxTokens) tokens. Parsing aborted.")
    }

    @inline(never)
    func tooDeep() -> SyntaxFailure {
        SyntaxFailure(position: token.start, description: "Document nesting is deeper than \(options.maxDepth) levels. Parsing aborted.")
    }

    /// Consumes a token of `kind` if it is next.
    @inline(__always)
    mutating func expectOptional(_ kind: TokenKind) throws(SyntaxFailure) -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    /// Consumes the name `keyword` or fails.
    mutating func expectKeyword(_ keyword: StaticString) throws(SyntaxFailure) {
        guard isKeyword(token, keyword) else { throw expectedKeyword(keyword) }
        try advance()
    }

    @inline(never)
    func expectedKeyword(_ keyword: StaticString) -> SyntaxFailure {
        SyntaxFailure(position: token.start, description: "Expected \"\(keyword)\", found \(describe(token)).")
    }

    /// Consumes the name `keyword` if it is next.
    mutating func expectOptionalKeyword(_ keyword: StaticString) throws(SyntaxFailure) -> Bool {
        guard isKeyword(token, keyword) else { return false }
        try advance()
        return true
    }

    /// Whether `token` is a name spelled `keyword` (compared as bytes, no string created).
    func isKeyword(_ token: RawToken, _ keyword: StaticString) -> Bool {
        guard token.kind == .name, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        let word = keyword.utf8Start
        var index = 0
        while index < keyword.utf8CodeUnitCount {
            if bytes[token.start + index] != word[index] { return false }
            index += 1
        }
        return true
    }

    /// "Unexpected …" at `token` (the current one by default).
    @inline(never)
    func unexpected(_ at: RawToken? = nil) -> SyntaxFailure {
        let token = at ?? self.token
        return SyntaxFailure(position: token.start, description: "Unexpected \(describe(token)).")
    }

    /// A token as graphql-js describes it: its kind, then its value in quotes if it has one.
    @inline(never)
    func describe(_ token: RawToken) -> String {
        switch token.kind {
        case .name, .int, .float, .comment:
            return "\(token.kind.description) \"\(text(of: token))\""
        case .string, .blockString:
            // Errors only: lex the string again for its value.
            var relexer = Lexer(bytes: bytes)
            _ = try? relexer.nextToken(from: token.start)
            return "\(token.kind.description) \"\(relexer.stringValue)\""
        default:
            return token.kind.description
        }
    }

    /// The source text of a token.
    @inline(__always) func text(of token: RawToken) -> String {
        let length = token.end - token.start
        let start = bytes.baseAddress! + token.start
        return String(unsafeUninitializedCapacity: length) { buffer in
            buffer.baseAddress!.initialize(from: start, count: length)
            return length
        }
    }

    /// The source text of a name or number token (always ASCII): built inline when short.
    @inline(__always) func asciiText(of token: RawToken) -> String {
        let length = token.end - token.start
        if length <= SmallASCIIString.maximumLength && makesSmallStrings {
            return SmallASCIIString.make(bytes, start: token.start, length: length)
        }
        return text(of: token)
    }

    /// The location of a node that started at `start` and ends with the previous token.
    @inline(__always) func location(from start: Int) -> Location? {
        keepsLocations ? Location(checkedStart: start, end: lastTokenEnd) : nil
    }

    /// Enters one level of nesting, failing past ``ParseOptions/maxDepth``.
    @inline(__always)
    mutating func enterNesting() throws(SyntaxFailure) {
        depth += 1
        if depth > options.maxDepth { throw tooDeep() }
    }

    // MARK: Document

    /// Document : Definition+
    mutating func parseDocument() throws(SyntaxFailure) -> Document {
        let start = token.start
        try expect(.startOfFile)
        var definitions: [Definition] = []
        // A definition takes a few hundred bytes of text in typical documents: reserving for that
        // avoids most of the doubling (each doubling moves every definition).
        definitions.reserveCapacity(max(4, bytes.count / 256))
        repeat {
            definitions.append(try parseDefinition())
        } while try !expectOptional(.endOfFile)
        return Document(definitions: definitions, location: location(from: start), source: source)
    }

    /// Definition : ExecutableDefinition | TypeSystemDefinition | TypeSystemExtension
    mutating func parseDefinition() throws(SyntaxFailure) -> Definition {
        if peek(.braceL) {
            return .operation(try parseOperationDefinition())
        }
        let hasDescription = peekDescription()
        let keyword = hasDescription ? try lookahead() : token
        if keyword.kind == .name {
            if isKeyword(keyword, "schema") { return .schema(try parseSchemaDefinition()) }
            if isKeyword(keyword, "scalar") { return .type(.scalar(try parseScalarTypeDefinition())) }
            if isKeyword(keyword, "type") { return .type(.object(try parseObjectTypeDefinition())) }
            if isKeyword(keyword, "interface") { return .type(.interface(try parseInterfaceTypeDefinition())) }
            if isKeyword(keyword, "union") { return .type(.union(try parseUnionTypeDefinition())) }
            if isKeyword(keyword, "enum") { return .type(.enum(try parseEnumTypeDefinition())) }
            if isKeyword(keyword, "input") { return .type(.inputObject(try parseInputObjectTypeDefinition())) }
            if isKeyword(keyword, "directive") { return .directive(try parseDirectiveDefinition()) }
            let isOperation = isKeyword(keyword, "query") || isKeyword(keyword, "mutation") || isKeyword(keyword, "subscription")
            let isFragment = isKeyword(keyword, "fragment")
            if hasDescription && !(options.allowExecutableDescriptions && (isOperation || isFragment)) {
                throw SyntaxFailure(position: token.start, description: "Unexpected description, descriptions are supported only on type definitions.")
            }
            if isOperation { return .operation(try parseOperationDefinition()) }
            if isFragment { return .fragment(try parseFragmentDefinition()) }
            if isKeyword(keyword, "extend") { return try parseTypeSystemExtension() }
        }
        throw unexpected(keyword)
    }

    // MARK: Descriptions

    func peekDescription() -> Bool { token.kind == .string || token.kind == .blockString }

    /// Description : StringValue
    mutating func parseDescription() throws(SyntaxFailure) -> StringValue? {
        peekDescription() ? try parseStringLiteral() : nil
    }

    mutating func parseStringLiteral() throws(SyntaxFailure) -> StringValue {
        let current = token
        // Taken, not copied: a token's string is used once, and a copy would cost a reference
        // count increment now and a decrement when the next string token replaces it.
        var value = ""
        swap(&value, &tokenString)
        try advance()
        return StringValue(value, block: current.kind == .blockString, location: location(from: current.start))
    }

    // MARK: Names and types

    /// Name
    @inline(__always)
    mutating func parseName() throws(SyntaxFailure) -> Name {
        let current = token
        guard current.kind == .name else { throw expected(.name, found: current) }
        try advance()
        return Name(asciiText(of: current), location: location(from: current.start))
    }

    /// NamedType : Name
    mutating func parseNamedType() throws(SyntaxFailure) -> NamedType {
        let start = token.start
        let name = try parseName()
        let location = location(from: start)
        return NamedType(name: consume name, location: location)
    }

    /// Type : NamedType | ListType | NonNullType
    @inline(never)
    mutating func parseTypeReference() throws(SyntaxFailure) -> TypeReference {
        let start = token.start
        var type: TypeReference
        if peek(.bracketL) {
            try enterNesting()
            try advance()
            let inner = try parseTypeReference()
            try expect(.bracketR)
            depth -= 1
            type = .list(ListType(type: consume inner, location: location(from: start)))
        } else {
            type = .named(try parseNamedType())
        }
        if try expectOptional(.bang) {
            return .nonNull(NonNullType(type: consume type, location: location(from: start)))
        }
        return type
    }

    // MARK: Directives and arguments

    /// Directives[Const] : Directive[?Const]+
    @inline(never)
    mutating func parseDirectives(isConst: Bool) throws(SyntaxFailure) -> [Directive] {
        guard peek(.at) else { return [] }
        var directives: [Directive] = []
        repeat {
            let start = token.start
            try advance()
            let name = try parseName()
            let arguments = try parseArguments(isConst: isConst)
            directives.append(Directive(name: name, arguments: arguments, location: location(from: start)))
        } while peek(.at)
        return directives
    }

    /// Arguments[Const] : ( Argument[?Const]+ )
    @inline(never)
    mutating func parseArguments(isConst: Bool) throws(SyntaxFailure) -> [Argument] {
        guard try expectOptional(.parenL) else { return [] }
        let base = argumentStack.count
        repeat {
            let start = token.start
            let name = try parseNameBeforeColon()
            let value = try parseValueLiteral(isConst: isConst)
            argumentStack.push(Argument(name: name, value: value, location: location(from: start)))
        } while try !expectOptional(.parenR)
        return argumentStack.popArray(from: base)
    }

    // MARK: List helpers (graphql-js optionalMany / delimitedMany)

    /// The scratch stack in `slot`, made on first use.
    @inline(__always)
    static func made<Element>(_ slot: inout NodeStack<Element>?) -> NodeStack<Element> {
        if let stack = slot { return stack }
        let stack = NodeStack<Element>()
        slot = stack
        return stack
    }

    /// `open item+ close` if `open` is next, else empty; the items are collected on `stack`.
    mutating func optionalMany<Item>(_ open: TokenKind, _ close: TokenKind, on stack: NodeStack<Item>,
                                     _ item: (inout DocumentParser) throws(SyntaxFailure) -> Item) throws(SyntaxFailure) -> [Item] {
        guard try expectOptional(open) else { return [] }
        let base = stack.count
        repeat {
            stack.push(try item(&self))
        } while try !expectOptional(close)
        return stack.popArray(from: base)
    }

    /// `delimiter? item (delimiter item)*`, collected on `stack`.
    mutating func delimitedMany<Item>(_ delimiter: TokenKind, on stack: NodeStack<Item>,
                                      _ item: (inout DocumentParser) throws(SyntaxFailure) -> Item) throws(SyntaxFailure) -> [Item] {
        _ = try expectOptional(delimiter)
        let base = stack.count
        repeat {
            stack.push(try item(&self))
        } while try expectOptional(delimiter)
        return stack.popArray(from: base)
    }

    /// `open item+ close` if `open` is next, else empty.
    mutating func optionalMany<Item>(_ open: TokenKind, _ close: TokenKind,
                                     _ item: (inout DocumentParser) throws(SyntaxFailure) -> Item) throws(SyntaxFailure) -> [Item] {
        guard try expectOptional(open) else { return [] }
        var items: [Item] = []
        repeat {
            items.append(try item(&self))
        } while try !expectOptional(close)
        return items
    }

    /// `open item+ close`, required.
    mutating func many<Item>(_ open: TokenKind, _ close: TokenKind,
                             _ item: (inout DocumentParser) throws(SyntaxFailure) -> Item) throws(SyntaxFailure) -> [Item] {
        try expect(open)
        var items: [Item] = []
        repeat {
            items.append(try item(&self))
        } while try !expectOptional(close)
        return items
    }

    /// `delimiter? item (delimiter item)*`.
    mutating func delimitedMany<Item>(_ delimiter: TokenKind,
                                      _ item: (inout DocumentParser) throws(SyntaxFailure) -> Item) throws(SyntaxFailure) -> [Item] {
        _ = try expectOptional(delimiter)
        var items: [Item] = []
        repeat {
            items.append(try item(&self))
        } while try expectOptional(delimiter)
        return items
    }
}
