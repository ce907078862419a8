import GraphQLKit

/// One subgraph during composition: its definition, its schema read with the federation
/// specification, and the `join__Graph` value naming it in the supergraph.
struct ComposedSubgraph {
    let name: String
    let url: String
    let enumValue: String
    let schema: FederatedSubgraph
    /// The subgraph's root type names mapped to the supergraph's (`RootQuery` → `Query`).
    let rootRenames: [String: String]

    var links: FederationLinks { schema.links }

    /// `name` renamed if it is one of the subgraph's root types.
    func renamed(_ name: String) -> String { rootRenames[name] ?? name }

    func renamed(_ type: GraphQLType) -> GraphQLType {
        switch type {
        case .named(let name): return .named(renamed(name))
        case .list(let inner): return .list(renamed(inner))
        case .nonNull(let inner): return .nonNull(renamed(inner))
        }
    }
}

/// A type of the supergraph being merged from the subgraphs that define it.
final class MergedType {
    let name: String
    var description: StringValue?
    var appearances: [TypeAppearance] = []
    var fields = OrderedMap<MergedField>()
    var interfaces: [String] = []
    var implementations: [(graph: Int, interface: String)] = []
    var unionMembers: [(graph: Int, member: String)] = []
    var memberOrder: [String] = []
    var enumValues = OrderedMap<MergedEnumValue>()
    var markers = ElementMarkers()
    /// Set when the kinds disagree: the type is reported and not merged further.
    var isBroken = false

    init(name: String) {
        self.name = name
    }

    /// The merged kind: an interface when some subgraph sees it as an `@interfaceObject`.
    var kind: TypeKind {
        if appearances.contains(where: { $0.kind == .interface || $0.isInterfaceObject }) { return .interface }
        return appearances.first?.kind ?? .object
    }

    var graphs: [Int] { appearances.map(\.graph) }

    func appearance(in graph: Int) -> TypeAppearance? {
        appearances.first { $0.graph == graph }
    }
}

/// One subgraph's definition of a type.
struct TypeAppearance {
    let graph: Int
    let kind: TypeKind
    let isInterfaceObject: Bool
    /// The `@key`s: field set text as written, whether the subgraph resolves it, whether it is
    /// declared on a type extension.
    let keys: [(fields: String, resolvable: Bool, isExtension: Bool)]
    /// Top-level fields of the keys (implicitly shareable).
    let keyFieldNames: Set<String>
}

/// A field (or input field) of the supergraph being merged.
final class MergedField {
    let name: String
    var description: StringValue?
    var appearances: [FieldAppearance] = []
    var arguments = OrderedMap<MergedArgument>()
    var markers = ElementMarkers()
    /// A field an `@interfaceObject` subgraph adds to an interface, copied to an implementation
    /// that no subgraph defines it on (printed with a bare `@join__field`).
    var addedForInterfaceObject = false
    /// The merged type (nil until merged, or when the types conflict).
    var type: GraphQLType?
    var defaultValue: Value?

    init(name: String) {
        self.name = name
    }

    func appearance(in graph: Int) -> FieldAppearance? {
        appearances.first { $0.graph == graph }
    }
}

/// One subgraph's definition of a field.
struct FieldAppearance {
    let graph: Int
    let type: GraphQLType
    let external: Bool
    let requires: String?
    let provides: String?
    let override: String?
    let overrideLabel: String?
    let shareable: Bool
    /// Whether the subgraph's own `@key`s or `@requires` use the field.
    let usedLocally: Bool
    let defaultValue: Value?
}

/// An argument of a merged field.
final class MergedArgument {
    let name: String
    var description: StringValue?
    var appearances: [(graph: Int, type: GraphQLType, defaultValue: Value?)] = []
    var markers = ElementMarkers()
    var type: GraphQLType?
    var defaultValue: Value?

    init(name: String) {
        self.name = name
    }
}

