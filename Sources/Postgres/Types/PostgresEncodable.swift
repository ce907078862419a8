/// Where a parameter's bytes are written: appends to the query's one parameter buffer, no copies.
public struct PostgresByteWriter: ~Copyable {
    var bytes: [UInt8]
    var isNull = false

    init(bytes: consuming [UInt8]) {
        self.bytes = bytes
    }

    public mutating func write<T: FixedWidthInteger>(integer: T) {
        withUnsafeBytes(of: integer.bigEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(bytes newBytes: some Sequence<UInt8>) {
        bytes.append(contentsOf: newBytes)
    }

    public mutating func write(string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Marks the value as SQL NULL (whatever was written is discarded).
    public mutating func writeNull() {
        isNull = true
    }

    var count: Int { bytes.count }
    mutating func overwrite<T: FixedWidthInteger>(integer: T, at offset: Int) {
        withUnsafeBytes(of: integer.bigEndian) { source in
            for index in 0..<source.count { bytes[offset + index] = source[index] }
        }
    }
}

/// A Swift type that can be sent as a query parameter.
///
/// ```swift
/// extension Money: PostgresEncodable {
///     static var postgresDataType: PostgresDataType { .int8 }
///     static var postgresFormat: PostgresFormat { .binary }
///     func encode(into writer: inout PostgresByteWriter) throws { writer.write(integer: Int64(cents)) }
/// }
/// ```
public protocol PostgresEncodable: Sendable {
    /// The parameter type announced to the server (`.unspecified` lets the server infer it).
    static var postgresDataType: PostgresDataType { get }
    /// Whether `encode` writes the text or the binary representation.
    static var postgresFormat: PostgresFormat { get }
    /// Appends the value's representation.
    func encode(into writer: inout PostgresByteWriter) throws
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { Wrapped.postgresDataType }
    public static var postgresFormat: PostgresFormat { Wrapped.postgresFormat }

    public func encode(into writer: inout PostgresByteWriter) throws {
        switch self {
        case .none: writer.writeNull()
        case .some(let value): try value.encode(into: &writer)
        }
    }
}

/// Why a value could not be encoded as a parameter.
public struct PostgresEncodingFailure: Error, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}
