/// Formats a value for an error message the way graphql-js's `inspect` does: strings quoted as
/// JSON, objects as `{ key: value }`, arrays as `[a, b]` (at most ten items, then
/// `... N more items`), and anything nested deeper than two levels as `[Object]` / `[Array]`.
///
/// ```swift
/// inspect(.string("a"))                    // "\"a\""
/// inspect(["a": 1, "b": [true]])           // "{ a: 1, b: [true] }"
/// inspect(.double(1.5))                    // "1.5"
/// ```
public func inspect(_ value: JSONValue) -> String {
    var output = ""
    formatInspected(value, depth: 0, into: &output)
    return output
}

/// ``inspect(_:)`` for a resolver's value; Swift objects print as Swift describes them.
public func inspect(_ value: ResolvedValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let bool): return bool ? "true" : "false"
    case .int(let int): return String(int)
    case .double(let double): return formatECMAScriptNumber(double)
    case .string(let string): return inspect(JSONValue.string(string))
    case .json(let json): return inspect(json)
    case .list(let items):
        if let json = value.jsonValue { return inspect(json) }
        return "[" + items.prefix(10).map(inspect).joined(separator: ", ") + (items.count > 10 ? ", ..." : "") + "]"
    case .strings(let strings): return inspect(JSONValue.array(strings.map(JSONValue.string)))
    case .object(let object): return object.debugDescription
    case .objects(let objects):
        if objects.count == 0 { return "[]" }
        return "[" + (0..<min(objects.count, 10)).map { objects[$0].debugDescription }.joined(separator: ", ") + (objects.count > 10 ? ", ..." : "") + "]"
    case .error(let error): return String(describing: error)
    }
}

private let maxInspectedArrayLength = 10
private let maxInspectedDepth = 2

private func formatInspected(_ value: JSONValue, depth: Int, into output: inout String) {
    switch value {
    case .null: output += "null"
    case .bool(let bool): output += bool ? "true" : "false"
    case .int(let int): output += String(int)
    case .double(let double): output += formatECMAScriptNumber(double)
    case .string(let string):
        var bytes: [UInt8] = []
        writeJSONString(string, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    case .array(let items):
        if items.isEmpty {
            output += "[]"
            return
        }
        // graphql-js counts the containers it is inside, this one included.
        if depth + 1 > maxInspectedDepth {
            output += "[Array]"
            return
        }
        output += "["
        let shown = min(maxInspectedArrayLength, items.count)
        for index in 0..<shown {
            if index > 0 { output += ", " }
            formatInspected(items[index], depth: depth + 1, into: &output)
        }
        let remaining = items.count - shown
        if remaining == 1 {
            output += ", ... 1 more item"
        } else if remaining > 1 {
            output += ", ... \(remaining) more items"
        }
        output += "]"
    case .object(let object):
        if object.isEmpty {
            output += "{}"
            return
        }
        if depth + 1 > maxInspectedDepth {
            output += "[Object]"
            return
        }
        output += "{ "
        var first = true
        for (key, member) in javaScriptPropertyOrder(object) {
            if !first { output += ", " }
            first = false
            output += key + ": "
            formatInspected(member, depth: depth + 1, into: &output)
        }
        output += " }"
    }
}

/// The members of `object` in the order JavaScript lists an object's own properties: keys
/// that are array indices first, in ascending numeric order, then the others in insertion order.
func javaScriptPropertyOrder(_ object: JSONObject) -> [(String, JSONValue)] {
    var indices: [(UInt32, String, JSONValue)] = []
    var others: [(String, JSONValue)] = []
    for (key, value) in object {
        if let index = arrayIndex(key) {
            indices.append((index, key, value))
        } else {
            others.append((key, value))
        }
    }
    if indices.isEmpty { return others }
    indices.sort { $0.0 < $1.0 }
    return indices.map { ($0.1, $0.2) } + others
}

/// The array index a property key denotes in JavaScript (a canonical decimal below 2^32 - 1).
private func arrayIndex(_ key: String) -> UInt32? {
    let utf8 = key.utf8
    guard let first = utf8.first, first >= 0x30, first <= 0x39, utf8.count <= 10 else { return nil }
    if first == 0x30 && utf8.count > 1 { return nil }
    var value: UInt64 = 0
    for byte in utf8 {
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + UInt64(byte - 0x30)
    }
    return value < 4_294_967_295 ? UInt32(value) : nil
}
