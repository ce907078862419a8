/// The labels of a progressive `@override(from:, label:)` (Federation 2.7): `percent(x)` with
/// `x` from 0 to 100 (at most two integer digits and eight decimals, or exactly `100`), or a
/// custom label that starts with a letter followed by letters, digits, `_`, `-`, `:`, `.` or `/`.
enum OverrideLabel {
    static func isValid(_ label: String) -> Bool {
        isPercent(label) || isCustom(label)
    }

    static func isCustom(_ label: String) -> Bool {
        let bytes = Array(label.utf8)
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.dropFirst().allSatisfy { byte in
            isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
        }
    }

    static func isPercent(_ label: String) -> Bool {
        guard label.hasPrefix("percent("), label.hasSuffix(")"), label.count > "percent()".count else { return false }
        let number = Array(label.utf8.dropFirst("percent(".count).dropLast())
        if number == Array("100".utf8) { return true }
        let parts = number.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts[0].count), parts[0].allSatisfy(isDigit) else { return false }
        if parts.count == 1 { return true }
        return parts.count == 2 && (1...8).contains(parts[1].count) && parts[1].allSatisfy(isDigit)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
