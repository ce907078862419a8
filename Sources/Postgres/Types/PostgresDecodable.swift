/// One non-NULL column value as the server sent it (binary format), valid only during a `decode` call.
public struct PostgresBinaryValue {
    /// The column's type.
    public let type: PostgresDataType
    /// The value's bytes; they belong to the result and must not be kept.
    public let bytes: UnsafeRawBufferPointer

    public init(type: PostgresDataType, bytes: UnsafeRawBufferPointer) {
        self.type = type
        self.bytes = bytes
    }

    /// Reads a big-endian integer at `offset` (checked against the value's length).
    public func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type = T.self) throws -> T {
        guard offset >= 0, offset + MemoryLayout<T>.size <= bytes.count else {
            throw PostgresDecodingFailure("value of \(type) is \(bytes.count) bytes, too short to read \(T.self) at byte \(offset)")
        }
        return T(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The bytes as UTF-8 text.
    public var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    func requireLength(_ length: Int) throws {
        guard bytes.count == length else {
            throw PostgresDecodingFailure("expected \(length) bytes for \(type), got \(bytes.count)")
        }
    }
}

/// Why a value could not be decoded; `PostgresRow` wraps it in a `PostgresError` naming the column.
public struct PostgresDecodingFailure: Error, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }

    /// The standard "this Swift type does not read that PostgreSQL type" failure.
    public static func typeMismatch<T>(_ swiftType: T.Type, _ type: PostgresDataType) -> PostgresDecodingFailure {
        PostgresDecodingFailure("cannot decode \(type) as \(T.self)")
    }
}

/// A Swift type that can be read from a column (binary format).
///
/// ```swift
/// extension Money: PostgresDecodable {
///     static func decode(_ value: PostgresBinaryValue) throws -> Money {
///         Money(cents: try Int.decode(value))
///     }
/// }
/// ```
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value.
    static func decode(_ value: PostgresBinaryValue) throws -> Self
    /// The value for SQL NULL; throws unless the type can represent it (`Optional` can).
    static func decodeNull() throws -> Self
}

extension PostgresDecodable {
    public static func decodeNull() throws -> Self {
        throw PostgresDecodingFailure("value is NULL; decode as \(Self.self)? to accept NULL")
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(_ value: PostgresBinaryValue) throws -> Wrapped? {
        try Wrapped.decode(value)
    }

    public static func decodeNull() throws -> Wrapped? { nil }
}
