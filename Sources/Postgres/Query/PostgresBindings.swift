/// The parameter values of one statement, encoded into a single byte buffer (one allocation for all
/// values, handed to libpq without another copy).
///
/// ```swift
/// var bindings = PostgresBindings()
/// try bindings.append(userID)
/// bindings.appendNull()
/// let query = PostgresQuery(sql: "UPDATE users SET bio = $2 WHERE id = $1", bindings: bindings)
/// ```
public struct PostgresBindings: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var type: UInt32
        var format: Int16
        var offset: Int32
        /// -1 for SQL NULL.
        var length: Int32
    }

    var bytes: [UInt8] = []
    var entries: [Entry] = []
    /// An encoding failure from string interpolation (which cannot throw), reported when the query runs.
    var deferredError: PostgresError?

    public init() {}

    /// The number of parameters.
    public var count: Int { entries.count }

    /// Appends a parameter (`$n`, n = count after the call); throws if the value cannot be encoded.
    public mutating func append<Value: PostgresEncodable>(_ value: Value) throws {
        var writer = PostgresByteWriter(bytes: [])
        swap(&writer.bytes, &bytes)
        let start = writer.count
        do {
            try value.encode(into: &writer)
        } catch {
            writer.bytes.removeSubrange(start...)
            swap(&writer.bytes, &bytes)
            let reason = (error as? PostgresEncodingFailure)?.reason ?? "\(error)"
            throw PostgresError(code: .encoding, message: "parameter $\(entries.count + 1) (\(Value.self)): \(reason)")
        }
        let isNull = writer.isNull
        if isNull { writer.bytes.removeSubrange(start...) }
        swap(&writer.bytes, &bytes)
        let length = bytes.count - start
        // libpq reads text-format values as NUL-terminated C strings (it ignores their length).
        if !isNull && Value.postgresFormat == .text { bytes.append(0) }
        guard length <= Int(Int32.max) else {
            bytes.removeSubrange(start...)
            throw PostgresError(code: .encoding, message: "parameter $\(entries.count + 1) is larger than 2 GiB")
        }
        entries.append(Entry(
            type: Value.postgresDataType.oid, format: Value.postgresFormat.rawValue,
            offset: Int32(start), length: isNull ? -1 : Int32(length)))
    }

    /// Appends a NULL parameter whose type the server infers.
    public mutating func appendNull() {
        entries.append(Entry(type: 0, format: 0, offset: Int32(bytes.count), length: -1))
    }

    /// Appends, remembering the first failure instead of throwing (for string interpolation).
    mutating func appendDeferringErrors<Value: PostgresEncodable>(_ value: Value) {
        do {
            try append(value)
        } catch {
            if deferredError == nil { deferredError = error as? PostgresError }
            appendNull()
        }
    }

    /// The declared parameter types, in order (part of a prepared statement's identity).
    var types: [UInt32] { entries.map(\.type) }
}
