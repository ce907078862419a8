/// The reference resolvers of a subgraph's entity types: ONE batched call per entity type and
/// request receives every representation of that type sent to `_entities`, so a service can
/// answer a whole batch with one query (`WHERE id = ANY($1)`).
///
/// ```swift
/// var entities = EntityResolvers<AppContext>()
/// entities.entity("Product") { representations, context in
///     let upcs = try representations.map { try $0.string("upc") }
///     let found = try await context.products.find(upcs: upcs)          // one SQL query
///     return upcs.map { upc in found.first { $0.upc == upc } }         // one result per representation, in order
/// }
/// let schema = try ExecutableSchema.subgraph(sdl: sdl, resolvers: resolvers, entities: entities)
/// ```
///
/// The resolver returns one value per representation, in the same order: the entity (a
/// ``GraphQLObject`` registered for the type, JSON, or an ``ObjectSource``), nil when there is
/// no such entity, or a ``ResolvedValue/error(_:)`` for a representation that failed (only that
/// entry gets the error). A thrown error fails every representation of the batch. An entity
/// type without a resolver resolves to its representation itself (fields read by key).
public struct EntityResolvers<Context: Sendable>: Sendable {
    var batches: [String: EntityBatchResolver] = [:]

    public init() {}

    /// Registers the batched reference resolver of entity type (or entity interface) `typeName`.
    public mutating func entity<Result: ResolvedValueConvertible>(
        _ typeName: String,
        _ resolve: @escaping @Sendable ([EntityRepresentation], Context) async throws -> [Result]) {
        batches[typeName] = EntityBatchResolver { representations, request in
            try await resolve(representations, request.context(as: Context.self)).map(\.resolvedValue)
        }
    }

    /// Registers a batched reference resolver that receives the representations decoded as
    /// `Representation` values (a `Decodable` struct with the key fields).
    public mutating func entity<Representation: Decodable & Sendable, Result: ResolvedValueConvertible>(
        _ typeName: String, as representation: Representation.Type,
        _ resolve: @escaping @Sendable ([Representation], Context) async throws -> [Result]) {
        batches[typeName] = EntityBatchResolver { representations, request in
            var decoded: [Representation] = []
            decoded.reserveCapacity(representations.count)
            for item in representations {
                decoded.append(try JSONValueDecoder().decode(Representation.self, from: .object(item.fields)))
            }
            return try await resolve(decoded, request.context(as: Context.self)).map(\.resolvedValue)
        }
    }

    /// The entity types with a registered resolver.
    public var typeNames: [String] { batches.keys.sorted() }
}

/// One entity representation sent to `_entities`: `__typename` and the key (and required) fields.
public struct EntityRepresentation: Sendable, Hashable {
    /// The entity type the representation names.
    public let typename: String
    /// Every entry of the representation, `__typename` included, as sent.
    public let fields: JSONObject

    public init(typename: String, fields: JSONObject) {
        self.typename = typename
        self.fields = fields
    }

    /// The value of field `name`.
    public subscript(name: String) -> JSONValue? { fields[name] }

    /// A String or ID key field; throws if it is absent or not a string.
    public func string(_ name: String) throws(GraphQLError) -> String {
        guard case .string(let value)? = fields[name] else {
            throw GraphQLError(message: "The \(typename) representation has no string field \"\(name)\".")
        }
        return value
    }

    /// An Int key field (nil when absent or not an integer).
    public func int(_ name: String) -> Int? {
        if case .int(let value)? = fields[name] { return value }
        return nil
    }
}

/// A type-erased batched reference resolver.
struct EntityBatchResolver: Sendable {
    let resolve: @Sendable ([EntityRepresentation], RequestState) async throws -> [ResolvedValue]
}
