import GraphQLKit
import SupergraphComposition
import Testing

/// The path the gateway takes: subgraphs built with `ExecutableSchema.subgraph` answer
/// `_service { sdl }`, and the answers compose.
@Suite struct ServiceSDLCompositionTests {
    @Test func sdlFetchedThroughServiceComposes() async throws {
        var fetched: [SubgraphDefinition] = []
        for definition in BenchmarkFixtures.subgraphs {
            let schema = try ExecutableSchema<Void>.subgraph(sdl: definition.sdl)
            let response = await schema.execute(GraphQLRequest(query: "{ _service { sdl } }"), context: ())
            let sdl = try #require(response.dataValue?["_service"]?["sdl"]?.stringValue)
            fetched.append(SubgraphDefinition(name: definition.name, url: definition.url, sdl: sdl))
        }
        let supergraph = try #require(composed(fetched))
        #expect(supergraph.sdl == BenchmarkFixtures.apolloSupergraph)
    }

    @Test func aSubgraphTheSpecificationRejectsIsReportedByComposition() {
        let errors = composeSupergraph([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! w: Int @external }"),
        ]).errors
        #expect(errors == [CompositionError(code: "EXTERNAL_UNUSED", message: #"[a] Field "Product.w" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external)."#)])
    }
}
