import Testing
@testable import GraphQLKit

/// `@link` imports, renames and namespaces; Federation 1 style; the specification's additions.
@Suite struct SubgraphLinkTests {
    @Test func federation2AddsTheSpecificationElementsAndServiceAnswersTheSDLAsWritten() async throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Query { product(upc: String!): Product }
            type Product @key(fields: "upc") { upc: String! name: String }
            """
        let schema = try ExecutableSchema<Void>.subgraph(sdl: sdl)
        let printed = try printSchema(schema.schema)
        #expect(printed.contains("union _Entity = Product"))
        #expect(printed.contains("scalar _Any"))
        #expect(printed.contains("scalar federation__FieldSet"))
        #expect(printed.contains("scalar link__Import"))
        #expect(printed.contains("directive @key(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE"))
        #expect(printed.contains("directive @federation__shareable repeatable on OBJECT | FIELD_DEFINITION"))
        #expect(printed.contains("directive @federation__interfaceObject on OBJECT"))
        #expect(printed.contains("_entities(representations: [_Any!]!): [_Entity]!"))
        #expect(printed.contains("_service: _Service!"))
        let response = await schema.execute(GraphQLRequest(query: "{ _service { sdl } }"), context: ())
        #expect(response.errors.isEmpty)
        #expect(response.dataValue?["_service"]?["sdl"]?.stringValue == sdl)
    }

    @Test func importsCanBeRenamedAndTheRestIsNamespaced() throws {
        let subgraph = try FederatedSubgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0",
                                import: [{ name: "@key", as: "@primaryKey" }, "FieldSet", { name: "@shareable", as: "@share" }])
            type Query { product: Product @federation__requires(fields: "upc") }
            type Product @primaryKey(fields: "upc") { upc: String! @share name: String @federation__external }
            """)
        #expect(subgraph.links.localName(.key) == "primaryKey")
        #expect(subgraph.links.localName(.shareable) == "share")
        #expect(subgraph.links.localName(.requires) == "federation__requires")
        #expect(subgraph.links.localName(.interfaceObject) == nil)   // v2.0 lacks it
        #expect(subgraph.links.fieldSetTypeName == "FieldSet")
        #expect(subgraph.entityTypeNames == ["Product"])
        #expect(subgraph.keys(of: "Product").map(\.fields) == ["upc"])
        #expect(subgraph.schema.directive("primaryKey") != nil)
        #expect(subgraph.schema.directive("key") == nil)
    }

    @Test func theLinkNamespaceCanBeRenamed() throws {
        let subgraph = try FederatedSubgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", as: "fed")
            type Query { product: Product }
            type Product @fed__key(fields: "upc") { upc: String! }
            """)
        #expect(subgraph.links.localName(.key) == "fed__key")
        #expect(subgraph.links.fieldSetTypeName == "fed__FieldSet")
        #expect(subgraph.entityTypeNames == ["Product"])
    }

    @Test func newerVersionsBringTheirDirectivesAndScalars() throws {
        let subgraph = try FederatedSubgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.12",
                                import: ["@key", "@authenticated", "@requiresScopes", "Scope", "@cost", "@listSize", "@context", "@fromContext"])
            type Query {
              me: User @authenticated
              users(first: Int @cost(weight: 2)): [User] @listSize(slicingArguments: ["first"])
            }
            type User @key(fields: "id") @context(name: "userContext") {
              id: ID!
              email: String @requiresScopes(scopes: [["read:email"]])
              greeting(name: String @fromContext(field: "$userContext { id }")): String
            }
            """)
        #expect(subgraph.federationProblems.isEmpty)
        #expect(subgraph.links.scalarNames["Scope"] == "Scope")
        #expect(subgraph.links.scalarNames["Policy"] == "federation__Policy")
        #expect(subgraph.schema.directive("requiresScopes")?.arguments.first?.type.description == "[[Scope!]!]!")
        #expect(subgraph.schema.directive("federation__policy") != nil)
        #expect(!subgraph.isSubgraphType("Scope"))
    }

    @Test func unknownImportsAndVersionsAreErrors() {
        let unknown = subgraphError("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@kee"])
            type Query { a: Int }
            """)
        #expect(unknown?.message == #"[INVALID_LINK_DIRECTIVE_USAGE] Cannot import unknown element "@kee"."#)
        let tooNew = subgraphError("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@interfaceObject"])
            type Query { a: Int }
            """)
        #expect(tooNew?.message.hasPrefix("[INVALID_LINK_DIRECTIVE_USAGE] Cannot import unknown element \"@interfaceObject\"") == true)
        let badVersion = subgraphError("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v3.0")
            type Query { a: Int }
            """)
        #expect(badVersion?.message.contains("Invalid version v3.0") == true)
    }

    @Test func federation1ExtendTypeAndExtendsWork() async throws {
        let sdl = """
            extend type Query { topProducts: [Product] }
            extend type Product @key(fields: "upc") {
              upc: String! @external
              inStock: Boolean
            }
            type Review @extends @key(fields: "id") { id: ID! @external body: String }
            """
        let subgraph = try FederatedSubgraph(sdl: sdl)
        #expect(!subgraph.links.isFederation2)
        #expect(subgraph.links.fieldSetTypeName == "_FieldSet")
        #expect(subgraph.entityTypeNames == ["Product", "Review"])
        #expect(subgraph.extensionTypeNames == ["Query", "Product", "Review"])
        #expect(subgraph.federationProblems.isEmpty)
        var resolvers = Resolvers<Void>()
        resolvers.query { query in query.field("topProducts") { _, _ in JSONValue.array([["upc": "1", "inStock": true]]) } }
        let schema = try ExecutableSchema.subgraph(subgraph, resolvers: resolvers)
        #expect(await respond(schema, "{ topProducts { upc inStock } _service { sdl } }", context: ()).hasPrefix(#"{"data":{"topProducts":[{"upc":"1","inStock":true}],"_service":{"sdl":"extend type Query"#))
        let entities = await respond(schema, #"{ _entities(representations: [{__typename: "Review", id: "r1"}]) { ... on Review { id body } } }"#, context: ())
        #expect(entities == #"{"data":{"_entities":[{"id":"r1","body":null}]}}"#)
    }

    @Test func aSubgraphWithoutEntitiesHasNoEntitiesField() async throws {
        let schema = try ExecutableSchema<Void>.subgraph(sdl: "type Query { a: Int }")
        #expect(schema.schema.namedType("_Entity") == nil)
        #expect(schema.schema.field("_entities", on: "Query") == nil)
        #expect(await respond(schema, "{ _service { sdl } }", context: ()) == #"{"data":{"_service":{"sdl":"type Query { a: Int }"}}}"#)
    }

    @Test func aSubgraphWithoutQueryTypeGetsOne() async throws {
        let schema = try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Product @key(fields: "id") { id: ID! }
            """)
        let response = await respond(schema, #"{ _entities(representations: [{__typename: "Product", id: "7"}]) { ... on Product { id } } }"#, context: ())
        #expect(response == #"{"data":{"_entities":[{"id":"7"}]}}"#)
    }
}
