import Testing
@testable import GraphQLKit

/// Builds `sdl` (with `product(upc:)` answering JSON `fields`), runs `query`, and returns the
/// response with the subgraph (so a test can look at the directive the way composition reads it).
private func serve(_ sdl: String, fields: JSONObject, query: String) async throws -> (FederatedSubgraph, String, String?) {
    let subgraph = try FederatedSubgraph(sdl: sdl)
    #expect(subgraph.federationProblems.isEmpty)
    var resolvers = Resolvers<Void>()
    resolvers.query { root in
        root.field("product") { args, _ in
            var object = fields
            object.appendNew("upc", .string(try args.string("upc")))
            return JSONValue.object(object)
        }
    }
    let schema = try ExecutableSchema<Void>.subgraph(subgraph, resolvers: resolvers)
    let response = await respond(schema, query, context: ())
    let service = await schema.execute(GraphQLRequest(query: "{ _service { sdl } }"), context: ())
    return (subgraph, response, service.dataValue?["_service"]?["sdl"]?.stringValue)
}

/// `@shareable` on fields and on types: recognized, the fields execute, the SDL keeps it.
@Suite struct ShareableDirectiveTests {
    static let sdl = """
        \(federation2Link)
        type Query { product(upc: String!): Product @shareable }
        type Product @key(fields: "upc") { upc: String! name: String @shareable position: Position }
        type Position @shareable { x: Int y: Int }
        """

    @Test func fieldAndTypeLevelShareable() async throws {
        let (subgraph, response, sdl) = try await serve(Self.sdl, fields: ["name": "chair", "position": ["x": 1, "y": 2]],
                                                          query: #"{ product(upc: "1") { upc name position { x y } } }"#)
        #expect(subgraph.links.contains(.shareable, in: subgraph.fieldDirectives("Product", "name")))
        #expect(subgraph.links.contains(.shareable, in: subgraph.fieldDirectives("Query", "product")))
        #expect(subgraph.links.contains(.shareable, in: subgraph.schema.namedType("Position")!.appliedDirectives))
        #expect(response == #"{"data":{"product":{"upc":"1","name":"chair","position":{"x":1,"y":2}}}}"#)
        #expect(sdl == Self.sdl)
    }
}

/// `@inaccessible`: hides elements from the supergraph's API schema, not from the subgraph.
@Suite struct InaccessibleDirectiveTests {
    static let sdl = """
        \(federation2Link)
        type Query { product(upc: String!, debug: Boolean @inaccessible): Product }
        type Product @key(fields: "upc") { upc: String! cost: Int @inaccessible kind: Kind }
        enum Kind { NEW USED @inaccessible }
        """

    @Test func inaccessibleElementsStillExecuteInTheSubgraph() async throws {
        let (subgraph, response, sdl) = try await serve(Self.sdl, fields: ["cost": 4, "kind": "USED"],
                                                          query: #"{ product(upc: "1", debug: true) { upc cost kind } }"#)
        #expect(subgraph.links.contains(.inaccessible, in: subgraph.fieldDirectives("Product", "cost")))
        #expect(subgraph.links.contains(.inaccessible, in: subgraph.schema.field("product", on: "Query")?.argument("debug")?.astNode?.directives ?? []))
        #expect(response == #"{"data":{"product":{"upc":"1","cost":4,"kind":"USED"}}}"#)
        #expect(sdl == Self.sdl)
    }
}

/// `@override(from:, label:)`: recognized with both arguments; the field executes here.
@Suite struct OverrideDirectiveTests {
    static let sdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
        type Query { product(upc: String!): Product }
        type Product @key(fields: "upc") { upc: String! price: Int @override(from: "legacy", label: "percent(50)") tax: Int @override(from: "legacy") }
        """

    @Test func overrideArgumentsAreReadAndTheFieldResolves() async throws {
        let (subgraph, response, sdl) = try await serve(Self.sdl, fields: ["price": 10, "tax": 2], query: #"{ product(upc: "1") { price tax } }"#)
        let price = subgraph.links.applications(of: .override, in: subgraph.fieldDirectives("Product", "price")).first
        #expect(price?.stringArgument("from") == "legacy")
        #expect(price?.stringArgument("label") == "percent(50)")
        #expect(subgraph.links.applications(of: .override, in: subgraph.fieldDirectives("Product", "tax")).first?.stringArgument("label") == nil)
        #expect(response == #"{"data":{"product":{"price":10,"tax":2}}}"#)
        #expect(sdl == Self.sdl)
    }

    @Test func theLabelArgumentIsDefinedWhateverTheVersion() throws {
        let subgraph = try FederatedSubgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@override"])
            type Query { a: Int @override(from: "old") }
            """)
        #expect(subgraph.schema.directive("override")?.arguments.map(\.name) == ["from", "label"])
    }
}

