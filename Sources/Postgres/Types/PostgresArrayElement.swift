/// A type whose values can be elements of a one-dimensional array parameter (`int[]`, `text[]`,
/// `uuid[]`, …), sent in binary format. Arrays decode from any one-dimensional array column whose
/// elements decode as `Element`; optional elements accept NULLs.
///
/// ```swift
/// let rows = try await db.query("SELECT id, name FROM users WHERE id = ANY(\(ids))")  // ids: [UUID]
/// let tags = try row.decode([String].self, "tags")
/// ```
public protocol PostgresArrayElement: PostgresEncodable, PostgresDecodable {
    /// The array type announced for `[Self]` parameters.
    static var postgresArrayDataType: PostgresDataType { get }
    /// The element type written into the array header (defaults to `postgresDataType`).
    static var postgresArrayElementType: PostgresDataType { get }
}

extension PostgresArrayElement {
    public static var postgresArrayElementType: PostgresDataType { postgresDataType }
}

extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement {
    public static var postgresArrayDataType: PostgresDataType { Wrapped.postgresArrayDataType }
    public static var postgresArrayElementType: PostgresDataType { Wrapped.postgresArrayElementType }
}

extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { Element.postgresArrayDataType }
    public static var postgresFormat: PostgresFormat { .binary }

    public func encode(into writer: inout PostgresByteWriter) throws {
        guard count <= Int(Int32.max) else { throw PostgresEncodingFailure("array has too many elements") }
        writer.write(integer: Int32(isEmpty ? 0 : 1))  // dimensions
        let hasNullOffset = writer.count
        writer.write(integer: Int32(0))  // has NULLs, patched below
        writer.write(integer: Element.postgresArrayElementType.oid)
        if isEmpty { return }
        writer.write(integer: Int32(count))
        writer.write(integer: Int32(1))  // lower bound
        var hasNull = false
        for element in self {
            let lengthOffset = writer.count
            writer.write(integer: Int32(0))
            try element.encode(into: &writer)
            if writer.isNull {
                writer.isNull = false
                hasNull = true
                writer.bytes.removeSubrange((lengthOffset + 4)...)
                writer.overwrite(integer: Int32(-1), at: lengthOffset)
            } else {
                let length = writer.count - lengthOffset - 4
                guard length <= Int(Int32.max) else { throw PostgresEncodingFailure("array element too large") }
                writer.overwrite(integer: Int32(length), at: lengthOffset)
            }
        }
        if hasNull { writer.overwrite(integer: Int32(1), at: hasNullOffset) }
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    public static func decode(_ value: PostgresBinaryValue) throws -> [Element] {
        guard value.type.isArray else { throw PostgresDecodingFailure.typeMismatch([Element].self, value.type) }
        let dimensions = try value.integer(at: 0, as: Int32.self)
        let elementType = PostgresDataType(oid: try value.integer(at: 8, as: UInt32.self))
        if dimensions == 0 { return [] }
        guard dimensions == 1 else {
            throw PostgresDecodingFailure("\(value.type) value has \(dimensions) dimensions; only one-dimensional arrays decode as \([Element].self)")
        }
        let count = Int(try value.integer(at: 12, as: Int32.self))
        guard count >= 0 else { throw PostgresDecodingFailure("array has a negative length") }
        var offset = 20
        var result: [Element] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            let length = Int(try value.integer(at: offset, as: Int32.self))
            offset += 4
            do {
                if length < 0 {
                    result.append(try Element.decodeNull())
                    continue
                }
                guard offset + length <= value.bytes.count else {
                    throw PostgresDecodingFailure("array element runs past the end of the value")
                }
                let elementBytes = UnsafeRawBufferPointer(rebasing: value.bytes[offset..<(offset + length)])
                result.append(try Element.decode(PostgresBinaryValue(type: elementType, bytes: elementBytes)))
                offset += length
            } catch let failure as PostgresDecodingFailure {
                throw PostgresDecodingFailure("array element \(index + 1): \(failure.reason)")
            }
        }
        return result
    }
}

extension PostgresDataType {
    static let knownArrayTypes: Set<PostgresDataType> = [
        .boolArray, .byteaArray, .nameArray, .int2Array, .int4Array, .textArray, .bpcharArray,
        .varcharArray, .int8Array, .float4Array, .float8Array, .timestampArray, .dateArray,
        .timestamptzArray, .numericArray, .uuidArray, .jsonArray, .jsonbArray,
    ]

    /// Whether this is a built-in array type, or a user-defined type (an enum's array, say).
    var isArray: Bool {
        PostgresDataType.knownArrayTypes.contains(self) || oid >= PostgresDataType.firstUserDefinedOID
    }
}
