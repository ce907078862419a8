import GraphQLKit

/// A query plan: how one operation is answered by the subgraphs.
///
/// `sequence` runs its children one after another (each sees the data of the ones before),
/// `parallel` runs them at the same time, `fetch` sends one operation to one subgraph and
/// `flatten` marks an entity fetch whose results merge at a response path.
public indirect enum PlanNode: Sendable {
    case sequence([PlanNode])
    case parallel([PlanNode])
    case fetch(FetchNode)
    case flatten(path: String, node: PlanNode)

    /// Every fetch in the plan, in execution order.
    public var fetches: [FetchNode] {
        switch self {
        case .sequence(let nodes), .parallel(let nodes): return nodes.flatMap(\.fetches)
        case .fetch(let fetch): return [fetch]
        case .flatten(_, let node): return node.fetches
        }
    }

    /// How many rounds of requests the plan takes when every `parallel` runs at once.
    public var sequentialRounds: Int {
        switch self {
        case .sequence(let nodes): return nodes.reduce(0) { $0 + $1.sequentialRounds }
        case .parallel(let nodes): return nodes.map(\.sequentialRounds).max() ?? 0
        case .fetch: return 1
        case .flatten(_, let node): return node.sequentialRounds
        }
    }
}

/// One request to one subgraph.
public struct FetchNode: Sendable {
    /// The subgraph's name.
    public var serviceName: String
    /// The operation text sent to the subgraph.
    public let operation: String
    /// The client variables the operation uses (sent along, others are not).
    public var variableUsages: [String]
    /// For an `_entities` fetch: where the entities live in the response and which fields make
    /// up their representations. Empty for a root fetch.
    public var entityTargets: [EntityTarget]
    /// `{"query":"<operation, JSON-escaped>"`: the start of every request body for this fetch,
    /// built once with the plan (requests append only variables and `}`).
    public let requestPrefix: [UInt8]

    public init(serviceName: String, operation: String, variableUsages: [String], entityTargets: [EntityTarget]) {
        self.serviceName = serviceName
        self.operation = operation
        self.variableUsages = variableUsages
        self.entityTargets = entityTargets
        var prefix: [UInt8] = []
        prefix.reserveCapacity(operation.utf8.count + 16)
        prefix.append(contentsOf: #"{"query":"#.utf8)
        JSONValue.string(operation).write(to: &prefix)
        self.requestPrefix = prefix
    }

    public var isEntityFetch: Bool { !entityTargets.isEmpty }
}

/// The objects of one type at one response path that an entity fetch extends.
public struct EntityTarget: Sendable {
    /// The response path, with `@` for every list level (`users.@.reviews.@`).
    public var path: [String]
    /// The concrete type the objects must have (`__typename`).
    public var typeName: String
    /// The `__typename` sent in representations (the interface for an `@interfaceObject`).
    public var representationTypeName: String
    /// Key and required fields copied from each object into its representation.
    public var requires: [RequiredField]

    /// The path as printed in plans.
    public var pathText: String { path.joined(separator: ".") }
}

/// A field copied into a representation, with its own sub-fields for object-valued keys.
public struct RequiredField: Sendable, Hashable {
    public var name: String
    public var children: [RequiredField]
}
