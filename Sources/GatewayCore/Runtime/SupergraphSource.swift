import GraphQLKit
import NIOCore

/// Where the gateway gets its supergraph from.
public protocol SupergraphSource: Sendable {
    /// A short description for logs (`file /etc/supergraph.graphql`, `4 subgraphs`).
    var description: String { get }
    /// The current supergraph SDL; throws when it cannot be produced (the gateway then keeps
    /// serving the last good one).
    func fetchSupergraph() async throws -> String
}

/// A supergraph composed elsewhere (Apollo's `rover supergraph compose`, SupergraphComposition)
/// read from a file on every poll.
public struct SupergraphFileSource: SupergraphSource {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var description: String { "file \(path)" }

    public func fetchSupergraph() async throws -> String {
        try await FileText.read(path)
    }
}

/// One subgraph to poll: name and GraphQL URL.
public struct SubgraphConfiguration: Sendable, Hashable {
    public var name: String
    public var url: String

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}

/// Composition failures, one message per problem.
public struct SupergraphCompositionError: Error, Sendable, CustomStringConvertible {
    public var messages: [String]

    public init(messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "; ") }
}

/// Composes subgraph SDLs (name, URL, SDL) into a supergraph SDL.
public typealias SupergraphComposer = @Sendable (_ subgraphs: [(name: String, url: String, sdl: String)]) throws -> String

/// Polls every subgraph's `_service { sdl }` and composes the results.
public struct SubgraphPollingSource: SupergraphSource {
    public let subgraphs: [SubgraphConfiguration]
    public let transport: any SubgraphTransport
    public let compose: SupergraphComposer

    public init(subgraphs: [SubgraphConfiguration], transport: any SubgraphTransport, compose: @escaping SupergraphComposer) {
        self.subgraphs = subgraphs
        self.transport = transport
        self.compose = compose
    }

    public var description: String { "\(subgraphs.count) subgraphs (\(subgraphs.map(\.name).joined(separator: ", ")))" }

    public func fetchSupergraph() async throws -> String {
        let body = Array(#"{"query":"{ _service { sdl } }"}"#.utf8)
        var definitions: [(name: String, url: String, sdl: String)] = []
        for subgraph in subgraphs {
            let endpoint = SubgraphEndpoint(enumValue: subgraph.name.uppercased(), name: subgraph.name, url: subgraph.url)
            let response = try await transport.send(body, to: endpoint, headers: [])
            guard let sdl = (try? JSONValue.parse(utf8: response))?["data"]?["_service"]?["sdl"]?.stringValue else {
                throw SubgraphRequestError("subgraph \"\(subgraph.name)\" did not answer _service { sdl }")
            }
            definitions.append((subgraph.name, subgraph.url, sdl))
        }
        return try compose(definitions)
    }
}
