import CLibPQ

/// Where and how to connect: host (name, address, or a socket folder), port, role, password,
/// database, TLS mode, and any other libpq keyword.
///
/// ```swift
/// let config = try PostgresConfiguration(url: "postgresql://learning:secret@127.0.0.1:5432/learning?sslmode=disable")
/// var local = PostgresConfiguration(host: "/tmp/pg-sockets", port: 5433, user: "postgres", database: "identity")
/// local.applicationName = "identity-service"
/// ```
public struct PostgresConfiguration: Sendable, Hashable {
    /// libpq's `sslmode`.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Host name, IP address, or the absolute path of a Unix-socket folder; `nil` means libpq's
    /// default (`PGHOST`, else the local socket).
    public var host: String?
    public var port: Int?
    public var user: String?
    public var password: String?
    public var database: String?
    public var sslMode: SSLMode?
    public var applicationName: String?
    /// How long a connection attempt may take before it fails with `.timeout`.
    public var connectTimeout: Duration = .seconds(10)
    /// Further libpq keywords (`options`, `target_session_attrs`, `sslrootcert`, …).
    public var parameters: [String: String] = [:]

    public init(
        host: String? = nil, port: Int? = nil, user: String? = nil, password: String? = nil,
        database: String? = nil, sslMode: SSLMode? = nil
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
    }

    /// Parses a libpq keyword/value string (`host=/tmp port=5433 dbname=identity user='x y'`)
    /// with libpq's own parser.
    public init(connectionString: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &errorMessage) else {
            let message = errorMessage.map { String(cString: $0) } ?? "out of memory"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(
                code: .invalidConfiguration,
                message: "invalid connection string: \(message.trimmingTrailingWhitespace)")
        }
        defer { PQconninfoFree(options) }
        self.init()
        var option = options
        while let keywordPointer = option.pointee.keyword {
            if let valuePointer = option.pointee.val {
                try set(keyword: String(cString: keywordPointer), value: String(cString: valuePointer))
            }
            option += 1
        }
    }

    /// Sets one libpq keyword, routing the common ones to their properties.
    public mutating func set(keyword: String, value: String) throws {
        switch keyword {
        case "host": host = value
        case "port":
            guard let number = Int(value), (1...65535).contains(number) else {
                throw PostgresError(code: .invalidConfiguration, message: "invalid port \"\(value)\": expected 1-65535")
            }
            port = number
        case "user": user = value
        case "password": password = value
        case "dbname": database = value
        case "sslmode":
            guard let mode = SSLMode(rawValue: value) else {
                let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw PostgresError(code: .invalidConfiguration, message: "invalid sslmode \"\(value)\": expected one of \(modes)")
            }
            sslMode = mode
        case "application_name": applicationName = value
        case "connect_timeout":
            guard let seconds = Int(value), seconds >= 0 else {
                throw PostgresError(code: .invalidConfiguration, message: "invalid connect_timeout \"\(value)\": expected whole seconds")
            }
            connectTimeout = seconds == 0 ? .seconds(365 * 86_400) : .seconds(seconds)
        default:
            guard Self.knownKeywords.contains(keyword) else {
                throw PostgresError(code: .invalidConfiguration, message: "unknown connection parameter \"\(keyword)\"")
            }
            parameters[keyword] = value
        }
    }

    /// Every keyword this libpq understands (from `PQconndefaults`).
    static let knownKeywords: Set<String> = {
        var keywords: Set<String> = []
        guard let defaults = PQconndefaults() else { return keywords }
        defer { PQconninfoFree(defaults) }
        var option = defaults
        while let keyword = option.pointee.keyword {
            keywords.insert(String(cString: keyword))
            option += 1
        }
        return keywords
    }()

    /// The keyword/value pairs handed to `PQconnectStartParams`. `client_encoding` is always UTF8.
    var libpqKeywords: [(String, String)] {
        var pairs: [(String, String)] = []
        if let host { pairs.append(("host", host)) }
        if let port { pairs.append(("port", String(port))) }
        if let user { pairs.append(("user", user)) }
        if let password { pairs.append(("password", password)) }
        if let database { pairs.append(("dbname", database)) }
        if let sslMode { pairs.append(("sslmode", sslMode.rawValue)) }
        if let applicationName { pairs.append(("application_name", applicationName)) }
        for (keyword, value) in parameters.sorted(by: { $0.key < $1.key }) where keyword != "client_encoding" {
            pairs.append((keyword, value))
        }
        pairs.append(("client_encoding", "UTF8"))
        return pairs
    }

    /// A short description for logs, without the password.
    public var redactedDescription: String {
        var text = "\(user ?? "(default user)")@\(host ?? "(default host)")"
        if let port { text += ":\(port)" }
        text += "/\(database ?? "(default database)")"
        return text
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
