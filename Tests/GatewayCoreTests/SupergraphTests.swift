import GatewayCore
import GraphQLKit
import Testing

/// Loading a join-spec supergraph: subgraphs, join facts, the API schema.
@Suite struct SupergraphTests {
    @Test func readsSubgraphsAndJoins() throws {
        let supergraph = try Supergraph(sdl: PlannerFixtures.supergraphSDL)
        #expect(supergraph.subgraphs.map(\.name) == ["accounts", "inventory", "products", "reviews", "media"])
        #expect(supergraph.subgraph(named: "reviews")?.url == "http://127.0.0.1:4004/graphql")
        #expect(supergraph.resolvableGraphs(type: "Product", field: "price") == ["products"])
        #expect(supergraph.resolvableGraphs(type: "Product", field: "upc") == ["inventory", "products", "reviews"])
        #expect(supergraph.resolvableGraphs(type: "User", field: "email") == ["accounts"])
        #expect(supergraph.fieldJoin(type: "Product", field: "shippingEstimate", graph: "inventory")?.requires != nil)
        #expect(supergraph.fieldJoin(type: "Review", field: "author", graph: "reviews")?.provides != nil)
        #expect(supergraph.keys(of: "User", in: "reviews").count == 1)
        #expect(supergraph.interfaceObjectGraphs(of: "Media") == ["reviews"])
        #expect(supergraph.canReturn(object: "Category", as: "SearchResult", in: "products"))
        #expect(!supergraph.canReturn(object: "Category", as: "SearchResult", in: "reviews"))
    }

    @Test func apiSchemaHasNoJoinLinkOrInaccessibleElements() throws {
        let supergraph = try Supergraph(sdl: PlannerFixtures.supergraphSDL)
        let sdl = supergraph.apiSDL
        #expect(!sdl.contains("join__"))
        #expect(!sdl.contains("link"))
        #expect(!sdl.contains("inaccessible"))
        #expect(!sdl.contains("secret"))
        #expect(sdl.contains("topProducts(first: Int = 5): [Product]"))
        #expect(supergraph.apiSchema.field("secret", on: "Query") == nil)
        #expect(supergraph.apiSchema.validationErrors.isEmpty)
    }

    @Test func rejectsTextThatIsNotASupergraph() {
        #expect(throws: SupergraphLoadError.self) { try Supergraph(sdl: "type Query { a: Int }") }
        #expect(throws: SupergraphLoadError.self) { try Supergraph(sdl: "type Query {") }
    }

    @Test func testQueryCountsCallsAndRounds() throws {
        let plan = try PlannerFixtures.planner().plan(document: try Parser.parse("""
            fragment User on User { id username name }
            fragment Review on Review { id body }
            fragment Product on Product { inStock name price shippingEstimate upc weight }
            query TestQuery {
              users { ...User reviews { ...Review product { ...Product } } }
              topProducts { ...Product reviews { ...Review author { ...User } } }
            }
            """))
        #expect(plan.node?.fetches.count == 7)
        #expect(plan.node?.sequentialRounds == 4)
    }

    @Test func unknownFieldsAndOperationsAreErrors() throws {
        let planner = try PlannerFixtures.planner()
        #expect(throws: GraphQLError.self) { try planner.plan(document: try Parser.parse("{ nope }")) }
        #expect(throws: GraphQLError.self) { try planner.plan(document: try Parser.parse("{ me { nope } }")) }
        #expect(throws: GraphQLError.self) { try planner.plan(document: try Parser.parse("{ secret }")) }
        #expect(throws: GraphQLError.self) { try planner.plan(document: try Parser.parse("query A { me { id } }"), operationName: "B") }
    }
}
