import GraphQLKit
import SupergraphComposition
import Testing

/// The benchmark's four subgraphs compose to the supergraph Apollo's composition prints.
@Suite struct BenchmarkSupergraphTests {
    @Test func composesTheSupergraphApolloComposes() throws {
        let supergraph = try #require(composed(BenchmarkFixtures.subgraphs))
        #expect(try canonical(supergraph.sdl) == canonical(BenchmarkFixtures.apolloSupergraph))
        // Byte for byte in Apollo's layout, too.
        #expect(supergraph.sdl == BenchmarkFixtures.apolloSupergraph)
        #expect(supergraph.graphs.map(\.name) == ["accounts", "inventory", "products", "reviews"])
        #expect(supergraph.graphs.map(\.enumValue) == ["ACCOUNTS", "INVENTORY", "PRODUCTS", "REVIEWS"])
    }

    @Test func readsTheApolloSupergraphAndDerivesTheAPISchema() throws {
        let supergraph = try Supergraph(sdl: BenchmarkFixtures.apolloSupergraph)
        #expect(supergraph.graphs.map(\.url) == ["http://0.0.0.0:4200/accounts", "http://0.0.0.0:4200/inventory", "http://0.0.0.0:4200/products", "http://0.0.0.0:4200/reviews"])
        #expect(supergraph.apiSchemaSDL == """
            type Product {
              upc: String!
              weight: Int
              price: Int
              inStock: Boolean
              shippingEstimate: Int
              name: String
              reviews: [Review]
            }

            type Query {
              me: User
              user(id: ID!): User
              users: [User]
              topProducts(first: Int = 5): [Product]
            }

            type Review {
              id: ID!
              body: String
              product: Product
              author: User
            }

            type User {
              id: ID!
              name: String
              username: String
              birthday: Int
              reviews: [Review]
            }
            """)
        #expect(try apiSchema(fromSupergraph: BenchmarkFixtures.apolloSupergraph) == supergraph.apiSchemaSDL)
        let ours = try #require(composed(BenchmarkFixtures.subgraphs))
        #expect(ours.apiSchemaSDL == supergraph.apiSchemaSDL)
    }

    @Test func textThatIsNotASupergraphIsRejected() {
        #expect(throws: CompositionError.self) { try Supergraph(sdl: "type Query { a: Int }") }
        #expect(throws: CompositionError.self) { try Supergraph(sdl: "type Query {") }
    }
}
