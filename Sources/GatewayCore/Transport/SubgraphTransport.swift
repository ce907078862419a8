import HTTPKit
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// Sends one GraphQL request body to a subgraph and returns the response body.
public protocol SubgraphTransport: Sendable {
    /// Posts `body` (a GraphQL-over-HTTP JSON request) to `subgraph`; throws on transport
    /// failures, timeouts and non-2xx statuses.
    func send(_ body: [UInt8], to subgraph: SubgraphEndpoint, headers: [(name: String, value: String)]) async throws -> [UInt8]

    /// Sends several requests concurrently and returns their results in order. The default
    /// runs ``send(_:to:headers:)`` in a child task per request.
    func sendAll(_ requests: [(body: [UInt8], subgraph: SubgraphEndpoint)], headers: [(name: String, value: String)]) async -> [Result<[UInt8], any Error>]
}

extension SubgraphTransport {
    public func sendAll(_ requests: [(body: [UInt8], subgraph: SubgraphEndpoint)], headers: [(name: String, value: String)]) async -> [Result<[UInt8], any Error>] {
        let finished = await withTaskGroup(of: SubgraphOutcome.self, returning: [SubgraphOutcome].self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask {
                    do { return SubgraphOutcome(index: index, result: .success(try await send(request.body, to: request.subgraph, headers: headers))) }
                    catch { return SubgraphOutcome(index: index, result: .failure(error)) }
                }
            }
            var outcomes: [SubgraphOutcome] = []
            outcomes.reserveCapacity(requests.count)
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var results = [Result<[UInt8], any Error>](repeating: .failure(SubgraphRequestError("not sent")), count: requests.count)
        for outcome in finished { results[outcome.index] = outcome.result }
        return results
    }
}

/// The result of one of several concurrent subgraph requests, by its position.
struct SubgraphOutcome: Sendable {
    var index: Int
    var result: Result<[UInt8], any Error>
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
/// multiplexed connection per subgraph (per event loop when the client has `poolPerEventLoop`),
/// concurrent requests as concurrent streams (several at once without a task each, see
/// ``sendAll(_:headers:)``).
public struct HTTPSubgraphTransport: SubgraphTransport {
    public let client: HTTPClient
    public let requestTimeout: TimeAmount
    public let wireProtocol: HTTPClientProtocol
    private let upstreams: ResolvedUpstreams
    private static let baseHeaders: HTTPHeaders = [
        "content-type": "application/json",
        "accept": "application/graphql-response+json, application/json",
    ]

    public init(client: HTTPClient, requestTimeout: TimeAmount = .seconds(30), wireProtocol: HTTPClientProtocol = .http2) {
        self.client = client
        self.requestTimeout = requestTimeout
        self.wireProtocol = wireProtocol
        self.upstreams = ResolvedUpstreams(wireProtocol: wireProtocol)
    }

    public func send(_ body: [UInt8], to subgraph: SubgraphEndpoint, headers: [(name: String, value: String)]) async throws -> [UInt8] {
        let (request, upstream) = try prepare(body, to: subgraph, headers: headers)
        return try Self.body(of: try await client.send(request, to: upstream))
    }

    public func sendAll(_ requests: [(body: [UInt8], subgraph: SubgraphEndpoint)], headers: [(name: String, value: String)]) async -> [Result<[UInt8], any Error>] {
        var prepared: [(request: HTTPClientRequest, upstream: HTTPUpstream)] = []
        var failures: [Int: any Error] = [:]
        prepared.reserveCapacity(requests.count)
        for (index, request) in requests.enumerated() {
            do { prepared.append(try prepare(request.body, to: request.subgraph, headers: headers)) }
            catch { failures[index] = error }
        }
        var responses = await client.sendAll(prepared).makeIterator()
        return requests.indices.map { index in
            if let failure = failures[index] { return .failure(failure) }
            switch responses.next()! {
            case .success(let response): return Result { try Self.body(of: response) }
            case .failure(let error): return .failure(error)
            }
        }
    }

    private func prepare(_ body: [UInt8], to subgraph: SubgraphEndpoint, headers: [(name: String, value: String)]) throws -> (HTTPClientRequest, HTTPUpstream) {
        guard let (address, upstream) = upstreams.resolve(subgraph.url) else {
            throw SubgraphRequestError("invalid subgraph URL \"\(subgraph.url)\"")
        }
        var requestHeaders = Self.baseHeaders
        for header in headers { requestHeaders.add(name: header.name, value: header.value) }
        let request = HTTPClientRequest(method: .POST, path: address.path, headers: requestHeaders,
                                        body: ByteBuffer(bytes: body), timeout: requestTimeout)
        return (request, upstream)
    }

    private static func body(of response: HTTPResponse) throws -> [UInt8] {
        guard (200..<300).contains(response.status.code) || response.headers.first(name: "content-type")?.contains("graphql-response") == true else {
            throw SubgraphRequestError("HTTP status \(response.status.code)")
        }
        return Array(response.body.readableBytesView)
    }
}

/// Subgraph URLs already parsed into address and upstream (a few entries, read per request).
final class ResolvedUpstreams: Sendable {
    private let wireProtocol: HTTPClientProtocol
    private let entries = NIOLockedValueBox<[String: (SubgraphAddress, HTTPUpstream)]>([:])

    init(wireProtocol: HTTPClientProtocol) {
        self.wireProtocol = wireProtocol
    }

    func resolve(_ url: String) -> (SubgraphAddress, HTTPUpstream)? {
        if let entry = entries.withLockedValue({ $0[url] }) { return entry }
        guard let address = SubgraphAddress(url: url) else { return nil }
        let entry = (address, HTTPUpstream(host: address.host, port: address.port, protocol: wireProtocol))
        entries.withLockedValue { $0[url] = entry }
        return entry
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
