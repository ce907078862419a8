import Foundation

extension UUID: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .uuid }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .uuidArray }

    public func encode(into writer: inout PostgresByteWriter) {
        withUnsafeBytes(of: uuid) { writer.write(bytes: $0) }
    }

    public static func decode(_ value: PostgresBinaryValue) throws -> UUID {
        guard value.type == .uuid else { throw PostgresDecodingFailure.typeMismatch(UUID.self, value.type) }
        try value.requireLength(16)
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { $0.copyMemory(from: value.bytes) }
        return UUID(uuid: raw)
    }
}
