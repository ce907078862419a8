import GatewayCore
import GraphQLKit
import NIOConcurrencyHelpers
import Testing

/// Progressive `@override(from:, label:)` through the gateway: two federation subgraphs over
/// real sockets, composed by the gateway, with the labels decided per request.
@Suite(.serialized) struct ProgressiveOverrideTests {
    /// The old home of every Product field: answers with "old" values.
    static func oldSubgraph() throws -> ExecutableSchema<Void> {
        let product: JSONValue = ["upc": "1", "name": "Table (old)", "weight": 5, "price": 10, "rating": 1]
        var resolvers = Resolvers<Void>()
        resolvers.query { root in
            root.field("products") { (_: FieldArguments, _: Void) -> JSONValue in [product] }
            root.field("featured") { (_: FieldArguments, _: Void) -> JSONValue in product }
        }
        var entities = EntityResolvers<Void>()
        entities.entity("Product") { representations, _ in representations.map { _ in product } }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Query { products: [Product] featured: Product }
            type Product @key(fields: "upc") { upc: String! name: String weight: Int price: Int rating: Int }
            """, resolvers: resolvers, entities: entities)
    }

    /// Takes fields over progressively: `name` at 100 %, `weight` at 0 %, `rating` at 50 %,
    /// `price` behind the custom label `betaPricing`, and the root field `featured` at 100 %.
    static func newSubgraph() throws -> ExecutableSchema<Void> {
        let product: JSONValue = ["upc": "1", "name": "Table (new)", "weight": 50, "price": 20, "rating": 5]
        var resolvers = Resolvers<Void>()
        resolvers.query { root in root.field("featured") { (_: FieldArguments, _: Void) -> JSONValue in product } }
        var entities = EntityResolvers<Void>()
        entities.entity("Product") { representations, _ in representations.map { _ in product } }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
            type Query { featured: Product @override(from: "old", label: "percent(100)") }
            type Product @key(fields: "upc") {
              upc: String!
              name: String @override(from: "old", label: "percent(100)")
              weight: Int @override(from: "old", label: "percent(0)")
              price: Int @override(from: "old", label: "betaPricing")
              rating: Int @override(from: "old", label: "percent(50)")
            }
            """, resolvers: resolvers, entities: entities)
    }

    static func subgraphs() throws -> [(name: String, schema: ExecutableSchema<Void>)] {
        [("old", try oldSubgraph()), ("new", try newSubgraph())]
    }

    @Test func theComposedSupergraphKeepsBothSubgraphsInJoinSpecForm() async throws {
        try await ComposedGateway.with(try Self.subgraphs()) { gateway in
            let sdl = gateway.supergraphSDL
            #expect(sdl.contains(#"@link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)"#))
            #expect(sdl.contains(#"name: String @join__field(graph: NEW, override: "old", overrideLabel: "percent(100)") @join__field(graph: OLD, overrideLabel: "percent(100)")"#))
            #expect(sdl.contains(#"price: Int @join__field(graph: NEW, override: "old", overrideLabel: "betaPricing") @join__field(graph: OLD, overrideLabel: "betaPricing")"#))
            #expect(sdl.contains(#"featured: Product @join__field(graph: NEW, override: "old", overrideLabel: "percent(100)") @join__field(graph: OLD, overrideLabel: "percent(100)")"#))
            #expect(gateway.runtime.engine?.supergraph.overrideLabels == ["betaPricing", "percent(0)", "percent(100)", "percent(50)"])
        }
    }

    @Test func percentZeroStaysAndPercentHundredMoves() async throws {
        try await ComposedGateway.with(try Self.subgraphs()) { gateway in
            let (response, plan) = try await gateway.runWithPlan("{ products { upc name weight } }")
            #expect(response["data"] == ["products": [["upc": "1", "name": "Table (new)", "weight": 5]]])
            #expect(plan.contains(#"Fetch(service: "old") {"# + "\n" + "      query{products{upc weight __typename}}"))
            #expect(plan.contains("{_entities(representations:$representations){...on Product{name}}}"))
            // A root field overridden at 100 % is fetched from the new subgraph only.
            let (featured, featuredPlan) = try await gateway.runWithPlan("{ featured { name weight } }")
            #expect(featured["data"] == ["featured": ["name": "Table (new)", "weight": 5]])
            #expect(featuredPlan.contains(#"Fetch(service: "new") {"# + "\n" + "      query{featured{name __typename upc}}"))
        }
    }

    @Test func aCustomLabelIsOffUntilConfigured() async throws {
        try await ComposedGateway.with(try Self.subgraphs()) { gateway in
            let response = try await gateway.run("{ products { price } }")
            #expect(response["data"] == ["products": [["price": 10]]])
        }
        try await ComposedGateway.with(try Self.subgraphs(), overrideLabels: OverrideLabelPolicy(enabledLabels: ["betaPricing"])) { gateway in
            let (response, plan) = try await gateway.runWithPlan("{ products { price } }")
            #expect(response["data"] == ["products": [["price": 20]]])
            #expect(plan.contains("...on Product{price}"))
        }
    }

    @Test func percentLabelsAreDrawnPerRequestAndPlansCachedPerLabelSet() async throws {
        // Draws alternate 10, 90, 10, 90: percent(50) is on for the 1st and 3rd request.
        let draws = NIOLockedValueBox(0)
        let policy = OverrideLabelPolicy(draw: {
            draws.withLockedValue { count in
                defer { count += 1 }
                return count % 2 == 0 ? 10 : 90
            }
        })
        try await ComposedGateway.with(try Self.subgraphs(), overrideLabels: policy) { gateway in
            var ratings: [JSONValue?] = []
            for _ in 0..<4 { ratings.append(try await gateway.run("{ products { rating } }")["data"]?["products"]?[0]?["rating"]) }
            #expect(ratings == [5, 1, 5, 1])
            #expect(draws.withLockedValue { $0 } == 4)
            // Two label sets met, two plans: not one per request.
            #expect(gateway.runtime.engine?.cachedPlanCount == 2)
        }
    }

    @Test func anInvalidLabelIsAPollingCompositionError() async throws {
        let invalid = try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
            type Product @key(fields: "upc") { upc: String! name: String @override(from: "old", label: "percent(150)") }
            """)
        let error = await #expect(throws: GraphQLError.self) {
            try await ComposedGateway.with([("old", try Self.oldSubgraph()), ("new", invalid)]) { _ in }
        }
        #expect(error?.message.contains(#"[OVERRIDE_LABEL_INVALID] Invalid @override label "percent(150)" on field "Product.name" on subgraph "new""#) == true)
    }

    @Test func theConfigurationReadsEnabledLabels() throws {
        let configuration = try GatewayConfiguration(environment: ["GATEWAY_SUBGRAPHS": "a=http://127.0.0.1:1/graphql",
                                                                  "GATEWAY_OVERRIDE_LABELS": "betaPricing, new-search:v2 ,"])
        #expect(configuration.enabledOverrideLabels == ["betaPricing", "new-search:v2"])
    }
}
