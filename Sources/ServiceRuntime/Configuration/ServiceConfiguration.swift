import EventKit
import Foundation
import HTTPKit
import Logging
import Postgres

/// A service's settings, read once from the environment at start (12-factor).
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `DATABASE_URL` | required | the service's own database (`postgresql://identity:…@127.0.0.1:5432/identity`) |
/// | `DB_POOL_MAX` | 10 | connections in the pool |
/// | `PORT`, `HTTP_HOST`, `HTTP_*` | the service's port (4001 identity, 4002 learning), `127.0.0.1` | HTTP server (see HTTPKit) |
/// | `LOG_LEVEL` | `info` | swift-log level (`trace` … `critical`) |
/// | `MIGRATE_ON_START` | `true` | apply pending migrations before serving |
/// | `AUTH_ISSUER` | `identity` | the `iss` tokens must carry |
/// | `AUTH_JWKS_URL` | `http://127.0.0.1:4001/.well-known/jwks.json` | where subgraphs other than Identity fetch the token keys |
/// | `EVENTS_*` | see EventKit | the event feed and consumers |
/// | `<PRODUCER>_EVENTS_URL` | `http://127.0.0.1:4001` for identity | where a consumer reads a producer's feed (`IDENTITY_EVENTS_URL`) |
public struct ServiceConfiguration: Sendable {
    public var serviceName: String
    public var database: PostgresConfiguration
    public var poolSize: Int
    public var http: HTTPServerConfiguration
    public var logLevel: Logger.Level
    public var migrateOnStart: Bool
    public var authIssuer: String
    public var jwksURL: ServiceURL
    public var events: EventConfiguration
    /// The whole environment, for service-specific keys.
    public var environment: [String: String]

    /// A problem with one variable.
    public struct Invalid: Error, CustomStringConvertible {
        public var key: String
        public var reason: String
        public var description: String { "\(key): \(reason)" }
    }

    public init(serviceName: String, defaultPort: Int, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.serviceName = serviceName
        self.environment = environment
        guard let url = environment["DATABASE_URL"], !url.isEmpty else {
            throw Invalid(key: "DATABASE_URL", reason: "required (postgresql://user:password@host:port/\(serviceName))")
        }
        do {
            database = try PostgresConfiguration(url: url)
        } catch {
            throw Invalid(key: "DATABASE_URL", reason: "\(error)")
        }
        if database.applicationName == nil { database.applicationName = serviceName }
        poolSize = try Self.integer(environment, "DB_POOL_MAX", default: 10)
        http = try HTTPServerConfiguration(environment: environment, defaultPort: defaultPort)
        let level = environment["LOG_LEVEL"] ?? "info"
        guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
            throw Invalid(key: "LOG_LEVEL", reason: "one of trace, debug, info, notice, warning, error, critical")
        }
        logLevel = parsed
        migrateOnStart = (environment["MIGRATE_ON_START"] ?? "true").lowercased() != "false"
        authIssuer = environment["AUTH_ISSUER"] ?? "identity"
        jwksURL = try Self.url(environment, "AUTH_JWKS_URL", default: "http://127.0.0.1:4001/.well-known/jwks.json")
        events = try EventConfiguration(environment: environment)
    }

    /// The feed URL of `producer` (`<PRODUCER>_EVENTS_URL`).
    public func eventsURL(producer: String, default defaultURL: String) throws -> ServiceURL {
        try Self.url(environment, producer.uppercased() + "_EVENTS_URL", default: defaultURL)
    }

    static func integer(_ environment: [String: String], _ key: String, default value: Int) throws -> Int {
        guard let text = environment[key] else { return value }
        guard let parsed = Int(text), parsed > 0 else { throw Invalid(key: key, reason: "a positive integer") }
        return parsed
    }

    static func url(_ environment: [String: String], _ key: String, default value: String) throws -> ServiceURL {
        let text = environment[key] ?? value
        guard let url = ServiceURL(text) else { throw Invalid(key: key, reason: "an http://host:port[/path] URL") }
        return url
    }
}

/// An `http://host:port/path` address of another service (cleartext inside the cluster; h2c).
public struct ServiceURL: Sendable, Hashable, CustomStringConvertible {
    public var upstream: HTTPUpstream
    public var path: String

    public init?(_ text: String) {
        guard let components = URLComponents(string: text), components.scheme == "http", let host = components.host else { return nil }
        upstream = HTTPUpstream(host: host, port: components.port ?? 80)
        path = components.path.isEmpty ? "/" : components.path
    }

    public var description: String { "http://\(upstream.authority)\(path)" }
}
