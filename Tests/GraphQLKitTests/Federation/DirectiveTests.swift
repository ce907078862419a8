import Testing
@testable import GraphQLKit

/// `@key`: repeatable, composite, nested, `resolvable: false`, and invalid field sets.
@Suite struct KeyDirectiveTests {
    @Test func repeatableCompositeAndNestedKeysResolveThroughEntities() async throws {
        let sdl = """
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "upc") @key(fields: "sku vendor { id }") {
              upc: String!
              sku: String!
              vendor: Vendor!
              name: String
            }
            type Vendor { id: ID! }
            """
        let subgraph = try FederatedSubgraph(sdl: sdl)
        #expect(subgraph.keys(of: "Product").map(\.fields) == ["upc", "sku vendor { id }"])
        #expect(subgraph.federationProblems.isEmpty)
        let log = BatchLog()
        var entities = EntityResolvers<Void>()
        entities.entity("Product") { representations, _ in
            log.record("Product", representations.map { $0.fields.serializedKeys })
            return representations.map { representation -> JSONValue in
                let upc = representation["upc"]?.stringValue ?? "by-sku-\(representation["sku"]?.stringValue ?? "")-\(representation["vendor"]?["id"]?.stringValue ?? "")"
                return ["upc": .string(upc), "name": .string("product \(upc)")]
            }
        }
        let schema = try ExecutableSchema<Void>.subgraph(subgraph, entities: entities)
        let response = await respond(schema, """
            { _entities(representations: [{__typename: "Product", upc: "1"}, {__typename: "Product", sku: "s", vendor: {id: "v"}}]) {
                ... on Product { upc name } } }
            """, context: ())
        #expect(response == #"{"data":{"_entities":[{"upc":"1","name":"product 1"},{"upc":"by-sku-s-v","name":"product by-sku-s-v"}]}}"#)
        #expect(log.recorded == [["Product", "__typename,upc", "__typename,sku,vendor"]])
    }

    @Test func resolvableFalseKeysStillMakeAnEntity() throws {
        let subgraph = try FederatedSubgraph(sdl: """
            \(federation2Link)
            type Query { topReview: Review }
            type Review { id: ID! product: Product }
            type Product @key(fields: "upc", resolvable: false) { upc: String! }
            """)
        #expect(subgraph.entityTypeNames == ["Product"])
        #expect(subgraph.keys(of: "Product").map(\.resolvable) == [false])
        #expect(try printSchema(subgraph.schema).contains("union _Entity = Product"))
    }

    @Test func invalidKeysAreReportedWithTheirCode() throws {
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "id") { upc: String! }
            """) == ["KEY_INVALID_FIELDS"])
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "upc(x: 1)") { upc(x: Int): String! }
            """) == ["KEY_FIELDS_HAVE_ARGS"])
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "tags") { tags: [String] }
            """) == ["KEY_FIELDS_SELECT_INVALID_TYPE"])
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "vendor") { vendor: Vendor }
            type Vendor { id: ID }
            """) == ["KEY_INVALID_FIELDS"])
        let error = subgraphError("""
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "id") { upc: String! }
            """)
        #expect(error?.message == #"[KEY_INVALID_FIELDS] On type "Product", for @key(fields: "id"): Cannot query field "id" on type "Product" (the field should either be added to this subgraph or, if it should not be resolved by this subgraph, you need to add it to this subgraph with @external)."#)
        #expect(error?.extensions?["code"] == "KEY_INVALID_FIELDS")
    }
}

