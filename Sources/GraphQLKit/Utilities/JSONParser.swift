/// A malformed JSON text: what was wrong and where (byte offset, 1-based line and column).
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var line: Int
    public var column: Int

    public var description: String { "\(message) at line \(line), column \(column) (byte \(offset))" }
}

/// Options for ``JSONValue/parse(_:options:)``.
public struct JSONParseOptions: Sendable, Hashable {
    /// The deepest nesting of arrays and objects accepted (deeper input is an error, never a
    /// stack overflow).
    public var maxDepth: Int = 128

    public init(maxDepth: Int = 128) {
        self.maxDepth = maxDepth
    }
}

extension JSONValue {
    /// Parses JSON text (RFC 8259; exactly what `JSON.parse` accepts, plus invalid UTF-8 is an
    /// error). Lone surrogate escapes (`"\ud800"`), which a Swift string cannot hold, become
    /// U+FFFD.
    ///
    /// ```swift
    /// let variables = try JSONValue.parse(#"{"id": 4, "tags": ["a"]}"#)
    /// ```
    public static func parse(_ text: String, options: JSONParseOptions = JSONParseOptions()) throws(JSONParseError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { bytes in
            var parser = JSONParser(bytes: bytes, options: options, keepsLoneSurrogates: false)
            return Result { () throws(JSONParseError) in try parser.parseDocument() }
        }
        return try result.get()
    }

    /// Parses JSON given as UTF-8 bytes.
    public static func parse(utf8 bytes: some Collection<UInt8>, options: JSONParseOptions = JSONParseOptions()) throws(JSONParseError) -> JSONValue {
        try parseKeepingLoneSurrogates(utf8: bytes, options: options).value
    }

    /// Parses JSON and also returns, for every string that contained lone surrogate escapes, its
    /// exact text as WTF-8 bytes (keyed by the U+FFFD-substituted string stored in the value).
    /// This lets a caller hand such text to ``Source/init(utf8:name:locationOffset:)`` and see
    /// the errors graphql-js reports for a JavaScript string with lone surrogates.
    public static func parseKeepingLoneSurrogates(utf8 bytes: some Collection<UInt8>, options: JSONParseOptions = JSONParseOptions())
        throws(JSONParseError) -> (value: JSONValue, loneSurrogateStrings: [String: [UInt8]]) {
        let contiguous = Array(bytes)
        let result: Result<(JSONValue, [String: [UInt8]]), JSONParseError> = contiguous.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, options: options, keepsLoneSurrogates: true)
            return Result { () throws(JSONParseError) in
                let value = try parser.parseDocument()
                return (value, parser.loneSurrogateStrings)
            }
        }
        let (value, strings) = try result.get()
        return (value, strings)
    }
}

