import Foundation

/// An exact `numeric` value of any size and scale, kept as its decimal digits (plus `NaN` and
/// ±`Infinity`, which PostgreSQL 14+ allow). Nothing is ever rounded: it holds what the column holds.
///
/// Use `Decimal` for arithmetic on money-sized values (it decodes a numeric exactly or fails, never
/// rounds); use `PostgresNumeric` when values may exceed `Decimal`'s 38 significant digits.
///
/// ```swift
/// let total = try row.decode(PostgresNumeric.self, "total")   // e.g. 123456789012345678901234567890.123456789
/// try await db.query("INSERT INTO t (n) VALUES (\(PostgresNumeric("1.50")!))")
/// ```
public struct PostgresNumeric: Sendable, Hashable, Comparable, LosslessStringConvertible, Codable {
    enum Kind: Hashable, Sendable {
        /// Digits without leading zeros (at least "0"), fraction digits as written (scale kept).
        case finite(negative: Bool, integer: String, fraction: String)
        case notANumber
        case infinity(negative: Bool)
    }

    let kind: Kind

    /// Parses plain decimal notation (`-12.340`, `.5`, `7`) or `NaN`, `Infinity`, `-Infinity`.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "nan": self.init(kind: .notANumber); return
        case "infinity", "+infinity", "inf", "+inf": self.init(kind: .infinity(negative: false)); return
        case "-infinity", "-inf": self.init(kind: .infinity(negative: true)); return
        default: break
        }
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        let parts = utf8.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = parts.first ?? Substring("").utf8[...]
        let fractionPart = parts.count > 1 ? parts[1] : Substring("").utf8[...]
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard integerPart.allSatisfy(isDigit), fractionPart.allSatisfy(isDigit),
            !(integerPart.isEmpty && fractionPart.isEmpty),
            !(parts.count > 1 && fractionPart.isEmpty && integerPart.isEmpty)
        else { return nil }
        let integer = String(decoding: integerPart.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)
        self.init(negative: negative, integer: integer, fraction: String(decoding: fractionPart, as: UTF8.self))
    }

    init(negative: Bool, integer: String, fraction: String) {
        let integer = integer.isEmpty ? "0" : integer
        let isZero = integer == "0" && fraction.allSatisfy { $0 == "0" }
        kind = .finite(negative: negative && !isZero, integer: integer, fraction: fraction)
    }

    /// The exact value of a `Decimal` (`Decimal.nan` becomes `NaN`).
    public init(_ decimal: Decimal) {
        if decimal.isNaN { self.init(kind: .notANumber); return }
        // Decimal's description is locale-independent plain notation; it always parses.
        self = PostgresNumeric(decimal.description) ?? PostgresNumeric(negative: false, integer: "0", fraction: "")
    }

    public init<T: BinaryInteger>(_ integer: T) {
        let text = String(integer.magnitude)
        self.init(negative: integer < 0, integer: text, fraction: "")
    }

    public static let nan = PostgresNumeric(kind: .notANumber)
    public static let infinity = PostgresNumeric(kind: .infinity(negative: false))

    init(kind: Kind) { self.kind = kind }

    public var isNaN: Bool { kind == .notANumber }
    public var isFinite: Bool { if case .finite = kind { true } else { false } }

    /// The digits after the decimal point as stored (PostgreSQL's display scale).
    public var scale: Int {
        if case .finite(_, _, let fraction) = kind { fraction.count } else { 0 }
    }

    /// The text PostgreSQL would print: `-12.340`, `NaN`, `Infinity`.
    public var description: String {
        switch kind {
        case .notANumber: return "NaN"
        case .infinity(let negative): return negative ? "-Infinity" : "Infinity"
        case .finite(let negative, let integer, let fraction):
            return (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
        }
    }

    /// The value as a `Decimal`, or `nil` when `Decimal` cannot hold it exactly (more than 38
    /// significant digits, an exponent out of range, or ±Infinity).
    public var exactDecimal: Decimal? {
        switch kind {
        case .notANumber: return .nan
        case .infinity: return nil
        case .finite:
            guard let decimal = Decimal(string: description, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            return PostgresNumeric(decimal) == self ? decimal : nil
        }
    }

    // Equality and order are by value: 1.50 == 1.5. NaN equals NaN and sorts above everything,
    // as PostgreSQL orders numeric.
    private var normalized: Kind {
        guard case .finite(let negative, let integer, let fraction) = kind else { return kind }
        var trimmed = Substring(fraction)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        return .finite(negative: negative, integer: integer, fraction: String(trimmed))
    }

    public static func == (lhs: PostgresNumeric, rhs: PostgresNumeric) -> Bool {
        lhs.normalized == rhs.normalized
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(normalized)
    }

    public static func < (lhs: PostgresNumeric, rhs: PostgresNumeric) -> Bool {
        lhs.rank < rhs.rank || (lhs.rank == rhs.rank && lhs.rank == 1 && compareFinite(lhs, rhs) < 0)
    }

    /// 0: -Infinity, 1: finite, 2: +Infinity, 3: NaN.
    private var rank: Int {
        switch kind {
        case .infinity(let negative): negative ? 0 : 2
        case .finite: 1
        case .notANumber: 3
        }
    }

    private static func compareFinite(_ lhs: PostgresNumeric, _ rhs: PostgresNumeric) -> Int {
        guard case .finite(let ln, let li, let lf) = lhs.normalized, case .finite(let rn, let ri, let rf) = rhs.normalized
        else { return 0 }
        if ln != rn { return ln ? -1 : 1 }
        var magnitude: Int
        if li.count != ri.count {
            magnitude = li.count < ri.count ? -1 : 1
        } else if li != ri {
            magnitude = li < ri ? -1 : 1
        } else {
            let width = max(lf.count, rf.count)
            let lp = lf + String(repeating: "0", count: width - lf.count)
            let rp = rf + String(repeating: "0", count: width - rf.count)
            magnitude = lp == rp ? 0 : (lp < rp ? -1 : 1)
        }
        return ln ? -magnitude : magnitude
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = PostgresNumeric(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a decimal number")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension PostgresNumeric: PostgresEncodable, PostgresDecodable {
    public static var postgresDataType: PostgresDataType { .numeric }
    /// Sent as text: the server parses the exact digits.
    public static var postgresFormat: PostgresFormat { .text }

    public func encode(into writer: inout PostgresByteWriter) {
        writer.write(string: description)
    }

    /// Reads numeric's binary form: digit count, weight (of the first base-10000 digit), sign,
    /// display scale, then the base-10000 digits.
    public static func decode(_ value: PostgresBinaryValue) throws -> PostgresNumeric {
        switch value.type {
        case .int2, .int4, .int8:
            return PostgresNumeric(try Int64.decode(value))
        case .numeric:
            break
        default:
            throw PostgresDecodingFailure.typeMismatch(PostgresNumeric.self, value.type)
        }
        let digitCount = Int(try value.integer(at: 0, as: Int16.self))
        let weight = Int(try value.integer(at: 2, as: Int16.self))
        let sign = try value.integer(at: 4, as: UInt16.self)
        let scale = Int(try value.integer(at: 6, as: Int16.self))
        switch sign {
        case 0xC000: return .nan
        case 0xD000: return PostgresNumeric(kind: .infinity(negative: false))
        case 0xF000: return PostgresNumeric(kind: .infinity(negative: true))
        case 0x0000, 0x4000: break
        default: throw PostgresDecodingFailure("numeric value has an invalid sign word 0x\(String(sign, radix: 16))")
        }
        guard digitCount >= 0, scale >= 0 else { throw PostgresDecodingFailure("numeric value has a negative length") }
        try value.requireLength(8 + 2 * digitCount)
        var digits = [Int16]()
        digits.reserveCapacity(digitCount)
        for index in 0..<digitCount {
            let digit = try value.integer(at: 8 + 2 * index, as: Int16.self)
            guard (0..<10_000).contains(digit) else { throw PostgresDecodingFailure("numeric digit out of range") }
            digits.append(digit)
        }
        func group(_ position: Int) -> Int16 {
            position >= 0 && position < digitCount ? digits[position] : 0
        }
        func padded(_ digit: Int16) -> String {
            let text = String(digit)
            return String(repeating: "0", count: 4 - text.count) + text
        }
        var integer = ""
        if weight >= 0 {
            integer = String(group(0))
            if weight >= 1 { for position in 1...weight { integer += padded(group(position)) } }
            if integer.allSatisfy({ $0 == "0" }) { integer = "0" }
        }
        var fraction = ""
        var position = weight + 1
        while fraction.count < scale {
            fraction += padded(group(position))
            position += 1
        }
        if fraction.count > scale { fraction.removeLast(fraction.count - scale) }
        return PostgresNumeric(negative: sign == 0x4000, integer: integer, fraction: fraction)
    }
}

// Decimal travels as numeric text (exact). It decodes from numeric only when the value fits exactly;
// otherwise the error says so rather than rounding money.
extension Decimal: PostgresEncodable, PostgresDecodable {
    public static var postgresDataType: PostgresDataType { .numeric }
    public static var postgresFormat: PostgresFormat { .text }

    public func encode(into writer: inout PostgresByteWriter) {
        writer.write(string: PostgresNumeric(self).description)
    }

    public static func decode(_ value: PostgresBinaryValue) throws -> Decimal {
        let numeric = try PostgresNumeric.decode(value)
        guard let decimal = numeric.exactDecimal else {
            throw PostgresDecodingFailure(
                "numeric value \(numeric) does not fit Decimal exactly (38 significant digits, finite); decode it as PostgresNumeric")
        }
        return decimal
    }
}
