/// How a scalar coerces values: results a resolver returned (`serialize`), variable values from
/// JSON (`parseValue`) and literals written in a document (`parseLiteral`).
///
/// The specified scalars use GraphQLKit's built-in coercion (with graphql-js's messages). A
/// custom scalar gets hooks; a hook signals an invalid value by throwing — a ``GraphQLError``
/// is reported as it is, any other error as `Expected type "Name". <message>`.
///
/// ```swift
/// let dateTime = ScalarCoercion(
///     serialize: { value in
///         guard case .string(let text) = value, isISO8601(text) else {
///             throw GraphQLError(message: "DateTime cannot represent value: \(inspect(value))")
///         }
///         return .string(text)
///     },
///     parseValue: { json in
///         guard case .string(let text) = json, isISO8601(text) else {
///             throw GraphQLError(message: "DateTime cannot represent value: \(inspect(json))")
///         }
///         return json
///     })
/// ```
public struct ScalarCoercion: Sendable {
    /// The specified scalars, coerced by built-in code.
    enum BuiltIn: Sendable {
        case string, int, float, boolean, id
    }

    let builtIn: BuiltIn?
    private let serializeHook: (@Sendable (ResolvedValue) throws -> JSONValue)?
    private let parseValueHook: (@Sendable (JSONValue) throws -> JSONValue)?
    private let parseLiteralHook: (@Sendable (Value, JSONObject?) throws -> JSONValue)?

    /// A custom scalar's coercion. A hook left out passes values through unchanged (for
    /// `parseLiteral`: the literal's JSON form, variables substituted), as graphql-js does for
    /// a scalar built from SDL. Giving only `parseValue` also checks literals with it.
    public init(serialize: (@Sendable (ResolvedValue) throws -> JSONValue)? = nil,
                parseValue: (@Sendable (JSONValue) throws -> JSONValue)? = nil,
                parseLiteral: (@Sendable (Value, JSONObject?) throws -> JSONValue)? = nil) {
        self.builtIn = nil
        self.serializeHook = serialize
        self.parseValueHook = parseValue
        if let parseLiteral {
            self.parseLiteralHook = parseLiteral
        } else if let parseValue {
            self.parseLiteralHook = { literal, variables in try parseValue(valueFromASTUntyped(literal, variables: variables)) }
        } else {
            self.parseLiteralHook = nil
        }
    }

    init(builtIn: BuiltIn) {
        self.builtIn = builtIn
        self.serializeHook = nil
        self.parseValueHook = nil
        self.parseLiteralHook = nil
    }

    /// Values pass through unchanged: what a scalar built from SDL does without hooks.
    public static let passThrough = ScalarCoercion()

    /// Result coercion: the JSON a resolver's value becomes in the response. A hook sees JSON
    /// primitives as the plain cases (`.json(.string(s))` as `.string(s)`, and so on).
    public func serialize(_ value: ResolvedValue, scalarName: String) throws -> JSONValue {
        if let builtIn { return try BuiltInScalarCoercion.serialize(value, as: builtIn) }
        if let serializeHook { return try serializeHook(value.unwrappingJSONPrimitive) }
        guard let json = value.jsonValue else {
            throw GraphQLError(message: "\(scalarName) cannot represent value: \(inspect(value))")
        }
        return json
    }

    /// Input coercion of a variable's JSON value.
    public func parseValue(_ value: JSONValue) throws -> JSONValue {
        if let builtIn { return try BuiltInScalarCoercion.parseValue(value, as: builtIn) }
        if let parseValueHook { return try parseValueHook(value) }
        return value
    }

    /// Input coercion of a literal (variables in it are replaced by their values).
    public func parseLiteral(_ value: Value, variables: JSONObject?) throws -> JSONValue {
        if let builtIn { return try BuiltInScalarCoercion.parseLiteral(value, as: builtIn) }
        if let parseLiteralHook { return try parseLiteralHook(value, variables) }
        return valueFromASTUntyped(value, variables: variables)
    }
}

/// The specified scalars' coercion rules and messages (graphql-js `type/scalars`).
enum BuiltInScalarCoercion {
    static let maxInt = 2_147_483_647
    static let minInt = -2_147_483_648

    /// A result as JavaScript would see it, after graphql-js's `serializeObject`.
    private enum Primitive {
        case bool(Bool)
        case number(Double, exactInt: Int?)
        case string(String)
        case other
    }

    private static func primitive(_ value: ResolvedValue) -> Primitive {
        switch value {
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .number(Double(int), exactInt: int)
        case .double(let double): return .number(double, exactInt: nil)
        case .string(let string): return .string(string)
        case .json(.bool(let bool)): return .bool(bool)
        case .json(.int(let int)): return .number(Double(int), exactInt: int)
        case .json(.double(let double)): return .number(double, exactInt: nil)
        case .json(.string(let string)): return .string(string)
        default: return .other
        }
    }