/// The byte-level JSON parser behind ``JSONValue/parse(_:options:)``.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let options: JSONParseOptions
    let keepsLoneSurrogates: Bool
    var position = 0
    var depth = 0
    var scratch: [UInt8] = []
    var wtf8: [UInt8] = []
    var loneSurrogateStrings: [String: [UInt8]] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>, options: JSONParseOptions, keepsLoneSurrogates: Bool) {
        self.bytes = bytes
        self.options = options
        self.keepsLoneSurrogates = keepsLoneSurrogates
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count { throw unexpected(" after the JSON value") }
        return value
    }

    /// "Unexpected <what is at position>, <expectation>": built out of line so that message
    /// formatting doesn't enlarge the recursive parsing frames.
    @inline(never)
    func unexpected(_ expectation: StaticString) -> JSONParseError {
        failure("Unexpected \(describe(position))\(expectation)")
    }

    @inline(never)
    func failure(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let offset = offset ?? position
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = 1 + Source.utf16Length(ArraySlice(UnsafeBufferPointer(rebasing: bytes[lineStart..<min(offset, bytes.count)])))
        return JSONParseError(message: message, offset: offset, line: line, column: column)
    }

    func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(Lexer.hex(UInt32(byte), width: 2))"
    }

    @inline(__always) mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw failure("Unexpected end of input, expected a value") }
        switch bytes[position] {
        case 0x7B: return try parseObject()
        case 0x5B: return try parseArray()
        case 0x22: return .string(try parseString())
        case 0x74: try expectLiteral("true"); return .bool(true)
        case 0x66: try expectLiteral("false"); return .bool(false)
        case 0x6E: try expectLiteral("null"); return .null
        case 0x2D, 0x30...0x39: return try parseNumber()
        default: throw unexpected(", expected a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count,
              UnsafeBufferPointer(rebasing: bytes[position..<(position + count)]).elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: count))
        else { throw unexpected(", expected a value") }
        position += count
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > options.maxDepth { throw tooDeep() }
    }

    @inline(never)
    func tooDeep() -> JSONParseError {
        failure("JSON nesting is deeper than \(options.maxDepth) levels")
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if position < bytes.count && bytes[position] == 0x7D {
            position += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == 0x22 else {
                throw unexpected(", expected a string key")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == 0x3A else { throw unexpected(", expected ':'") }
            position += 1
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            guard position < bytes.count else { throw failure("Unexpected end of input, expected ',' or '}'") }
            if bytes[position] == 0x2C {
                position += 1
                continue
            }
            if bytes[position] == 0x7D {
                position += 1
                depth -= 1
                return .object(object)
            }
            throw unexpected(", expected ',' or '}'")
        }
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        position += 1
        var array: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == 0x5D {
            position += 1
            depth -= 1
            return .array(array)
        }
        while true {
            skipWhitespace()
            array.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw failure("Unexpected end of input, expected ',' or ']'") }
            if bytes[position] == 0x2C {
                position += 1
                continue
            }
            if bytes[position] == 0x5D {
                position += 1
                depth -= 1
                return .array(array)
            }
            throw unexpected(", expected ',' or ']'")
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var isInteger = true
        if bytes[position] == 0x2D { position += 1 }
        guard position < bytes.count, CharacterClass.isDigit(bytes[position]) else {
            throw unexpected(", expected a digit")
        }
        if bytes[position] == 0x30 {
            position += 1
        } else {
            while position < bytes.count && CharacterClass.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count && bytes[position] == 0x2E {
            isInteger = false
            position += 1
            guard position < bytes.count, CharacterClass.isDigit(bytes[position]) else {
                throw unexpected(", expected a digit after '.'")
            }
            while position < bytes.count && CharacterClass.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count && (bytes[position] == 0x65 || bytes[position] == 0x45) {
            isInteger = false
            position += 1
            if position < bytes.count && (bytes[position] == 0x2B || bytes[position] == 0x2D) { position += 1 }
            guard position < bytes.count, CharacterClass.isDigit(bytes[position]) else {
                throw unexpected(", expected a digit in the exponent")
            }
            while position < bytes.count && CharacterClass.isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let integer = Int(text), integer.magnitude <= 1 << 53 {
            return .int(integer)
        }
        // Swift's Double(String) rounds correctly, as JSON.parse does; overflow gives ±infinity,
        // which JSON.parse also gives (and JSON.stringify prints as null).
        return .double(Double(text) ?? .nan)
    }

    /// A string literal (the opening quote is at `position`).
    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes, only validated UTF-8.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return value
            }
            if byte == 0x5C { break }
            if byte < 0x20 { throw controlCharacter() }
            if byte < 0x80 {
                position += 1
            } else {
                position += try validatedLength()
            }
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        var hasLoneSurrogate = false
        if keepsLoneSurrogates { wtf8.removeAll(keepingCapacity: true) }
        var wtf8Synced = 0  // how much of `scratch` has been mirrored into `wtf8`
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                position += 1
                let value = String(decoding: scratch, as: UTF8.self)
                if hasLoneSurrogate {
                    wtf8.append(contentsOf: scratch[wtf8Synced...])
                    loneSurrogateStrings[value] = wtf8
                }
                return value
            }
            if byte < 0x20 { throw controlCharacter() }
            if byte == 0x5C {
                let escapeStart = position
                position += 1
                guard position < bytes.count else { throw failure("Unexpected end of input in a string") }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case 0x22, 0x5C, 0x2F: scratch.append(escaped)
                case 0x62: scratch.append(0x08)
                case 0x66: scratch.append(0x0C)
                case 0x6E: scratch.append(0x0A)
                case 0x72: scratch.append(0x0D)
                case 0x74: scratch.append(0x09)
                case 0x75:
                    let unit = try readHex4()
                    if unit >= 0xD800 && unit <= 0xDBFF, position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 {
                        let save = position
                        position += 2
                        let trailing = try readHex4()
                        if trailing >= 0xDC00 && trailing <= 0xDFFF {
                            appendUTF8(0x10000 + ((unit - 0xD800) << 10) + (trailing - 0xDC00), to: &scratch)
                            continue
                        }
                        position = save
                    }
                    if unit >= 0xD800 && unit <= 0xDFFF {
                        if keepsLoneSurrogates {
                            if !hasLoneSurrogate { hasLoneSurrogate = true }
                            wtf8.append(contentsOf: scratch[wtf8Synced...])
                            appendUTF8(unit, to: &wtf8)
                        }
                        appendUTF8(0xFFFD, to: &scratch)
                        wtf8Synced = scratch.count
                    } else {
                        appendUTF8(unit, to: &scratch)
                    }
                default:
                    throw failure("Invalid escape sequence in a string", at: escapeStart)
                }
                continue
            }
            if byte < 0x80 {
                scratch.append(byte)
                position += 1
            } else {
                let length = try validatedLength()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]))
                position += length
            }
        }
        throw failure("Unterminated string")
    }

    @inline(never)
    func controlCharacter() -> JSONParseError {
        failure("Unescaped control character \(describe(position)) in a string")
    }

    /// The length of the valid UTF-8 sequence at `position` (surrogates are not valid).
    func validatedLength() throws(JSONParseError) -> Int {
        if case .scalar(_, let length) = DecodedCharacter.decode(bytes, at: position) { return length }
        throw failure("Invalid UTF-8 byte 0x\(Lexer.hex(UInt32(bytes[position]), width: 2)) in a string")
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("Invalid \\u escape in a string") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let digit = CharacterClass.hexValue(bytes[position + offset])
            if digit < 0 { throw failure("Invalid \\u escape in a string", at: position - 2) }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }
}

/// Appends a code point (surrogates included, as WTF-8) as UTF-8.
func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
    switch value {
    case ..<0x80:
        output.append(UInt8(value))
    case ..<0x800:
        output.append(0xC0 | UInt8(value >> 6))
        output.append(0x80 | UInt8(value & 0x3F))
    case ..<0x10000:
        output.append(0xE0 | UInt8(value >> 12))
        output.append(0x80 | UInt8((value >> 6) & 0x3F))
        output.append(0x80 | UInt8(value & 0x3F))
    default:
        output.append(0xF0 | UInt8(value >> 18))
        output.append(0x80 | UInt8((value >> 12) & 0x3F))
        output.append(0x80 | UInt8((value >> 6) & 0x3F))
        output.append(0x80 | UInt8(value & 0x3F))
    }
}
