/// Resolves `Query._entities(representations:)`: groups the representations by `__typename`,
/// calls each type's batched reference resolver once (the types concurrently), and puts the
/// results back in the order of the representations. A representation that cannot be resolved
/// gets its own error at its index (`["_entities", 3]`); the others still resolve.
struct EntitiesField: Sendable {
    let batches: [String: EntityBatchResolver]
    /// Entity object types and entity interfaces of the subgraph.
    let resolvableTypeNames: Set<String>

    func resolve(_ call: FieldCall) async throws -> ResolvedValue {
        guard case .array(let items)? = call.arguments["representations"] else {
            throw GraphQLError(message: "Argument \"representations\" must be a list of representations.")
        }
        var results = [ResolvedValue](repeating: .null, count: items.count)
        var groups: [(typename: String, indices: [Int], representations: [EntityRepresentation])] = []
        var groupIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard case .object(let object) = item, case .string(let typename)? = object["__typename"] else {
                results[index] = .error(GraphQLError(message: "Representation \(index) has no \"__typename\" string: \(item.serialized())."))
                continue
            }
            guard resolvableTypeNames.contains(typename) else {
                results[index] = .error(GraphQLError(message: "Type \"\(typename)\" is not an entity type of this subgraph."))
                continue
            }
            let representation = EntityRepresentation(typename: typename, fields: object)
            if let position = groupIndex[typename] {
                groups[position].indices.append(index)
                groups[position].representations.append(representation)
            } else {
                groupIndex[typename] = groups.count
                groups.append((typename, [index], [representation]))
            }
        }
        let request = call.request
        let batches = self.batches
        if groups.count == 1 {
            let group = groups[0]
            let values = await Self.run(batches[group.typename], group.typename, group.representations, request)
            for (offset, index) in group.indices.enumerated() { results[index] = values[offset] }
        } else if !groups.isEmpty {
            await withTaskGroup(of: (Int, [ResolvedValue]).self) { tasks in
                for (position, group) in groups.enumerated() {
                    tasks.addTask {
                        (position, await Self.run(batches[group.typename], group.typename, group.representations, request))
                    }
                }
                for await (position, values) in tasks {
                    for (offset, index) in groups[position].indices.enumerated() { results[index] = values[offset] }
                }
            }
        }
        return .list(results)
    }

    /// One batch: the resolver's values (the representations themselves without a resolver),
    /// exactly one per representation; a thrown error or a wrong count fails every entry.
    private static func run(_ batch: EntityBatchResolver?, _ typename: String, _ representations: [EntityRepresentation],
                            _ request: RequestState) async -> [ResolvedValue] {
        guard let batch else {
            return representations.map { .json(.object($0.fields)) }
        }
        do {
            let values = try await batch.resolve(representations, request)
            guard values.count == representations.count else {
                let error = GraphQLError(message: "The reference resolver of \(typename) returned \(values.count) values for \(representations.count) representations.")
                return Array(repeating: .error(error), count: representations.count)
            }
            return values.map { value in
                // JSON entities without a typename get the representation's.
                if case .json(.object(var object)) = value, object["__typename"] == nil {
                    object.appendNew("__typename", .string(typename))
                    return .json(.object(object))
                }
                return value
            }
        } catch {
            return Array(repeating: .error(error), count: representations.count)
        }
    }
}
