import GraphQLKit

/// A supergraph loaded for query planning: the subgraphs, where every type and field can be
/// resolved (from the join-spec directives), and the API schema clients see.
///
/// ```swift
/// let supergraph = try Supergraph(sdl: composedSupergraphText)
/// supergraph.subgraphs.map(\.name)          // ["accounts", "products", …]
/// supergraph.resolvableGraphs(type: "Product", field: "name")   // ["products"]
/// ```
public final class Supergraph: Sendable {
    /// The subgraphs named by the `join__Graph` enum, in declaration order.
    public let subgraphs: [SubgraphEndpoint]
    /// Join facts per composite type name.
    public let types: [String: JoinedType]
    /// The schema clients see: no join or link elements, nothing `@inaccessible`.
    public let apiSchema: GraphQLSchema
    /// The API schema printed as SDL.
    public let apiSDL: String
    /// The supergraph text this was loaded from.
    public let sdl: String
    /// The progressive-override labels (`@join__field(overrideLabel:)`), sorted.
    public let overrideLabels: [String]
    /// The position of each label in ``overrideLabels``.
    let overrideLabelIndex: [String: Int]
    /// For each label of ``overrideLabels``: x of `percent(x)`, nil for a custom label.
    let overridePercentages: [Double?]

    init(subgraphs: [SubgraphEndpoint], types: [String: JoinedType], apiSchema: GraphQLSchema, apiSDL: String, sdl: String) {
        self.subgraphs = subgraphs
        self.types = types
        self.apiSchema = apiSchema
        self.apiSDL = apiSDL
        self.sdl = sdl
        var labels: Set<String> = []
        for type in types.values {
            for joins in type.fields.values {
                for join in joins { if let label = join.overrideLabel { labels.insert(label) } }
            }
        }
        overrideLabels = labels.sorted()
        overrideLabelIndex = Dictionary(uniqueKeysWithValues: overrideLabels.enumerated().map { ($1, $0) })
        overridePercentages = overrideLabels.map(Self.percentage)
    }

    /// x of a `percent(x)` label, nil for any other label.
    static func percentage(_ label: String) -> Double? {
        guard label.hasPrefix("percent("), label.hasSuffix(")") else { return nil }
        return Double(label.dropFirst("percent(".count).dropLast())
    }

    /// True when `join` takes part in planning under `labels`: a join with `overrideLabel`
    /// and `override` (the new subgraph) only while the label is active, one with
    /// `overrideLabel` alone (the old subgraph) only while it is not.
    func isInEffect(_ join: FieldJoin, _ labels: ActiveOverrideLabels) -> Bool {
        guard let label = join.overrideLabel else { return true }
        let active = overrideLabelIndex[label].map(labels.contains) ?? false
        return join.overrideFrom != nil ? active : !active
    }

    /// The subgraph named `name`, if any.
    public func subgraph(named name: String) -> SubgraphEndpoint? {
        subgraphs.first { $0.name == name }
    }

    /// The subgraphs that can resolve `field` on `type`, in declaration order: those with a
    /// `@join__field` that is neither external nor overridden, or — when the field carries no
    /// `@join__field` — every subgraph that defines the type.
    /// A progressive override (`overrideLabel`) counts as taken over while its label is in
    /// `labels`, and as still resolved by its source subgraph otherwise.
    public func resolvableGraphs(type: String, field: String, labels: ActiveOverrideLabels = .none) -> [String] {
        guard let joined = types[type] else { return [] }
        guard let joins = joined.fields[field], !joins.isEmpty else {
            return joined.graphs.map(\.graph)
        }
        return joins.compactMap { join in
            guard let graph = join.graph else { return nil }
            return join.external || join.usedOverridden || !isInEffect(join, labels) ? nil : graph
        }
    }

    /// True when subgraph `graph` resolves `field` on `type` itself (under the active
    /// progressive-override `labels`).
    public func canResolve(type: String, field: String, in graph: String, labels: ActiveOverrideLabels = .none) -> Bool {
        guard let joined = types[type] else { return false }
        guard let joins = joined.fields[field], !joins.isEmpty else {
            return joined.graphs.contains { $0.graph == graph }
        }
        return joins.contains { $0.graph == graph && !$0.external && !$0.usedOverridden && isInEffect($0, labels) }
    }

    /// The join facts of `field` on `type` in `graph` (requires, provides), when declared.
    public func fieldJoin(type: String, field: String, graph: String) -> FieldJoin? {
        types[type]?.fields[field]?.first { $0.graph == graph }
    }