/// A value of a merged enum.
final class MergedEnumValue {
    let name: String
    var description: StringValue?
    var graphs: [Int] = []
    var markers = ElementMarkers()

    init(name: String) {
        self.name = name
    }
}

/// The directives an element carries into the supergraph besides the join ones.
struct ElementMarkers {
    var inaccessible = false
    var tags: [String] = []
    var deprecated: Directive?
    var specifiedBy: Directive?
    /// Applications of composed custom directives (`@composeDirective`), deduplicated.
    var composed: [Directive] = []

    mutating func absorb(_ directives: [Directive], links: FederationLinks, composedNames: [String: String]) {
        if links.contains(.inaccessible, in: directives) { inaccessible = true }
        for tag in links.applications(of: .tag, in: directives) {
            if let name = tag.stringArgument("name"), !tags.contains(name) { tags.append(name) }
        }
        if deprecated == nil, let found = directives.named("deprecated").first { deprecated = found }
        if specifiedBy == nil, let found = directives.named("specifiedBy").first { specifiedBy = found }
        for directive in directives {
            guard let supergraphName = composedNames[directive.name.value] else { continue }
            var renamed = directive
            renamed.name = Name(supergraphName)
            renamed = renamed.withoutLocations
            if !composed.contains(renamed) { composed.append(renamed) }
        }
    }
}

/// Elements by name in first-seen order.
struct OrderedMap<Element: AnyObject> {
    private(set) var order: [String] = []
    private var storage: [String: Element] = [:]

    subscript(name: String) -> Element? { storage[name] }

    mutating func element(_ name: String, create: () -> Element) -> Element {
        if let existing = storage[name] { return existing }
        let created = create()
        storage[name] = created
        order.append(name)
        return created
    }

    mutating func remove(_ name: String) {
        storage[name] = nil
        order.removeAll { $0 == name }
    }

    var values: [Element] { order.compactMap { storage[$0] } }
    var isEmpty: Bool { order.isEmpty }
}

extension Directive {
    /// The directive with its locations dropped (so equal applications compare equal).
    var withoutLocations: Directive {
        Directive(name: Name(name.value), arguments: arguments.map { Argument(name: Name($0.name.value), value: $0.value.withoutLocations) })
    }
}

extension Value {
    var withoutLocations: Value {
        switch self {
        case .variable(let node): return .variable(Variable(name: Name(node.name.value)))
        case .int(let node): return .int(IntValue(node.value))
        case .float(let node): return .float(FloatValue(node.value))
        case .string(let node): return .string(StringValue(node.value, block: node.block))
        case .boolean(let node): return .boolean(BooleanValue(node.value))
        case .null: return .null(NullValue())
        case .enumValue(let node): return .enumValue(EnumValue(node.value))
        case .list(let node): return .list(ListValue(values: node.values.map(\.withoutLocations)))
        case .object(let node): return .object(ObjectValue(fields: node.fields.map { ObjectField(name: Name($0.name.value), value: $0.value.withoutLocations) }))
        }
    }
}

extension GraphQLType {
    /// The type as an AST type reference.
    var reference: TypeReference {
        switch self {
        case .named(let name): return .named(NamedType(name: Name(name)))
        case .list(let inner): return .list(ListType(type: inner.reference))
        case .nonNull(let inner): return .nonNull(NonNullType(type: inner.reference))
        }
    }

    /// The type with its named type replaced by `name` (wrappers kept).
    func replacingNamedType(with name: String) -> GraphQLType {
        switch self {
        case .named: return .named(name)
        case .list(let inner): return .list(inner.replacingNamedType(with: name))
        case .nonNull(let inner): return .nonNull(inner.replacingNamedType(with: name))
        }
    }

    /// The type with every non-null marker removed (its shape: lists and the named type).
    var shape: GraphQLType {
        switch self {
        case .named: return self
        case .list(let inner): return .list(inner.shape)
        case .nonNull(let inner): return inner.shape
        }
    }
}
