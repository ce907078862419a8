/// One SQL statement and its parameters. Values are never spliced into the SQL text: each
/// interpolated value becomes a `$n` placeholder and travels separately.
///
/// ```swift
/// let rows = try await db.query("SELECT id, email FROM users WHERE id = \(id) AND status = \(status)")
/// // sql: "SELECT id, email FROM users WHERE id = $1 AND status = $2", two parameters
/// ```
public struct PostgresQuery: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The SQL text with `$1`, `$2`, … placeholders.
    public var sql: String
    public var bindings: PostgresBindings

    /// A statement with explicit placeholders and parameters.
    public init(sql: String, bindings: PostgresBindings = PostgresBindings()) {
        self.sql = sql
        self.bindings = bindings
    }

    public init(stringLiteral value: String) {
        self.init(sql: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(sql: stringInterpolation.sql, bindings: stringInterpolation.bindings)
    }

    public var description: String { sql }

    /// Builds the SQL text and the parameters of an interpolated query.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql: String
        var bindings = PostgresBindings()

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// A parameter: `\(value)` becomes `$n`.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            bindings.appendDeferringErrors(value)
            sql += "$\(bindings.count)"
        }

        /// A parameter that may be NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            bindings.appendDeferringErrors(value)
            sql += "$\(bindings.count)"
        }

        /// An identifier (table, column, channel), double-quoted so it cannot change the statement.
        public mutating func appendInterpolation(identifier: String) {
            sql += PostgresQuoting.identifier(identifier)
        }

        /// Trusted SQL text written by the program (never user input), inserted as is.
        public mutating func appendInterpolation(unescaped sqlText: String) {
            sql += sqlText
        }
    }
}

/// Quoting for the few places SQL cannot take parameters (identifiers; literals in utility
/// statements such as `CREATE ROLE … PASSWORD`).
public enum PostgresQuoting {
    /// `users` → `"users"`, `a"b` → `"a""b"`.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingAll( "\"", with: "\"\"") + "\""
    }

    /// `it's` → `'it''s'` (with `standard_conforming_strings` on, the default since PostgreSQL 9.1;
    /// backslashes are then ordinary characters). NUL characters are removed: text cannot hold them.
    public static func literal(_ value: String) -> String {
        "'" + value.replacingAll( "\0", with: "").replacingAll( "'", with: "''") + "'"
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