/// `@tag(name:)`: repeatable on any element.
@Suite struct TagDirectiveTests {
    static let sdl = """
        \(federation2Link)
        type Query { product(upc: String! @tag(name: "arg")): Product @tag(name: "public") @tag(name: "v2") }
        type Product @key(fields: "upc") @tag(name: "catalog") { upc: String! }
        """

    @Test func tagsAreReadFromEveryElement() async throws {
        let (subgraph, response, sdl) = try await serve(Self.sdl, fields: [:], query: #"{ product(upc: "1") { upc } }"#)
        #expect(subgraph.links.applications(of: .tag, in: subgraph.fieldDirectives("Query", "product")).compactMap { $0.stringArgument("name") } == ["public", "v2"])
        #expect(subgraph.links.applications(of: .tag, in: subgraph.schema.namedType("Product")!.appliedDirectives).first?.stringArgument("name") == "catalog")
        #expect(response == #"{"data":{"product":{"upc":"1"}}}"#)
        #expect(sdl == Self.sdl)
    }
}

/// `@composeDirective(name:)`: a custom directive linked from its own specification.
@Suite struct ComposeDirectiveTests {
    static let sdl = """
        extend schema
          @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@composeDirective"])
          @link(url: "https://myspecs.dev/cache/v1.0", import: ["@cacheControl"])
          @composeDirective(name: "@cacheControl")
        directive @cacheControl(maxAge: Int) on FIELD_DEFINITION
        type Query { product(upc: String!): Product @cacheControl(maxAge: 30) }
        type Product @key(fields: "upc") { upc: String! }
        """

    @Test func theCustomDirectiveAndItsLinkAreKept() async throws {
        let (subgraph, response, sdl) = try await serve(Self.sdl, fields: [:], query: #"{ product(upc: "1") { upc } }"#)
        #expect(subgraph.links.otherLinks.map(\.url) == ["https://myspecs.dev/cache/v1.0"])
        #expect(subgraph.links.otherLinks.first?.imports == ["@cacheControl"])
        #expect(subgraph.schema.directive("cacheControl") != nil)
        #expect(subgraph.schema.directive("composeDirective")?.isRepeatable == true)
        #expect(response == #"{"data":{"product":{"upc":"1"}}}"#)
        #expect(sdl == Self.sdl)
    }
}

/// `@extends` and `extend type`: a type another subgraph owns.
@Suite struct ExtendsDirectiveTests {
    @Test func extendedTypesResolveThroughEntities() async throws {
        let sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@extends", "@external"])
            type Product @extends @key(fields: "upc") { upc: String! @external stock: Int }
            extend type Review @key(fields: "id") { id: ID! helpful: Int }
            """
        let subgraph = try FederatedSubgraph(sdl: sdl)
        #expect(subgraph.extensionTypeNames == ["Product", "Review"])
        #expect(subgraph.keys(of: "Product").map(\.isExtension) == [true])
        var entities = EntityResolvers<Void>()
        entities.entity("Product") { representations, _ in
            try representations.map { representation -> JSONValue in ["upc": .string(try representation.string("upc")), "stock": 5] }
        }
        let schema = try ExecutableSchema<Void>.subgraph(subgraph, entities: entities)
        let response = await respond(schema, #"{ _entities(representations: [{__typename: "Product", upc: "1"}, {__typename: "Review", id: "r", helpful: 2}]) { ... on Product { upc stock } ... on Review { id helpful } } }"#, context: ())
        #expect(response == #"{"data":{"_entities":[{"upc":"1","stock":5},{"id":"r","helpful":2}]}}"#)
    }
}