    static func serialize(_ value: ResolvedValue, as kind: ScalarCoercion.BuiltIn) throws -> JSONValue {
        switch kind {
        case .string:
            switch primitive(value) {
            case .string(let string): return .string(string)
            case .bool(let bool): return .string(bool ? "true" : "false")
            case .number(let number, let exact):
                if let exact { return .string(String(exact)) }
                if number.isFinite { return .string(formatECMAScriptNumber(number)) }
            case .other: break
            }
            throw GraphQLError(message: "String cannot represent value: \(inspect(value))")
        case .int:
            let number: Double
            switch primitive(value) {
            case .bool(let bool): return .int(bool ? 1 : 0)
            case .number(let double, let exact):
                if let exact {
                    guard exact <= maxInt && exact >= minInt else {
                        throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(inspect(value))")
                    }
                    return .int(exact)
                }
                number = double
            case .string(let string) where !string.isEmpty:
                number = javaScriptNumber(string)
            default:
                throw GraphQLError(message: "Int cannot represent non-integer value: \(inspect(value))")
            }
            guard isJavaScriptInteger(number) else {
                throw GraphQLError(message: "Int cannot represent non-integer value: \(inspect(value))")
            }
            guard number <= Double(maxInt) && number >= Double(minInt) else {
                throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(inspect(value))")
            }
            return .int(Int(number))
        case .float:
            let number: Double
            switch primitive(value) {
            case .bool(let bool): return .int(bool ? 1 : 0)
            case .number(let double, let exact):
                if let exact { return .int(exact) }
                number = double
            case .string(let string) where !string.isEmpty:
                number = javaScriptNumber(string)
            default:
                throw GraphQLError(message: "Float cannot represent non numeric value: \(inspect(value))")
            }
            guard number.isFinite else {
                throw GraphQLError(message: "Float cannot represent non numeric value: \(inspect(value))")
            }
            return numberJSON(number)
        case .boolean:
            switch primitive(value) {
            case .bool(let bool): return .bool(bool)
            case .number(let number, _) where number.isFinite: return .bool(number != 0)
            default: throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(inspect(value))")
            }
        case .id:
            switch primitive(value) {
            case .string(let string): return .string(string)
            case .number(let number, let exact):
                if let exact { return .string(String(exact)) }
                if isJavaScriptInteger(number) { return .string(formatECMAScriptNumber(number)) }
            default: break
            }
            throw GraphQLError(message: "ID cannot represent value: \(inspect(value))")
        }
    }

    static func parseValue(_ value: JSONValue, as kind: ScalarCoercion.BuiltIn) throws -> JSONValue {
        switch kind {
        case .string:
            guard case .string = value else {
                throw GraphQLError(message: "String cannot represent a non string value: \(inspect(value))")
            }
            return value
        case .int:
            let number: Double
            switch value {
            case .int(let int):
                guard int <= maxInt && int >= minInt else {
                    throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(int)")
                }
                return value
            case .double(let double): number = double
            default: throw GraphQLError(message: "Int cannot represent non-integer value: \(inspect(value))")
            }
            guard isJavaScriptInteger(number) else {
                throw GraphQLError(message: "Int cannot represent non-integer value: \(inspect(value))")
            }
            guard number <= Double(maxInt) && number >= Double(minInt) else {
                throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(formatECMAScriptNumber(number))")
            }
            return .int(Int(number))
        case .float:
            switch value {
            case .int: return value
            case .double(let double) where double.isFinite: return numberJSON(double)
            default: throw GraphQLError(message: "Float cannot represent non numeric value: \(inspect(value))")
            }
        case .boolean:
            guard case .bool = value else {
                throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(inspect(value))")
            }
            return value
        case .id:
            switch value {
            case .string: return value
            case .int(let int): return .string(String(int))
            case .double(let double) where isJavaScriptInteger(double): return .string(formatECMAScriptNumber(double))
            default: throw GraphQLError(message: "ID cannot represent value: \(inspect(value))")
            }
        }
    }

    static func parseLiteral(_ literal: Value, as kind: ScalarCoercion.BuiltIn) throws -> JSONValue {
        switch kind {
        case .string:
            guard case .string(let string) = literal else {
                throw GraphQLError(message: "String cannot represent a non string value: \(Printer.print(literal))")
            }
            return .string(string.value)
        case .int:
            guard case .int(let int) = literal else {
                throw GraphQLError(message: "Int cannot represent non-integer value: \(Printer.print(literal))")
            }
            guard let number = Int(int.value), number <= maxInt, number >= minInt else {
                throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(int.value)")
            }
            return .int(number)
        case .float:
            switch literal {
            case .int(let int): return numberJSON(javaScriptNumber(int.value))
            case .float(let float): return numberJSON(javaScriptNumber(float.value))
            default:
                throw GraphQLError(message: "Float cannot represent non numeric value: \(Printer.print(literal))")
            }
        case .boolean:
            guard case .boolean(let bool) = literal else {
                throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(Printer.print(literal))")
            }
            return .bool(bool.value)
        case .id:
            switch literal {
            case .string(let string): return .string(string.value)
            case .int(let int): return .string(int.value)
            default:
                throw GraphQLError(message: "ID cannot represent a non-string and non-integer value: \(Printer.print(literal))")
            }
        }
    }

    /// A JavaScript number as JSON: integers within ±2^53 as `.int` (exact), others as `.double`.
    static func numberJSON(_ number: Double) -> JSONValue {
        if isJavaScriptInteger(number) && abs(number) <= 9_007_199_254_740_992 {
            return .int(Int(number))
        }
        return .double(number)
    }
}
