/// Parses GraphQL documents, values and type references into the AST, with graphql-js 16's
/// grammar, errors and error positions.
///
/// ```swift
/// let document = try Parser.parse("{ user(id: 4) { name } }")
/// let value = try Parser.parseValue("[1, 2, {a: $b}]")
/// let type = try Parser.parseType("[String!]!")
/// ```
///
/// Every entry point throws a ``GraphQLError`` whose message starts with `Syntax Error: `.
public enum Parser {
    /// Parses a whole document (executable definitions, type-system definitions, extensions).
    public static func parse(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Document {
        try run(source, options) { (parser: inout DocumentParser) throws(SyntaxFailure) in try parser.parseDocument() }
    }

    /// Parses a whole document given as text.
    public static func parse(_ text: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Document {
        try parse(Source(body: text), options: options)
    }

    /// Parses a single value literal, which may contain variables (graphql-js `parseValue`).
    public static func parseValue(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Value {
        try run(source, options) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.expect(.startOfFile)
            let value = try parser.parseValueLiteral(isConst: false)
            try parser.expect(.endOfFile)
            return value
        }
    }

    public static func parseValue(_ text: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Value {
        try parseValue(Source(body: text), options: options)
    }

    /// Parses a single constant value literal: variables are a syntax error
    /// (graphql-js `parseConstValue`).
    public static func parseConstValue(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Value {
        try run(source, options) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.expect(.startOfFile)
            let value = try parser.parseValueLiteral(isConst: true)
            try parser.expect(.endOfFile)
            return value
        }
    }

    public static func parseConstValue(_ text: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Value {
        try parseConstValue(Source(body: text), options: options)
    }

    /// Parses a type reference such as `[Int!]` (graphql-js `parseType`).
    public static func parseType(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> TypeReference {
        try run(source, options) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.expect(.startOfFile)
            let type = try parser.parseTypeReference()
            try parser.expect(.endOfFile)
            return type
        }
    }

    public static func parseType(_ text: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> TypeReference {
        try parseType(Source(body: text), options: options)
    }

    private static func run<Result>(_ source: Source, _ options: ParseOptions,
                                    _ body: (inout DocumentParser) throws(SyntaxFailure) -> Result) throws(GraphQLError) -> Result {
        let outcome: Swift.Result<Result, SyntaxFailure> = source.withUTF8 { bytes in
            if let failure = sizeFailure(byteCount: bytes.count) { return .failure(failure) }
            var parser = DocumentParser(source: source, bytes: bytes, options: options)
            defer { ParserScratch.recycle(parser.scratch) }
            return Swift.Result { () throws(SyntaxFailure) in try body(&parser) }
        }
        switch outcome {
        case .success(let result): return result
        case .failure(let failure): throw failure.graphQLError(in: source)
        }
    }
}

extension Parser {
    /// The failure for a document too long for ``Location``'s 32-bit offsets, or nil. (graphql-js
    /// cannot hold such a document at all: a JavaScript string is at most 2^29 − 24 characters.)
    static func sizeFailure(byteCount: Int) -> SyntaxFailure? {
        guard byteCount > Location.maximumOffset else { return nil }
        return SyntaxFailure(position: 0, description: "Document is longer than \(Location.maximumOffset) bytes. Parsing aborted.")
    }
}

/// The lexical tokens of a source, comments and other ignored tokens excluded, ending with
/// the end-of-file token.
///
/// ```swift
/// let kinds = try tokenize(Source(body: "{ a }")).map(\.kind)   // [.braceL, .name, .braceR, .endOfFile]
/// ```
public func tokenize(_ source: Source) throws(GraphQLError) -> [Token] {
    let outcome: Result<[Token], SyntaxFailure> = source.withUTF8 { bytes in
        var lexer = Lexer(bytes: bytes)
        return Result { () throws(SyntaxFailure) in
            var tokens: [Token] = []
            var position = 0
            while true {
                let raw = try lexer.nextToken(from: position)
                let isString = raw.kind == .string || raw.kind == .blockString
                tokens.append(Token(kind: raw.kind, start: raw.start, end: raw.end, stringValue: isString ? lexer.stringValue : nil))
                if raw.kind == .endOfFile { return tokens }
                position = raw.end
            }
        }
    }
    switch outcome {
    case .success(let tokens): return tokens
    case .failure(let failure): throw failure.graphQLError(in: source)
    }
}
