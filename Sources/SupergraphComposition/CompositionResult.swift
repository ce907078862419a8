import GraphQLKit

/// One subgraph to compose: its name (unique; the supergraph's `join__Graph` value is derived
/// from it), the URL the gateway calls, and its SDL (from `_service { sdl }` or a file).
public struct SubgraphDefinition: Sendable, Hashable {
    public var name: String
    public var url: String
    public var sdl: String

    public init(name: String, url: String, sdl: String) {
        self.name = name
        self.url = url
        self.sdl = sdl
    }
}

/// A composition rule a set of subgraphs breaks: Apollo's error code and one message naming
/// the subgraphs, types and fields involved.
public struct CompositionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Apollo's code (`INVALID_FIELD_SHARING`, `TYPE_KIND_MISMATCH`, …).
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "[\(code)] \(message)" }
}

/// What ``composeSupergraph(_:)`` produced: the supergraph, or every problem found.
public enum CompositionResult: Sendable {
    case success(Supergraph)
    case failure([CompositionError])

    /// The supergraph, if composition succeeded.
    public var supergraph: Supergraph? {
        if case .success(let supergraph) = self { return supergraph }
        return nil
    }

    /// The errors (empty on success).
    public var errors: [CompositionError] {
        if case .failure(let errors) = self { return errors }
        return []
    }
}
