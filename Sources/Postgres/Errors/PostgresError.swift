/// Every failure this module reports: a `code` saying what kind of failure, a message for humans,
/// and — for errors the server raised — the SQLSTATE and the server's detail, hint and context.
///
/// ```swift
/// do {
///     try await db.query("INSERT INTO users (email) VALUES (\(email))")
/// } catch let error as PostgresError where error.sqlState == PostgresError.SQLState.uniqueViolation {
///     // e-mail already taken
/// }
/// ```
public struct PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The server rejected a statement; `sqlState` and the diagnostic fields are set.
        public static let server = Code("server")
        /// A connection could not be established (server down, wrong password, no such database, …).
        public static let connectionFailed = Code("connectionFailed")
        /// The connection broke or was closed while (or before) the request ran.
        public static let connectionClosed = Code("connectionClosed")
        /// A connection URL or keyword set could not be understood.
        public static let invalidConfiguration = Code("invalidConfiguration")
        /// A value could not be decoded into the requested Swift type.
        public static let decoding = Code("decoding")
        /// A parameter could not be encoded (too many parameters, value out of range, …).
        public static let encoding = Code("encoding")
        /// No pooled connection became free within the acquire timeout.
        public static let poolTimeout = Code("poolTimeout")
        /// The pool is shutting down or shut down.
        public static let poolClosed = Code("poolClosed")
        /// A transaction handle was used after its transaction ended.
        public static let transactionFinished = Code("transactionFinished")
        /// A migration set is invalid, or an applied migration was changed.
        public static let migration = Code("migration")
        /// The local cluster manager failed (binaries missing, initdb or start failed, …).
        public static let cluster = Code("cluster")
        /// The server answered something this client does not handle (e.g. COPY).
        public static let unsupported = Code("unsupported")
        /// The connection attempt took longer than the configured connect timeout.
        public static let timeout = Code("timeout")
    }

    /// Frequently checked SQLSTATE codes (PostgreSQL Appendix A).
    public enum SQLState {
        public static let uniqueViolation = "23505"
        public static let foreignKeyViolation = "23503"
        public static let notNullViolation = "23502"
        public static let checkViolation = "23514"
        public static let serializationFailure = "40001"
        public static let deadlockDetected = "40P01"
        public static let syntaxError = "42601"
        public static let undefinedTable = "42P01"
        public static let undefinedColumn = "42703"
        public static let insufficientPrivilege = "42501"
        public static let invalidTextRepresentation = "22P02"
        public static let divisionByZero = "22012"
        public static let inFailedTransaction = "25P02"
        public static let adminShutdown = "57P01"
        public static let queryCanceled = "57014"
        public static let invalidPassword = "28P01"
    }

    public var code: Code
    /// The primary message: the server's, or this client's.
    public var message: String
    /// The five-character SQLSTATE the server sent (`nil` for client-side failures).
    public var sqlState: String?
    /// The server's severity (`ERROR`, `FATAL`, …).
    public var severity: String?
    public var detail: String?
    public var hint: String?
    /// Where the error happened (PL/pgSQL call stack, …).
    public var context: String?
    /// 1-based character position in the statement, when the server gave one.
    public var position: Int?
    public var schema: String?
    public var table: String?
    public var column: String?
    public var constraint: String?
    /// The SQL text of the failing statement, if known.
    public var query: String?

    public init(
        code: Code, message: String, sqlState: String? = nil, severity: String? = nil,
        detail: String? = nil, hint: String? = nil, context: String? = nil, position: Int? = nil,
        schema: String? = nil, table: String? = nil, column: String? = nil, constraint: String? = nil,
        query: String? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.severity = severity
        self.detail = detail
        self.hint = hint
        self.context = context
        self.position = position
        self.schema = schema
        self.table = table
        self.column = column
        self.constraint = constraint
        self.query = query
    }

    public var description: String {
        var text = "PostgresError(\(code))"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let detail { text += " — detail: \(detail)" }
        if let hint { text += " — hint: \(hint)" }
        if let query { text += " — query: \(query)" }
        return text
    }
}
