extension PostgresConfiguration {
    /// Parses `postgresql://[user[:password]@][host][:port][/database][?keyword=value&…]`
    /// (`postgres://` too). Components are percent-decoded; a host that is a path (`%2Ftmp%2Fpg` or
    /// `?host=/tmp/pg`) means a Unix-socket folder; `[::1]` brackets an IPv6 address; query keywords
    /// are libpq's. A malformed URL throws `.invalidConfiguration` saying what is wrong.
    ///
    /// ```swift
    /// let config = try PostgresConfiguration(url: "postgresql://app:p%40ss@db.internal:5432/identity?sslmode=require")
    /// ```
    public init(url: String) throws {
        self.init()
        func invalid(_ reason: String) -> PostgresError {
            PostgresError(code: .invalidConfiguration, message: "invalid PostgreSQL URL: \(reason)")
        }
        var rest: Substring
        if url.hasPrefix("postgresql://") {
            rest = url.dropFirst("postgresql://".count)
        } else if url.hasPrefix("postgres://") {
            rest = url.dropFirst("postgres://".count)
        } else {
            throw invalid("it must start with postgresql:// or postgres://")
        }

        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var authority = rest
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.percentDecoded(userInfo[..<colon], part: "user name")
                password = try Self.percentDecoded(userInfo[userInfo.index(after: colon)...], part: "password")
            } else {
                user = try Self.percentDecoded(userInfo, part: "user name")
            }
            if user?.isEmpty == true { user = nil }
        }

        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("unterminated [ in IPv6 host") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let afterHost = authority[authority.index(after: close)...]
            if !afterHost.isEmpty {
                guard afterHost.hasPrefix(":") else { throw invalid("unexpected \"\(afterHost)\" after IPv6 host") }
                try setPort(afterHost.dropFirst(), invalid)
            }
        } else if let colon = authority.lastIndex(of: ":"), !authority.contains(",") {
            let hostPart = authority[..<colon]
            if !hostPart.isEmpty { host = try Self.percentDecoded(hostPart, part: "host") }
            try setPort(authority[authority.index(after: colon)...], invalid)
        } else if !authority.isEmpty {
            // Several hosts (h1:5432,h2:5433) go to libpq as they are.
            host = try Self.percentDecoded(authority, part: "host")
        }

        if !path.isEmpty {
            database = try Self.percentDecoded(path, part: "database name")
        }

        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "=") else {
                throw invalid("query parameter \"\(pair)\" has no value (expected keyword=value)")
            }
            let keyword = try Self.percentDecoded(pair[..<equals], part: "query keyword")
            let value = try Self.percentDecoded(pair[pair.index(after: equals)...], part: "query value")
            do {
                try set(keyword: keyword, value: value)
            } catch let error as PostgresError {
                throw invalid(error.message)
            }
        }
    }

    private mutating func setPort(_ text: Substring, _ invalid: (String) -> PostgresError) throws {
        guard let number = Int(text), (1...65535).contains(number) else {
            throw invalid("port \"\(text)\" is not a number from 1 to 65535")
        }
        port = number
    }

    static func percentDecoded(_ text: Substring, part: String) throws -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw PostgresError(
                    code: .invalidConfiguration,
                    message: "invalid PostgreSQL URL: bad percent-encoding in the \(part) (\"%\" must be followed by two hex digits)")
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw PostgresError(code: .invalidConfiguration, message: "invalid PostgreSQL URL: the \(part) is not valid UTF-8 once decoded")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A `postgresql://` URL for this configuration (password included; keep it out of logs).
    public var url: String {
        func encode(_ text: String) -> String {
            var result = ""
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                    result.append(Character(Unicode.Scalar(byte)))
                default:
                    result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
            }
            return result
        }
        var text = "postgresql://"
        if let user {
            text += encode(user)
            if let password { text += ":" + encode(password) }
            text += "@"
        }
        var query: [String] = []
        if let host {
            if host.hasPrefix("/") {
                query.append("host=" + encode(host))
            } else {
                text += host.contains(":") ? "[\(host)]" : encode(host)
            }
        }
        if let port { text += ":\(port)" }
        text += "/" + (database.map(encode) ?? "")
        if let sslMode { query.append("sslmode=\(sslMode.rawValue)") }
        if let applicationName { query.append("application_name=" + encode(applicationName)) }
        for (keyword, value) in parameters.sorted(by: { $0.key < $1.key }) {
            query.append(encode(keyword) + "=" + encode(value))
        }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text
    }
}
