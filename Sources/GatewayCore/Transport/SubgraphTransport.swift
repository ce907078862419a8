import HTTPKit
import NIOCore
import NIOHTTP1

/// Sends one GraphQL request body to a subgraph and returns the response body.
public protocol SubgraphTransport: Sendable {
    /// Posts `body` (a GraphQL-over-HTTP JSON request) to `subgraph`; throws on transport
    /// failures, timeouts and non-2xx statuses.
    func send(_ body: [UInt8], to subgraph: SubgraphEndpoint, headers: [(name: String, value: String)]) async throws -> [UInt8]
}

/// A subgraph request that did not produce a GraphQL response.
public struct SubgraphRequestError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Sends subgraph requests with HTTPKit's client: HTTP/2 with prior knowledge (h2c), one
/// multiplexed connection per subgraph, concurrent requests as concurrent streams.
public struct HTTPSubgraphTransport: SubgraphTransport {
    public let client: HTTPClient
    public let requestTimeout: TimeAmount
    public let wireProtocol: HTTPClientProtocol

    public init(client: HTTPClient, requestTimeout: TimeAmount = .seconds(30), wireProtocol: HTTPClientProtocol = .http2) {
        self.client = client
        self.requestTimeout = requestTimeout
        self.wireProtocol = wireProtocol
    }

    public func send(_ body: [UInt8], to subgraph: SubgraphEndpoint, headers: [(name: String, value: String)]) async throws -> [UInt8] {
        guard let address = SubgraphAddress(url: subgraph.url) else {
            throw SubgraphRequestError("invalid subgraph URL \"\(subgraph.url)\"")
        }
        var requestHeaders = HTTPHeaders()
        requestHeaders.add(name: "content-type", value: "application/json")
        requestHeaders.add(name: "accept", value: "application/graphql-response+json, application/json")
        for header in headers { requestHeaders.add(name: header.name, value: header.value) }
        let request = HTTPClientRequest(method: .POST, path: address.path, headers: requestHeaders,
                                        body: ByteBuffer(bytes: body), timeout: requestTimeout)
        let response = try await client.send(request, to: HTTPUpstream(host: address.host, port: address.port, protocol: wireProtocol))
        guard (200..<300).contains(response.status.code) || response.headers.first(name: "content-type")?.contains("graphql-response") == true else {
            throw SubgraphRequestError("HTTP status \(response.status.code)")
        }
        return Array(response.body.readableBytesView)
    }
}

/// Host, port and path of an `http://host:port/path` subgraph URL.
struct SubgraphAddress: Hashable {
    var host: String
    var port: Int
    var path: String

    init?(url: String) {
        var rest = Substring(url)
        if rest.hasPrefix("http://") { rest = rest.dropFirst(7) } else { return nil }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        path = slash == rest.endIndex ? "/" : String(rest[slash...])
        if let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]) {
            host = String(authority[..<colon])
            self.port = port
        } else {
            host = String(authority)
            port = 80
        }
        if host.isEmpty { return nil }
    }
}