    /// The resolvable keys of `type` in `graph`.
    public func keys(of type: String, in graph: String) -> [SelectionSet] {
        types[type]?.graphs.filter { $0.graph == graph && $0.resolvable }.compactMap(\.key) ?? []
    }

    /// True when `graph` defines `type` (has a `@join__type` for it).
    public func defines(type: String, in graph: String) -> Bool {
        types[type]?.graphs.contains { $0.graph == graph } ?? false
    }

    /// True when `graph` can return objects of concrete type `object` where `abstractType` is
    /// expected: it defines the object and declares it as a member or implementation there.
    public func canReturn(object: String, as abstractType: String, in graph: String) -> Bool {
        guard defines(type: object, in: graph), let joined = types[object] else { return false }
        if let abstract = types[abstractType], abstract.kind == .union {
            if abstract.unionMembers.isEmpty { return true }
            return abstract.unionMembers.contains { $0.graph == graph && $0.member == object }
        }
        if joined.implements.isEmpty { return true }
        return joined.implements.contains { $0.graph == graph && $0.interface == abstractType }
    }

    /// True when `graph` declares `type` as an `@interfaceObject` (an object type standing for
    /// the interface of that name).
    public func isInterfaceObject(_ type: String, in graph: String) -> Bool {
        types[type]?.graphs.contains { $0.graph == graph && $0.isInterfaceObject } ?? false
    }

    /// The subgraphs that define `interface` as an interface with a resolvable `@key` (they
    /// can tell the concrete type of an interface representation).
    public func interfaceOwnerGraphs(of interface: String) -> [String] {
        var result: [String] = []
        for join in types[interface]?.graphs ?? [] where !join.isInterfaceObject && join.resolvable && join.key != nil && !result.contains(join.graph) {
            result.append(join.graph)
        }
        return result
    }

    /// The subgraphs that declare `interface` as an `@interfaceObject`.
    public func interfaceObjectGraphs(of interface: String) -> [String] {
        types[interface]?.graphs.filter(\.isInterfaceObject).map(\.graph) ?? []
    }
}

/// One subgraph of a supergraph: its enum value in `join__Graph`, name and URL.
public struct SubgraphEndpoint: Sendable, Hashable {
    /// The `join__Graph` enum value (`ACCOUNTS`).
    public var enumValue: String
    /// The subgraph's name (`accounts`).
    public var name: String
    /// Where the subgraph answers GraphQL requests.
    public var url: String

    public init(enumValue: String, name: String, url: String) {
        self.enumValue = enumValue
        self.name = name
        self.url = url
    }
}

/// What the supergraph says about one composite type: which subgraphs define it (with keys),
/// its fields' joins, interface implementations and union members per subgraph.
public struct JoinedType: Sendable {
    /// The kind of type (object, interface, union, …).
    public var kind: TypeKind
    /// One entry per `@join__type`.
    public var graphs: [TypeJoin] = []
    /// `@join__field` entries per field name (empty array: no `@join__field`).
    public var fields: [String: [FieldJoin]] = [:]
    /// `@join__implements` entries.
    public var implements: [(graph: String, interface: String)] = []
    /// `@join__unionMember` entries.
    public var unionMembers: [(graph: String, member: String)] = []

    public init(kind: TypeKind) {
        self.kind = kind
    }
}

/// One `@join__type(graph:, key:, extension:, resolvable:, isInterfaceObject:)`.
public struct TypeJoin: Sendable, Hashable {
    /// The subgraph name.
    public var graph: String
    /// The parsed key field set, if any.
    public var key: SelectionSet?
    public var isExtension: Bool
    public var resolvable: Bool
    public var isInterfaceObject: Bool
}

/// One `@join__field(graph:, requires:, provides:, external:, override:, usedOverridden:, overrideLabel:)`.
public struct FieldJoin: Sendable, Hashable {
    /// The subgraph name; nil when the directive names no graph.
    public var graph: String?
    public var requires: SelectionSet?
    public var provides: SelectionSet?
    public var external: Bool
    /// The subgraph this field was taken over from (`@override(from:)`).
    public var overrideFrom: String?
    /// The progressive-override label, if any: with ``overrideFrom`` this join resolves the
    /// field while the label is active; without, while it is not.
    public var overrideLabel: String?
    public var usedOverridden: Bool
}
