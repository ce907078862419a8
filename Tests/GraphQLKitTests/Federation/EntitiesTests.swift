import Testing
@testable import GraphQLKit

/// `_entities(representations:)`: one batched reference-resolver call per type, results in the
/// representations' order, errors per representation.
@Suite struct EntitiesTests {
    struct Product: GraphQLObject { let upc: String; let name: String }
    struct User: GraphQLObject { let id: String; let username: String }

    static let sdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        type Query { a: Int }
        type Product @key(fields: "upc") { upc: String! name: String }
        type User @key(fields: "id") { id: ID! username: String }
        type Order @key(fields: "id") { id: ID! total: Int }
        """

    static func schema(log: BatchLog, failUsers: Bool = false) throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.type("Product", as: Product.self) { product in
            product.field("upc", \.upc)
            product.field("name", \.name)
        }
        resolvers.type("User", as: User.self) { user in
            user.field("id", \.id)
            user.field("username", \.username)
        }
        var entities = EntityResolvers<Void>()
        entities.entity("Product") { representations, _ in
            let upcs = try representations.map { try $0.string("upc") }
            log.record("Product", upcs)
            return upcs.map { upc -> ResolvedValue in
                if upc == "missing" { return .null }
                if upc == "bad" { return .error(GraphQLError(message: "product \(upc) failed")) }
                return Product(upc: upc, name: "name-\(upc)").resolvedValue
            }
        }
        struct UserKey: Decodable, Sendable { let id: String }
        entities.entity("User", as: UserKey.self) { keys, _ in
            log.record("User", keys.map(\.id))
            if failUsers { throw GraphQLError(message: "users are down") }
            return keys.map { User(id: $0.id, username: "user-\($0.id)") }
        }
        return try ExecutableSchema.subgraph(sdl: sdl, resolvers: resolvers, entities: entities)
    }

    static let query = """
        query($representations: [_Any!]!) {
          _entities(representations: $representations) {
            __typename
            ... on Product { upc name }
            ... on User { id username }
            ... on Order { id total }
          }
        }
        """

    @Test func allRepresentationsOfATypeGoToOneCallAndComeBackInOrder() async throws {
        let log = BatchLog()
        let schema = try Self.schema(log: log)
        let representations: JSONValue = [
            ["__typename": "Product", "upc": "1"],
            ["__typename": "User", "id": "u1"],
            ["__typename": "Product", "upc": "2"],
            ["__typename": "Order", "id": "o1", "total": 30],
            ["__typename": "User", "id": "u2"],
            ["__typename": "Product", "upc": "3"],
        ]
        let response = await respond(schema, Self.query, variables: ["representations": representations], context: ())
        #expect(response == #"{"data":{"_entities":[{"__typename":"Product","upc":"1","name":"name-1"},{"__typename":"User","id":"u1","username":"user-u1"},{"__typename":"Product","upc":"2","name":"name-2"},{"__typename":"Order","id":"o1","total":30},{"__typename":"User","id":"u2","username":"user-u2"},{"__typename":"Product","upc":"3","name":"name-3"}]}}"#)
        #expect(log.recorded.sorted { $0[0] < $1[0] } == [["Product", "1", "2", "3"], ["User", "u1", "u2"]])
    }

    @Test func errorsAndMissingEntitiesStayWithTheirRepresentation() async throws {
        let log = BatchLog()
        let schema = try Self.schema(log: log)
        let representations: JSONValue = [
            ["__typename": "Product", "upc": "1"],
            ["__typename": "Product", "upc": "bad"],
            ["__typename": "Product", "upc": "missing"],
            ["__typename": "Nope", "id": "x"],
            ["upc": "no typename"],
        ]
        let response = await respond(schema, Self.query, variables: ["representations": representations], context: ())
        #expect(response == #"{"errors":[{"message":"product bad failed","locations":[{"line":2,"column":3}],"path":["_entities",1]},{"message":"Type \"Nope\" is not an entity type of this subgraph.","locations":[{"line":2,"column":3}],"path":["_entities",3]},{"message":"Representation 4 has no \"__typename\" string: {\"upc\":\"no typename\"}.","locations":[{"line":2,"column":3}],"path":["_entities",4]}],"data":{"_entities":[{"__typename":"Product","upc":"1","name":"name-1"},null,null,null,null]}}"#)
        #expect(log.recorded == [["Product", "1", "bad", "missing"]])
    }

    @Test func aThrowingBatchFailsOnlyItsOwnRepresentations() async throws {
        let log = BatchLog()
        let schema = try Self.schema(log: log, failUsers: true)
        let representations: JSONValue = [
            ["__typename": "User", "id": "u1"],
            ["__typename": "Product", "upc": "1"],
            ["__typename": "User", "id": "u2"],
        ]
        let response = await respond(schema, Self.query, variables: ["representations": representations], context: ())
        #expect(response == #"{"errors":[{"message":"users are down","locations":[{"line":2,"column":3}],"path":["_entities",0]},{"message":"users are down","locations":[{"line":2,"column":3}],"path":["_entities",2]}],"data":{"_entities":[null,{"__typename":"Product","upc":"1","name":"name-1"},null]}}"#)
    }

    @Test func tenThousandRepresentationsAreOneCallAndOddItemsFailAlone() async throws {
        let log = BatchLog()
        let schema = try Self.schema(log: log)
        var items: [JSONValue] = (0..<10_000).map { ["__typename": "Product", "upc": .string("\($0)")] }
        items.insert("just a string", at: 3)
        items.insert(["__typename": 42], at: 5)
        let response = await schema.execute(GraphQLRequest(query: "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { upc } } }",
                                                           variables: ["r": .array(items)]), context: ())
        #expect(response.errors.map(\.path) == [[.key("_entities"), .index(3)], [.key("_entities"), .index(5)]])
        #expect(log.recorded.count == 1)
        #expect(log.recorded.first?.count == 10_001)
        let entities = try #require(response.dataValue?["_entities"]?.arrayValue)
        #expect(entities.count == 10_002)
        #expect(entities[10_001]["upc"] == "9999")
    }

    @Test func aResolverForANonEntityIsRejected() {
        var entities = EntityResolvers<Void>()
        entities.entity("Query") { representations, _ in representations.map { _ in ResolvedValue.null } }
        #expect(throws: GraphQLError.self) {
            _ = try ExecutableSchema<Void>.subgraph(sdl: Self.sdl, entities: entities)
        }
    }
}
