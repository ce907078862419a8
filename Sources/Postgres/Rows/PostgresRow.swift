import Foundation

/// One row of `PostgresRows`. Decode columns by name or position into any `PostgresDecodable` type;
/// a mismatch throws a `PostgresError` (code `.decoding`) naming the column, its type and the Swift type.
///
/// ```swift
/// let email = try row.decode(String.self, "email")
/// let bio = try row.decode(String?.self, "bio")          // NULL → nil
/// let (id, rate) = try row.decode((UUID, Decimal).self)  // by position
/// ```
public struct PostgresRow: Sendable {
    public let rows: PostgresRows
    public let index: Int

    /// Decodes the column called `column`.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws -> T {
        guard let position = rows.columnIndex(named: column) else {
            let names = rows.columns.map(\.name).joined(separator: ", ")
            throw PostgresError(
                code: .decoding, message: "no column named \"\(column)\" (columns: \(names))", column: column)
        }
        return try decode(type, at: position)
    }

    /// Decodes the column at `position` (0-based).
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at position: Int) throws -> T {
        guard position >= 0 && position < rows.columns.count else {
            throw PostgresError(
                code: .decoding, message: "column index \(position) out of range: the row has \(rows.columns.count) columns")
        }
        do {
            if rows.isNull(row: index, column: position) { return try T.decodeNull() }
            return try rows.withValue(row: index, column: position) { try T.decode($0) }
        } catch let failure as PostgresDecodingFailure {
            let column = rows.columns[position]
            throw PostgresError(
                code: .decoding,
                message: "column \"\(column.name)\" (index \(position), \(column.type)) as \(T.self): \(failure.reason)",
                column: column.name)
        }
    }

    /// Decodes the first columns, in order, into a tuple: `row.decode((UUID, String).self)`.
    public func decode<each T: PostgresDecodable>(_ types: (repeat each T).Type) throws -> (repeat each T) {
        var position = 0
        func next<U: PostgresDecodable>(_ type: U.Type) throws -> U {
            defer { position += 1 }
            return try decode(U.self, at: position)
        }
        return (repeat try next((each T).self))
    }

    /// Decodes a json/jsonb column into a `Decodable` value.
    public func decodeJSON<T: Decodable>(_ type: T.Type, _ column: String, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        let json = try decode(PostgresJSON.self, column)
        do {
            return try json.decode(type, decoder: decoder)
        } catch {
            throw PostgresError(
                code: .decoding, message: "column \"\(column)\" as \(T.self): invalid JSON for this type: \(error)", column: column)
        }
    }

    /// Whether the column called `column` is NULL in this row.
    public func isNull(_ column: String) throws -> Bool {
        guard let position = rows.columnIndex(named: column) else {
            throw PostgresError(code: .decoding, message: "no column named \"\(column)\"", column: column)
        }
        return rows.isNull(row: index, column: position)
    }
}
