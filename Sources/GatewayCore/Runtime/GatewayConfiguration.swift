/// The gateway's settings, read once from the environment in `main`.
///
/// | key | default | meaning |
/// |---|---|---|
/// | `GATEWAY_HOST` | `127.0.0.1` | listen address |
/// | `GATEWAY_PORT` (or `PORT`) | `4000` | listen port (HTTP/1.1 and h2c on the same port) |
/// | `GATEWAY_SUPERGRAPH_FILE` | – | supergraph file mode: a join-spec supergraph composed elsewhere, re-read every poll |
/// | `GATEWAY_SUBGRAPHS` | – | polling mode: `name=url,name=url`; each subgraph's `_service { sdl }` is polled and composed |
/// | `GATEWAY_SUBGRAPHS_FILE` | – | polling mode with the list in a file, one `name=url` a line (`#` comments) |
/// | `GATEWAY_POLL_INTERVAL_MS` | `10000` | how often the supergraph source is polled |
/// | `GATEWAY_SUBGRAPH_TIMEOUT_MS` | `30000` | timeout of one subgraph request |
/// | `GATEWAY_PLAN_CACHE_SIZE` | `1000` | cached query plans |
/// | `GATEWAY_JWKS_URL` | – (off) | Identity's key set (`http://127.0.0.1:4001/.well-known/jwks.json`): bearer tokens are verified before planning |
/// | `GATEWAY_TOKEN_ISSUER` | `identity` | the `iss` a token must carry |
/// | `GATEWAY_OVERRIDE_LABELS` | – | progressive `@override` labels switched on, comma-separated (`percent(x)` labels are drawn per request) |
public struct GatewayConfiguration: Sendable {
    public enum Mode: Sendable, Hashable {
        case supergraphFile(String)
        case subgraphs([SubgraphConfiguration])
    }

    public var host = "127.0.0.1"
    public var port = 4000
    public var mode: Mode
    public var pollInterval: Duration = .seconds(10)
    public var subgraphTimeout: Duration = .seconds(30)
    public var planCacheSize = 1000
    /// Where the token keys are fetched; nil = tokens are forwarded without verification.
    public var jwksURL: String?
    public var tokenIssuer = "identity"
    /// Custom progressive-override labels that are active (`GATEWAY_OVERRIDE_LABELS`).
    public var enabledOverrideLabels: Set<String> = []

    public init(mode: Mode) {
        self.mode = mode
    }

    /// Reads the configuration from `environment` (see the table above); `readFile` reads
    /// `GATEWAY_SUBGRAPHS_FILE`.
    public init(environment: [String: String], readFile: ((String) throws -> String)? = nil) throws {
        let readFile = readFile ?? { try FileText.readBlocking($0) }
        if let path = environment["GATEWAY_SUPERGRAPH_FILE"], !path.isEmpty {
            mode = .supergraphFile(path)
        } else if let list = environment["GATEWAY_SUBGRAPHS"], !list.isEmpty {
            mode = .subgraphs(try Self.parseSubgraphs(list.split(separator: ",").map(String.init)))
        } else if let path = environment["GATEWAY_SUBGRAPHS_FILE"], !path.isEmpty {
            mode = .subgraphs(try Self.parseSubgraphs(try readFile(path).split(separator: "\n").map(String.init)))
        } else {
            throw GatewayConfigurationError("Set GATEWAY_SUPERGRAPH_FILE, GATEWAY_SUBGRAPHS or GATEWAY_SUBGRAPHS_FILE.")
        }
        if let host = environment["GATEWAY_HOST"], !host.isEmpty { self.host = host }
        if let port = environment["GATEWAY_PORT"] ?? environment["PORT"] {
            guard let value = Int(port), (0...65535).contains(value) else { throw GatewayConfigurationError("Invalid port \(port).") }
            self.port = value
        }
        if let value = environment["GATEWAY_POLL_INTERVAL_MS"] {
            guard let milliseconds = Int(value), milliseconds > 0 else { throw GatewayConfigurationError("Invalid GATEWAY_POLL_INTERVAL_MS \(value).") }
            pollInterval = .milliseconds(milliseconds)
        }
        if let value = environment["GATEWAY_SUBGRAPH_TIMEOUT_MS"] {
            guard let milliseconds = Int(value), milliseconds > 0 else { throw GatewayConfigurationError("Invalid GATEWAY_SUBGRAPH_TIMEOUT_MS \(value).") }
            subgraphTimeout = .milliseconds(milliseconds)
        }
        if let value = environment["GATEWAY_PLAN_CACHE_SIZE"] {
            guard let size = Int(value), size > 0 else { throw GatewayConfigurationError("Invalid GATEWAY_PLAN_CACHE_SIZE \(value).") }
            planCacheSize = size
        }
        if let url = environment["GATEWAY_JWKS_URL"], !url.isEmpty {
            guard SubgraphAddress(url: url) != nil else { throw GatewayConfigurationError("Invalid GATEWAY_JWKS_URL \(url): expected http://host:port/path.") }
            jwksURL = url
        }
        if let issuer = environment["GATEWAY_TOKEN_ISSUER"], !issuer.isEmpty { tokenIssuer = issuer }
        if let labels = environment["GATEWAY_OVERRIDE_LABELS"] {
            enabledOverrideLabels = Set(labels.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty })
        }
    }

    static func parseSubgraphs(_ entries: [String]) throws -> [SubgraphConfiguration] {
        var result: [SubgraphConfiguration] = []
        for raw in entries {
            let entry = raw.trimmingSpaces
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty, parts[1].hasPrefix("http://") else {
                throw GatewayConfigurationError("Invalid subgraph entry \"\(entry)\": expected name=http://host:port/path.")
            }
            guard !result.contains(where: { $0.name == parts[0] }) else { throw GatewayConfigurationError("Subgraph \(parts[0]) is listed twice.") }
            result.append(SubgraphConfiguration(name: parts[0], url: parts[1]))
        }
        if result.isEmpty { throw GatewayConfigurationError("The subgraph list is empty.") }
        return result
    }
}

/// A configuration value the gateway cannot start with.
public struct GatewayConfigurationError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
