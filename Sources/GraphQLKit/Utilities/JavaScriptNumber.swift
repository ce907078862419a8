/// Converts a string to a number as JavaScript's `Number(string)` does (ECMAScript
/// StringToNumber): surrounding white space and line terminators are ignored, an empty string
/// is 0, `0x`/`0o`/`0b` prefixes read hex, octal and binary, `Infinity` may be signed, and
/// anything else that is not a decimal literal is NaN.
///
/// ```swift
/// javaScriptNumber(" 12 ")     // 12
/// javaScriptNumber("0x1F")     // 31
/// javaScriptNumber("1e3")      // 1000
/// javaScriptNumber("12px")     // NaN
/// ```
public func javaScriptNumber(_ text: String) -> Double {
    let scalars = Array(text.unicodeScalars)
    var start = 0
    var end = scalars.count
    while start < end && isJavaScriptWhiteSpace(scalars[start]) { start += 1 }
    while end > start && isJavaScriptWhiteSpace(scalars[end - 1]) { end -= 1 }
    if start == end { return 0 }
    let body = scalars[start..<end]
    // Non-decimal integers: no sign allowed.
    if body.count > 2, body.first == "0" {
        let marker = body[body.startIndex + 1]
        let radix: Int? = (marker == "x" || marker == "X") ? 16 : (marker == "o" || marker == "O") ? 8 : (marker == "b" || marker == "B") ? 2 : nil
        if let radix {
            var value = 0.0
            for scalar in body.dropFirst(2) {
                guard let digit = digitValue(scalar), digit < radix else { return .nan }
                value = value * Double(radix) + Double(digit)
            }
            return value
        }
    }
    var index = body.startIndex
    var negative = false
    if body[index] == "+" || body[index] == "-" {
        negative = body[index] == "-"
        index += 1
    }
    let rest = String(String.UnicodeScalarView(body[index...]))
    if rest == "Infinity" { return negative ? -.infinity : .infinity }
    guard isStrUnsignedDecimalLiteral(rest), let magnitude = Double(rest) else { return .nan }
    return negative ? -magnitude : magnitude
}

/// `Number.isInteger(value)`.
func isJavaScriptInteger(_ value: Double) -> Bool {
    value.isFinite && value.rounded(.towardZero) == value
}

/// ECMAScript WhiteSpace and LineTerminator code points (what `String.prototype.trim` removes).
private func isJavaScriptWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
        return true
    default:
        return false
    }
}

private func digitValue(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x30...0x39: return Int(scalar.value - 0x30)
    case 0x41...0x46: return Int(scalar.value - 0x41 + 10)
    case 0x61...0x66: return Int(scalar.value - 0x61 + 10)
    default: return nil
    }
}

/// `DecimalDigits . DecimalDigits? ExponentPart?`, `. DecimalDigits ExponentPart?` or
/// `DecimalDigits ExponentPart?` (no numeric separators, unlike source literals).
private func isStrUnsignedDecimalLiteral(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var index = 0
    func digits() -> Int {
        let start = index
        while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        return index - start
    }
    let integerDigits = digits()
    var fractionDigits = 0
    if index < bytes.count && bytes[index] == 0x2E {
        index += 1
        fractionDigits = digits()
    }
    guard integerDigits + fractionDigits > 0 else { return false }
    if index < bytes.count && (bytes[index] == 0x65 || bytes[index] == 0x45) {
        index += 1
        if index < bytes.count && (bytes[index] == 0x2B || bytes[index] == 0x2D) { index += 1 }
        guard digits() > 0 else { return false }
    }
    return index == bytes.count
}
