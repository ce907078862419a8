/// `application/x-www-form-urlencoded` decoding of URL query components: `%XX` escapes and
/// `+` for a space.
enum PercentDecoding {
    /// Decodes one component; a `%` not followed by two hex digits makes the request malformed.
    /// Invalid UTF-8 after decoding is replaced (U+FFFD), as for any other text.
    static func decode(_ bytes: Substring.UTF8View.SubSequence) throws(GraphQLRequestParameters.Malformed) -> String {
        if !bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
            return String(Substring(bytes))
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let high = bytes.index(after: index)
                guard high != bytes.endIndex, bytes.index(after: high) != bytes.endIndex,
                      let upper = hexValue(bytes[high]), let lower = hexValue(bytes[bytes.index(after: high)]) else {
                    throw GraphQLRequestParameters.Malformed(message: "The URL has a malformed percent escape.")
                }
                output.append(upper << 4 | lower)
                index = bytes.index(high, offsetBy: 2)
            } else {
                output.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = bytes.index(after: index)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
