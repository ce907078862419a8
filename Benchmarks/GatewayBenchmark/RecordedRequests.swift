import GatewayCore
import NIOConcurrencyHelpers

/// A thread-safe list of (subgraph, request body) pairs.
final class RecordedRequests: Sendable {
    private let box = NIOLockedValueBox<[(SubgraphEndpoint, [UInt8])]>([])

    func append(_ subgraph: SubgraphEndpoint, _ body: [UInt8]) {
        box.withLockedValue { $0.append((subgraph, body)) }
    }

    var all: [(SubgraphEndpoint, [UInt8])] { box.withLockedValue { $0 } }
}
