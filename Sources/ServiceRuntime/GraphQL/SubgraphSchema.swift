import GraphQLKit

/// Batched reference resolvers for a subgraph's entity types: for each type, ONE call receives all
/// the representations (`{"__typename": "User", "id": "…"}`) of that type in an `_entities`
/// request and returns one value per representation, in order (`.null` for unknown ones).
///
/// ```swift
/// var entities = SubgraphEntities<Context>()
/// entities.resolve("User") { representations, context in
///     representations.map { ResolvedValue.object(ObjectSource(UserReference(id: $0["id"]?.stringValue ?? ""))) }
/// }
/// ```
public struct SubgraphEntities<Context: Sendable>: Sendable {
    public typealias Resolve = @Sendable (_ representations: [JSONObject], _ context: Context) async throws -> [ResolvedValue]

    var resolvers: [String: Resolve] = [:]

    public init() {}

    public mutating func resolve(_ typeName: String, _ resolve: @escaping Resolve) {
        resolvers[typeName] = resolve
    }

    public var typeNames: [String] { resolvers.keys.sorted() }
}

/// Builds a federation subgraph schema from a service's SDL: adds `_service { sdl }`,
/// `_entities(representations:)`, `_Any`, `_Entity`, `FieldSet` and the federation directives.
///
/// This is ServiceRuntime's own adapter until GraphQLKit's `ExecutableSchema.subgraph(sdl:resolvers:entities:)`
/// lands; services call only ``build(sdl:resolvers:entities:)``.
public enum SubgraphSchema {
    static let federationDefinitions = """
        scalar _Any
        scalar FieldSet
        scalar link__Import
        enum link__Purpose { SECURITY EXECUTION }
        directive @link(url: String!, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
        directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
        directive @requires(fields: FieldSet!) on FIELD_DEFINITION
        directive @provides(fields: FieldSet!) on FIELD_DEFINITION
        directive @external(reason: String) on OBJECT | FIELD_DEFINITION
        directive @shareable repeatable on OBJECT | FIELD_DEFINITION
        directive @extends on OBJECT | INTERFACE
        directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
        directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
        type _Service { sdl: String }
        """

    /// The executable subgraph schema.
    public static func build<Context: Sendable>(
        sdl: String, resolvers: Resolvers<Context>, entities: SubgraphEntities<Context>
    ) throws(GraphQLError) -> ExecutableSchema<Context> {
        var full = federationDefinitions + "\n" + sdl + "\n"
        let entityNames = entities.typeNames
        if !entityNames.isEmpty {
            full += "union _Entity = " + entityNames.joined(separator: " | ") + "\n"
            full += "extend type Query { _service: _Service! _entities(representations: [_Any!]!): [_Entity]! }\n"
        } else {
            full += "extend type Query { _service: _Service! }\n"
        }
        var resolvers = resolvers
        let serviceSDL = sdl
        resolvers.query { query in
            query.field("_service") { _, _ in GraphQLKit.JSONValue.object(["sdl": .string(serviceSDL)]) }
            if !entityNames.isEmpty {
                query.field("_entities") { (arguments: FieldArguments, context: Context) async throws -> ResolvedValue in
                    try await resolveEntities(arguments, context, entities)
                }
            }
        }
        return try ExecutableSchema(sdl: full, resolvers: resolvers)
    }

    static func resolveEntities<Context: Sendable>(_ arguments: FieldArguments, _ context: Context,
                                                   _ entities: SubgraphEntities<Context>) async throws -> ResolvedValue {
        guard case .array(let items)? = arguments["representations"] else { return .list([]) }
        var byType: [String: [(Int, JSONObject)]] = [:]
        var results = [ResolvedValue](repeating: .null, count: items.count)
        for (index, item) in items.enumerated() {
            guard case .object(let object) = item, case .string(let typename)? = object["__typename"] else {
                results[index] = .error(ServiceError.badInput("representation \(index) has no __typename"))
                continue
            }
            guard entities.resolvers[typename] != nil else {
                results[index] = .error(ServiceError.badInput("\(typename) is not an entity of this subgraph"))
                continue
            }
            byType[typename, default: []].append((index, object))
        }
        try await withThrowingTaskGroup(of: (String, [ResolvedValue]).self) { group in
            for (typename, entries) in byType {
                let resolve = entities.resolvers[typename]!
                group.addTask { (typename, try await resolve(entries.map(\.1), context)) }
            }
            for try await (typename, values) in group {
                for (offset, entry) in byType[typename]!.enumerated() {
                    results[entry.0] = offset < values.count ? values[offset] : .null
                }
            }
        }
        return .list(results)
    }
}
