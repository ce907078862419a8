// Text. Parameters go in text format with no declared type, so the server infers the type from the
// statement (a `String` can fill a text, varchar, enum or citext parameter alike). Results decode
// from every textual type, including enums and json/jsonb (as their JSON text).

extension String: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .unspecified }
    public static var postgresFormat: PostgresFormat { .text }
    public static var postgresArrayDataType: PostgresDataType { .textArray }
    public static var postgresArrayElementType: PostgresDataType { .text }

    public func encode(into writer: inout PostgresByteWriter) throws {
        guard !utf8.contains(0) else {
            throw PostgresEncodingFailure("text cannot contain the NUL character (U+0000)")
        }
        writer.write(string: self)
    }

    public static func decode(_ value: PostgresBinaryValue) throws -> String {
        if value.type.isTextual { return value.string }
        if value.type == .jsonb {
            let text = try PostgresJSON.decode(value)
            return String(decoding: text.bytes, as: UTF8.self)
        }
        throw PostgresDecodingFailure.typeMismatch(String.self, value.type)
    }
}