/// Federation directives on interfaces: keys from v2.3; `@external`, `@requires`, `@provides`,
/// `@shareable` never on interface fields.
@Suite struct InterfaceDirectiveRulesTests {
    @Test func directivesInterfacesDoNotTake() throws {
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { node: Node }
            interface Node { id: ID! @external name: String @requires(fields: "id") other: Node @provides(fields: "id") tag: String @shareable }
            """) == ["EXTERNAL_ON_INTERFACE", "REQUIRES_UNSUPPORTED_ON_INTERFACE", "PROVIDES_UNSUPPORTED_ON_INTERFACE", "INVALID_SHAREABLE_USAGE"])
    }

    @Test func keysOnInterfacesNeedVersion23() throws {
        #expect(try problemCodes("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.2", import: ["@key"])
            type Query { node: Node }
            interface Node @key(fields: "id") { id: ID! }
            type User implements Node @key(fields: "id") { id: ID! }
            """) == ["KEY_UNSUPPORTED_ON_INTERFACE"])
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { node: Node }
            interface Node @key(fields: "id") { id: ID! }
            type User implements Node @key(fields: "id") { id: ID! }
            """) == [])
    }
}

/// `@external`: allowed when a key, `@requires` or `@provides` uses it; unused is an error.
@Suite struct ExternalDirectiveTests {
    @Test func usedExternalFieldsAreFine() throws {
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "upc") { upc: String! weight: Int @external shippingEstimate: Int @requires(fields: "weight") }
            """) == [])
    }

    @Test func unusedExternalFieldsAreReported() throws {
        let problems = try FederatedSubgraph(sdl: """
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "upc") { upc: String! weight: Int @external }
            """).federationProblems
        #expect(problems.map(\.code) == ["EXTERNAL_UNUSED"])
        #expect(problems.first?.message.hasPrefix(#"Field "Product.weight" is marked @external but is not used"#) == true)
    }

    @Test func externalFieldsSatisfyingAnInterfaceAreUsed() throws {
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            interface Named { name: String }
            type Product implements Named @key(fields: "upc") { upc: String! name: String @external }
            """) == [])
    }
}

/// `@requires`: the required fields arrive in the representation given to the batch resolver.
@Suite struct RequiresDirectiveTests {
    @Test func requiredFieldsReachTheReferenceResolver() async throws {
        let sdl = """
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "upc") {
              upc: String!
              weight: Int @external
              price: Int @external
              shippingEstimate: Int @requires(fields: "price weight")
            }
            """
        var entities = EntityResolvers<Void>()
        struct Representation: Decodable, Sendable { let upc: String; let weight: Int; let price: Int }
        entities.entity("Product", as: Representation.self) { items, _ in
            items.map { item -> JSONValue in ["upc": .string(item.upc), "shippingEstimate": .int(item.price > 1000 ? 0 : item.weight / 2)] }
        }
        let schema = try ExecutableSchema<Void>.subgraph(sdl: sdl, entities: entities)
        let response = await respond(schema, """
            { _entities(representations: [{__typename: "Product", upc: "1", weight: 10, price: 5}, {__typename: "Product", upc: "2", weight: 10, price: 2000}]) {
                ... on Product { upc shippingEstimate } } }
            """, context: ())
        #expect(response == #"{"data":{"_entities":[{"upc":"1","shippingEstimate":5},{"upc":"2","shippingEstimate":0}]}}"#)
    }

    @Test func requiresOfUnknownOrLocalFieldsAreReported() throws {
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "upc") { upc: String! shippingEstimate: Int @requires(fields: "weight") }
            """) == ["REQUIRES_INVALID_FIELDS"])
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            type Product @key(fields: "upc") { upc: String! weight: Int shippingEstimate: Int @requires(fields: "weight") }
            """) == ["REQUIRES_FIELDS_MISSING_EXTERNAL"])
    }
}

/// `@provides`: the subgraph resolves the provided external fields on that path.
@Suite struct ProvidesDirectiveTests {
    @Test func providedFieldsResolveLocally() async throws {
        let sdl = """
            \(federation2Link)
            type Query { reviews: [Review] }
            type Review { body: String author: User @provides(fields: "username") }
            type User @key(fields: "id") { id: ID! username: String @external }
            """
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("reviews") { _, _ in JSONValue.array([["body": "great", "author": ["id": "u1", "username": "ada"]]]) }
        }
        let schema = try ExecutableSchema<Void>.subgraph(sdl: sdl, resolvers: resolvers)
        #expect(await respond(schema, "{ reviews { body author { id username } } }", context: ()) == #"{"data":{"reviews":[{"body":"great","author":{"id":"u1","username":"ada"}}]}}"#)
    }

    @Test func invalidProvidesAreReported() throws {
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { reviews: [Review] }
            type Review { body: String author: User @provides(fields: "email") }
            type User @key(fields: "id") { id: ID! username: String }
            """) == ["PROVIDES_INVALID_FIELDS"])
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { reviews: [Review] }
            type Review { body: String @provides(fields: "length") }
            """) == ["PROVIDES_ON_NON_OBJECT_FIELD"])
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { reviews: [Review] }
            type Review { author: User @provides(fields: "username") }
            type User @key(fields: "id") { id: ID! username: String }
            """) == ["PROVIDES_FIELDS_MISSING_EXTERNAL"])
    }
}

/// `@interfaceObject`: an interface seen as an object type; `_entities` resolves it by the
/// interface's name.
@Suite struct InterfaceObjectDirectiveTests {
    @Test func interfaceObjectEntitiesResolveByTheInterfaceName() async throws {
        let sdl = """
            \(federation2Link)
            type Query { a: Int }
            type Media @interfaceObject @key(fields: "id") { id: ID! reviewsCount: Int }
            """
        var entities = EntityResolvers<Void>()
        entities.entity("Media") { representations, _ in
            try representations.map { representation -> JSONValue in
                ["id": .string(try representation.string("id")), "reviewsCount": 3]
            }
        }
        let schema = try ExecutableSchema<Void>.subgraph(sdl: sdl, entities: entities)
        let response = await respond(schema, #"{ _entities(representations: [{__typename: "Media", id: "m1"}]) { __typename ... on Media { id reviewsCount } } }"#, context: ())
        #expect(response == #"{"data":{"_entities":[{"__typename":"Media","id":"m1","reviewsCount":3}]}}"#)
    }

    @Test func interfaceObjectWithoutKeyIsReported() throws {
        #expect(try problemCodes("""
            \(federation2Link)
            type Query { a: Int }
            type Media @interfaceObject { id: ID! }
            """) == ["INTERFACE_OBJECT_USAGE_ERROR"])
    }

    @Test func entityInterfacesTakeReferenceResolvers() async throws {
        let sdl = """
            \(federation2Link)
            type Query { a: Int }
            interface Media @key(fields: "id") { id: ID! title: String }
            type Book implements Media @key(fields: "id") { id: ID! title: String }
            type Movie implements Media @key(fields: "id") { id: ID! title: String }
            """
        var entities = EntityResolvers<Void>()
        entities.entity("Media") { representations, _ in
            try representations.map { representation -> JSONValue in
                let id = try representation.string("id")
                return ["__typename": .string(id.hasPrefix("b") ? "Book" : "Movie"), "id": .string(id), "title": .string("t-\(id)")]
            }
        }
        let schema = try ExecutableSchema<Void>.subgraph(sdl: sdl, entities: entities)
        let response = await respond(schema, #"{ _entities(representations: [{__typename: "Media", id: "b1"}, {__typename: "Media", id: "m1"}]) { __typename ... on Media { id title } } }"#, context: ())
        #expect(response == #"{"data":{"_entities":[{"__typename":"Book","id":"b1","title":"t-b1"},{"__typename":"Movie","id":"m1","title":"t-m1"}]}}"#)
    }
}

extension JSONObject {
    /// The keys, comma-separated (what a test records of a representation's shape).
    var serializedKeys: String { keys.joined(separator: ",") }
}
