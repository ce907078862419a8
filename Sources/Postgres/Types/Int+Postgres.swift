// Integers: binary big-endian. Decoding widens (an Int reads smallint, integer and bigint) but never
// narrows, so a value that does not fit is a type error, not a silent truncation.

extension Int: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .int8 }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .int8Array }
    public func encode(into writer: inout PostgresByteWriter) { writer.write(integer: Int64(self)) }
    public static func decode(_ value: PostgresBinaryValue) throws -> Int {
        Int(try Int64.decode(value))
    }
}

extension Int64: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .int8 }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .int8Array }
    public func encode(into writer: inout PostgresByteWriter) { writer.write(integer: self) }
    public static func decode(_ value: PostgresBinaryValue) throws -> Int64 {
        switch value.type {
        case .int8: try value.requireLength(8); return try value.integer(at: 0, as: Int64.self)
        case .int4: try value.requireLength(4); return Int64(try value.integer(at: 0, as: Int32.self))
        case .int2: try value.requireLength(2); return Int64(try value.integer(at: 0, as: Int16.self))
        case .oidType: try value.requireLength(4); return Int64(try value.integer(at: 0, as: UInt32.self))
        case .xid8: try value.requireLength(8); return Int64(bitPattern: try value.integer(at: 0, as: UInt64.self))
        default: throw PostgresDecodingFailure.typeMismatch(Int64.self, value.type)
        }
    }
}

extension Int32: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .int4 }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .int4Array }
    public func encode(into writer: inout PostgresByteWriter) { writer.write(integer: self) }
    public static func decode(_ value: PostgresBinaryValue) throws -> Int32 {
        switch value.type {
        case .int4: try value.requireLength(4); return try value.integer(at: 0, as: Int32.self)
        case .int2: try value.requireLength(2); return Int32(try value.integer(at: 0, as: Int16.self))
        default: throw PostgresDecodingFailure.typeMismatch(Int32.self, value.type)
        }
    }
}

extension Int16: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .int2 }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .int2Array }
    public func encode(into writer: inout PostgresByteWriter) { writer.write(integer: self) }
    public static func decode(_ value: PostgresBinaryValue) throws -> Int16 {
        guard value.type == .int2 else { throw PostgresDecodingFailure.typeMismatch(Int16.self, value.type) }
        try value.requireLength(2)
        return try value.integer(at: 0, as: Int16.self)
    }
}

extension Double: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .float8 }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .float8Array }
    public func encode(into writer: inout PostgresByteWriter) { writer.write(integer: bitPattern) }
    public static func decode(_ value: PostgresBinaryValue) throws -> Double {
        switch value.type {
        case .float8: try value.requireLength(8); return Double(bitPattern: try value.integer(at: 0, as: UInt64.self))
        case .float4: try value.requireLength(4); return Double(Float(bitPattern: try value.integer(at: 0, as: UInt32.self)))
        default: throw PostgresDecodingFailure.typeMismatch(Double.self, value.type)
        }
    }
}

extension Float: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .float4 }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .float4Array }
    public func encode(into writer: inout PostgresByteWriter) { writer.write(integer: bitPattern) }
    public static func decode(_ value: PostgresBinaryValue) throws -> Float {
        guard value.type == .float4 else { throw PostgresDecodingFailure.typeMismatch(Float.self, value.type) }
        try value.requireLength(4)
        return Float(bitPattern: try value.integer(at: 0, as: UInt32.self))
    }
}

extension Bool: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .bool }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .boolArray }
    public func encode(into writer: inout PostgresByteWriter) { writer.write(integer: UInt8(self ? 1 : 0)) }
    public static func decode(_ value: PostgresBinaryValue) throws -> Bool {
        guard value.type == .bool else { throw PostgresDecodingFailure.typeMismatch(Bool.self, value.type) }
        try value.requireLength(1)
        return try value.integer(at: 0, as: UInt8.self) != 0
    }
}
