import Foundation

/// A JSON document as stored in a `jsonb` (or `json`) column: its UTF-8 text, plus conveniences to go
/// to and from `Codable` values. Sent as `jsonb`.
///
/// ```swift
/// try await db.query("UPDATE user_profiles SET preferences = \(try PostgresJSON(encoding: prefs)) WHERE user_id = \(id)")
/// let prefs = try row.decode(PostgresJSON.self, "preferences").decode(Preferences.self)
/// ```
public struct PostgresJSON: Sendable, Hashable, PostgresEncodable, PostgresDecodable, PostgresArrayElement,
    CustomStringConvertible
{
    /// The JSON text, UTF-8.
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(text: String) { self.bytes = Array(text.utf8) }

    /// Encodes `value` with `encoder` (a fresh `JSONEncoder` by default).
    public init<T: Encodable>(encoding value: T, encoder: JSONEncoder = JSONEncoder()) throws {
        self.bytes = Array(try encoder.encode(value))
    }

    /// Decodes the document into `type`.
    public func decode<T: Decodable>(_ type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(type, from: Data(bytes))
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { text }

    public static var postgresDataType: PostgresDataType { .jsonb }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .jsonbArray }

    public func encode(into writer: inout PostgresByteWriter) {
        writer.write(integer: UInt8(1))  // jsonb binary format version
        writer.write(bytes: bytes)
    }

    public static func decode(_ value: PostgresBinaryValue) throws -> PostgresJSON {
        switch value.type {
        case .jsonb:
            guard let version = value.bytes.first else { throw PostgresDecodingFailure("empty jsonb value") }
            guard version == 1 else { throw PostgresDecodingFailure("unsupported jsonb format version \(version)") }
            return PostgresJSON(bytes: Array(value.bytes.dropFirst()))
        case .json, .text, .varchar:
            return PostgresJSON(bytes: Array(value.bytes))
        default:
            throw PostgresDecodingFailure.typeMismatch(PostgresJSON.self, value.type)
        }
    }
}
