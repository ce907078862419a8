import Foundation

// bytea: raw bytes both ways.
extension Data: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .bytea }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .byteaArray }

    public func encode(into writer: inout PostgresByteWriter) {
        writer.write(bytes: self)
    }

    public static func decode(_ value: PostgresBinaryValue) throws -> Data {
        guard value.type == .bytea else { throw PostgresDecodingFailure.typeMismatch(Data.self, value.type) }
        return Data(value.bytes)
    }
}
