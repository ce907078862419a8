extension ExecutableSchema {
    /// Builds a federation subgraph: the SDL (Federation 2 with `@link`, or Federation 1 style
    /// with `extend type` and `@extends`) with the specification's additions, the resolvers, and
    /// `Query._service { sdl }` (the SDL as written) and `Query._entities(representations:)`
    /// answered by the batched reference resolvers of `entities`.
    ///
    /// ```swift
    /// let schema = try ExecutableSchema<AppContext>.subgraph(sdl: """
    ///     extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
    ///     type Query { topProducts(first: Int = 5): [Product] }
    ///     type Product @key(fields: "upc") { upc: String! name: String price: Int }
    ///     """, resolvers: resolvers, entities: entities)
    /// ```
    ///
    /// Throws for SDL that does not build, and for a subgraph that breaks a federation rule
    /// (``FederatedSubgraph/federationProblems``; the message lists every problem with its code).
    public static func subgraph(sdl: String, resolvers: Resolvers<Context> = Resolvers(), entities: EntityResolvers<Context> = EntityResolvers(),
                                options: ExecutionOptions = ExecutionOptions()) throws(GraphQLError) -> ExecutableSchema<Context> {
        let subgraph = try FederatedSubgraph(sdl: sdl, options: BuildSchemaOptions(scalars: resolvers.scalars))
        return try self.subgraph(subgraph, resolvers: resolvers, entities: entities, options: options)
    }

    /// Builds a federation subgraph from an already read ``FederatedSubgraph``.
    public static func subgraph(_ subgraph: FederatedSubgraph, resolvers: Resolvers<Context> = Resolvers(), entities: EntityResolvers<Context> = EntityResolvers(),
                                options: ExecutionOptions = ExecutionOptions()) throws(GraphQLError) -> ExecutableSchema<Context> {
        let problems = subgraph.federationProblems
        if !problems.isEmpty {
            throw GraphQLError(message: problems.map(\.description).joined(separator: "\n"),
                               extensions: ["code": .string(problems[0].code)])
        }
        let schema = subgraph.schema
        var resolvable = Set(subgraph.entityTypeNames)
        for type in schema.types {
            if case .interface = type, subgraph.links.contains(.key, in: type.appliedDirectives) { resolvable.insert(type.name) }
        }
        for typeName in entities.typeNames where !resolvable.contains(typeName) {
            throw GraphQLError(message: "A reference resolver is registered for \"\(typeName)\", which is not an entity type (no @key) of the subgraph.")
        }
        var bound = resolvers
        bound.scalars = [:]
        let serviceSDL = subgraph.sdl
        bound.query { query in
            query.rawField("_service") { (_: FieldCall) throws -> ResolvedValue in
                .json(["sdl": .string(serviceSDL)])
            }
        }
        if !subgraph.entityTypeNames.isEmpty {
            let field = EntitiesField(batches: entities.batches, resolvableTypeNames: resolvable)
            bound.query { query in
                query.rawField("_entities") { (call: FieldCall) async throws -> ResolvedValue in
                    try await field.resolve(call)
                }
            }
        }
        return try ExecutableSchema(schema: schema, resolvers: bound, options: options)
    }
}
