import CLibPQ

/// The rows a statement returned, read straight from libpq's result (binary format): nothing is
/// copied until a value is decoded.
///
/// ```swift
/// let rows = try await db.query("SELECT id, email, bio FROM users WHERE status = \(status)")
/// for row in rows {
///     let (id, email, bio) = try row.decode((UUID, String, String?).self)
/// }
/// print(rows.affectedRows, rows.commandTag)
/// ```
///
/// `@unchecked Sendable` proof: the wrapped `PGresult` is never modified after `PQgetResult` hands it
/// over (libpq documents results as read-only and safe to read from any thread); this class only
/// reads it, and frees it exactly once, in `deinit`, when no reader can remain.
public final class PostgresRows: @unchecked Sendable, RandomAccessCollection {
    /// A result column: its name and type.
    public struct Column: Sendable, Hashable {
        public let name: String
        public let type: PostgresDataType
    }

    private let result: OpaquePointer
    /// The columns, in order.
    public let columns: [Column]
    /// The number of rows.
    public let count: Int

    /// Takes ownership of `result` (it is freed with this object).
    init(result: OpaquePointer) {
        self.result = result
        let columnCount = Int(PQnfields(result))
        var columns: [Column] = []
        columns.reserveCapacity(columnCount)
        for index in 0..<columnCount {
            let name = PQfname(result, Int32(index)).map { String(cString: $0) } ?? "?column?"
            columns.append(Column(name: name, type: PostgresDataType(oid: PQftype(result, Int32(index)))))
        }
        self.columns = columns
        self.count = Int(PQntuples(result))
    }

    deinit {
        PQclear(result)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> PostgresRow {
        precondition(position >= 0 && position < count, "row index \(position) out of range 0..<\(count)")
        return PostgresRow(rows: self, index: position)
    }

    /// Rows inserted, updated, deleted, selected… as the command tag reports (0 if it has no count).
    public var affectedRows: Int {
        guard let text = PQcmdTuples(result) else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    /// The command tag, e.g. `INSERT 0 1` or `SELECT 3`.
    public var commandTag: String {
        PQcmdStatus(result).map { String(cString: $0) } ?? ""
    }

    /// The index of the column called `name` (exact match, first one wins).
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    func isNull(row: Int, column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) != 0
    }

    func withValue<T>(row: Int, column: Int, _ body: (PostgresBinaryValue) throws -> T) rethrows -> T {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        let pointer = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column)))
        return try body(PostgresBinaryValue(
            type: columns[column].type, bytes: UnsafeRawBufferPointer(start: pointer, count: length)))
    }
}
