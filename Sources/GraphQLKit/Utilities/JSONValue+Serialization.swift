extension JSONValue {
    /// The compact JSON text of this value, byte-identical to JavaScript's `JSON.stringify`
    /// for the same value: same escapes (`\n`, `\u0001`, lone surrogates cannot occur in a Swift
    /// string), U+2028 and DEL unescaped, numbers as ECMAScript's Number::toString prints them
    /// (`1e+21`, `1e-7`, `-0` → `0`), and non-finite doubles as `null`.
    public func serialized() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the JSON text of this value to `output` (see ``serialized()``).
    public func write(to output: inout [UInt8]) {
        switch self {
        case .null:
            output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let value):
            output.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .int(let value):
            output.append(contentsOf: String(value).utf8)
        case .double(let value):
            if value.isFinite {
                output.append(contentsOf: formatECMAScriptNumber(value).utf8)
            } else {
                output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            }
        case .string(let value):
            writeJSONString(value, to: &output)
        case .array(let elements):
            output.append(0x5B)
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(0x2C) }
                element.write(to: &output)
            }
            output.append(0x5D)
        case .object(let object):
            output.append(0x7B)
            var first = true
            for (key, value) in object {
                if !first { output.append(0x2C) }
                first = false
                writeJSONString(key, to: &output)
                output.append(0x3A)
                value.write(to: &output)
            }
            output.append(0x7D)
        }
    }
}

private let lowercaseHexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// Appends `value` as a JSON string literal, escaped as `JSON.stringify` escapes.
public func writeJSONString(_ value: String, to output: inout [UInt8]) {
    var value = value
    value.withUTF8 { bytes in
        output.append(0x22)
        var chunkStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<index]))
            chunkStart = index + 1
            output.append(0x5C)
            switch byte {
            case 0x22: output.append(0x22)
            case 0x5C: output.append(0x5C)
            case 0x08: output.append(0x62)
            case 0x0C: output.append(0x66)
            case 0x0A: output.append(0x6E)
            case 0x0D: output.append(0x72)
            case 0x09: output.append(0x74)
            default:
                output.append(contentsOf: [0x75, 0x30, 0x30, lowercaseHexDigits[Int(byte >> 4)], lowercaseHexDigits[Int(byte & 0x0F)]])
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<bytes.count]))
        output.append(0x22)
    }
}

/// Formats a finite double as ECMAScript's Number::toString(x) does (what `String(x)` and
/// `JSON.stringify` print in JavaScript): the shortest digits that round-trip, in plain notation
/// for decimal exponents from -6 to 20 and in `d.ddde±n` notation outside that range.
///
/// ```swift
/// formatECMAScriptNumber(1e21)    // "1e+21"
/// formatECMAScriptNumber(1e-7)    // "1e-7"
/// formatECMAScriptNumber(-0.0)    // "0"
/// formatECMAScriptNumber(100)     // "100"
/// ```
public func formatECMAScriptNumber(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    if value < 0 { return "-" + formatECMAScriptNumber(-value) }
    // Swift's description already holds the shortest round-trip digits; take them apart.
    let text = value.description.utf8
    var digits: [UInt8] = []
    digits.reserveCapacity(20)
    var integerDigitCount = 0
    var seenPoint = false
    var exponent = 0
    var iterator = text.makeIterator()
    while let byte = iterator.next() {
        if byte == 0x2E {
            seenPoint = true
        } else if byte == 0x65 || byte == 0x45 {
            var sign = 1
            var magnitude = 0
            while let next = iterator.next() {
                if next == 0x2D { sign = -1 } else if next == 0x2B { continue } else { magnitude = magnitude * 10 + Int(next - 0x30) }
            }
            exponent = sign * magnitude
        } else {
            digits.append(byte)
            if !seenPoint { integerDigitCount += 1 }
        }
    }
    // value = 0.d1d2d3… × 10^n
    var n = integerDigitCount + exponent
    var leading = 0
    while leading < digits.count - 1 && digits[leading] == 0x30 {
        leading += 1
        n -= 1
    }
    var trailing = digits.count
    while trailing > leading + 1 && digits[trailing - 1] == 0x30 { trailing -= 1 }
    let significant = digits[leading..<trailing]
    let k = significant.count
    var output: [UInt8] = []
    if k <= n && n <= 21 {
        output.append(contentsOf: significant)
        output.append(contentsOf: repeatElement(0x30, count: n - k))
    } else if 0 < n && n <= 21 {
        output.append(contentsOf: significant.prefix(n))
        output.append(0x2E)
        output.append(contentsOf: significant.dropFirst(n))
    } else if -6 < n && n <= 0 {
        output.append(contentsOf: [0x30, 0x2E])
        output.append(contentsOf: repeatElement(0x30, count: -n))
        output.append(contentsOf: significant)
    } else {
        output.append(significant.first!)
        if k > 1 {
            output.append(0x2E)
            output.append(contentsOf: significant.dropFirst())
        }
        output.append(0x65)
        output.append(n - 1 < 0 ? 0x2D : 0x2B)
        output.append(contentsOf: String(abs(n - 1)).utf8)
    }
    return String(decoding: output, as: UTF8.self)
}
