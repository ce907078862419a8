import NIOCore

extension HTTPServerConfiguration {
    /// A setting from the environment that could not be used.
    public struct EnvironmentError: Error, CustomStringConvertible {
        /// The variable's name.
        public var key: String
        /// The rejected value.
        public var value: String
        /// What was expected instead.
        public var expected: String

        public var description: String { "\(self.key)=\(self.value): expected \(self.expected)" }
    }

    /// Reads the configuration from environment variables (12-factor), starting from the defaults.
    ///
    /// | variable | setting | default |
    /// |---|---|---|
    /// | `HTTP_HOST` | `host` | `127.0.0.1` |
    /// | `PORT` | `port` | `defaultPort` |
    /// | `HTTP_MAX_BODY_BYTES` | `maxBodySize` | 8388608 |
    /// | `HTTP_MAX_HEADER_BYTES` | `maxHeaderSize` | 16384 |
    /// | `HTTP_MAX_CONCURRENT_STREAMS` | `maxConcurrentStreams` | 100 |
    /// | `HTTP_IDLE_TIMEOUT_MS` | `idleTimeout` | 60000 |
    /// | `HTTP_REQUEST_TIMEOUT_MS` | `requestTimeout` | 30000 |
    /// | `HTTP_SHUTDOWN_GRACE_MS` | `shutdownGracePeriod` | 10000 |
    /// | `HTTP_ENABLE_HTTP2` | `enableHTTP2` | `true` |
    ///
    /// ```swift
    /// let configuration = try HTTPServerConfiguration(environment: ProcessInfo.processInfo.environment, defaultPort: 4001)
    /// ```
    public init(environment: [String: String], defaultPort: Int = 8080) throws {
        self.init(host: environment["HTTP_HOST"] ?? "127.0.0.1", port: defaultPort)
        func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let text = environment[key] else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw EnvironmentError(key: key, value: text, expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
        if let port = try integer("PORT", in: 0...65535) { self.port = port }
        if let value = try integer("HTTP_MAX_BODY_BYTES", in: 0...(1 << 31)) { self.maxBodySize = value }
        if let value = try integer("HTTP_MAX_HEADER_BYTES", in: 1024...(1 << 20)) { self.maxHeaderSize = value }
        if let value = try integer("HTTP_MAX_CONCURRENT_STREAMS", in: 1...10_000) { self.maxConcurrentStreams = value }
        if let value = try integer("HTTP_IDLE_TIMEOUT_MS", in: 1...86_400_000) { self.idleTimeout = .milliseconds(Int64(value)) }
        if let value = try integer("HTTP_REQUEST_TIMEOUT_MS", in: 1...86_400_000) { self.requestTimeout = .milliseconds(Int64(value)) }
        if let value = try integer("HTTP_SHUTDOWN_GRACE_MS", in: 0...3_600_000) { self.shutdownGracePeriod = .milliseconds(Int64(value)) }
        if let text = environment["HTTP_ENABLE_HTTP2"] {
            switch text.lowercased() {
            case "1", "true", "yes": self.enableHTTP2 = true
            case "0", "false", "no": self.enableHTTP2 = false
            default: throw EnvironmentError(key: "HTTP_ENABLE_HTTP2", value: text, expected: "true or false")
            }
        }
    }
}
