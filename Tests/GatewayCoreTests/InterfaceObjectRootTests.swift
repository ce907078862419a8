import GatewayCore
import GraphQLKit
import NIOConcurrencyHelpers
import Testing

/// Root fields of a subgraph that knows an entity interface only as an `@interfaceObject`:
/// the gateway fetches them there, asks the subgraph that owns the interface for the concrete
/// type (`_entities` with the interface's representation), and fetches the concrete types'
/// fields from wherever they live. Three federation subgraphs over real sockets.
@Suite(.serialized) struct InterfaceObjectRootTests {
    static let items: [String: JSONValue] = [
        "b1": ["__typename": "Book", "id": "b1", "title": "Dune", "pages": 412],
        "m1": ["__typename": "Movie", "id": "m1", "title": "Alien", "minutes": 117],
    ]

    /// Owns the interface and its implementations; records the representations it is sent.
    static func mediaSubgraph(received: NIOLockedValueBox<[String]>) throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { root in
            root.field("mediaItem") { (arguments: FieldArguments, _: Void) -> JSONValue in items[arguments["id"]?.stringValue ?? ""] ?? .null }
        }
        var entities = EntityResolvers<Void>()
        for typeName in ["Media", "Book", "Movie"] {
            entities.entity(typeName) { representations, _ in
                representations.map { representation -> JSONValue in
                    received.withLockedValue { $0.append(representation.typename) }
                    return items[representation["id"]?.stringValue ?? ""] ?? .null
                }
            }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Query { mediaItem(id: ID!): Media }
            interface Media @key(fields: "id") { id: ID! title: String }
            type Book implements Media @key(fields: "id") { id: ID! title: String pages: Int }
            type Movie implements Media @key(fields: "id") { id: ID! title: String minutes: Int }
            """, resolvers: resolvers, entities: entities)
    }

    /// Knows Media only as an interface object: ratings, the root fields `topRated` and
    /// `mostRated` (a single value), and `Review.media` below a root field.
    static func reviewsSubgraph() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { root in
            root.field("topRated") { (_: FieldArguments, _: Void) -> JSONValue in [["id": "m1", "rating": 5], ["id": "b1", "rating": 4]] }
            root.field("mostRated") { (_: FieldArguments, _: Void) -> JSONValue in ["id": "b1", "rating": 4] }
            root.field("latestReview") { (_: FieldArguments, _: Void) -> JSONValue in ["body": "Scary.", "media": ["id": "m1", "rating": 5]] }
        }
        var entities = EntityResolvers<Void>()
        entities.entity("Media") { representations, _ in
            representations.map { representation -> JSONValue in ["id": representation["id"] ?? .null, "rating": representation["id"] == "b1" ? 4 : 5] }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
            type Query { topRated: [Media!]! mostRated: Media latestReview: Review }
            type Review { body: String media: Media }
            type Media @key(fields: "id") @interfaceObject { id: ID! rating: Int }
            """, resolvers: resolvers, entities: entities)
    }

    /// Sells books: a field of one concrete type only.
    static func shopSubgraph() throws -> ExecutableSchema<Void> {
        var entities = EntityResolvers<Void>()
        entities.entity("Book") { representations, _ in
            representations.map { representation -> JSONValue in ["id": representation["id"] ?? .null, "price": 12] }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Book @key(fields: "id") { id: ID! price: Int }
            """, entities: entities)
    }

    static func withGateway(_ body: (ComposedGateway, NIOLockedValueBox<[String]>) async throws -> Void) async throws {
        let received = NIOLockedValueBox<[String]>([])
        try await ComposedGateway.with([("media", try mediaSubgraph(received: received)), ("reviews", try reviewsSubgraph()),
                                        ("shop", try shopSubgraph())]) { gateway in
            try await body(gateway, received)
        }
    }

    @Test func theConcreteTypeComesFromTheInterfaceOwnerAndItsFieldsFromEverySubgraph() async throws {
        try await Self.withGateway { gateway, received in
            let (response, plan) = try await gateway.runWithPlan("""
                { topRated { __typename id rating title ... on Book { pages price } ... on Movie { minutes } } }
                """)
            #expect(response["errors"] == nil)
            #expect(response["data"] == ["topRated": [
                ["__typename": "Movie", "id": "m1", "rating": 5, "title": "Alien", "minutes": 117],
                ["__typename": "Book", "id": "b1", "rating": 4, "title": "Dune", "pages": 412, "price": 12],
            ]])
            // reviews, then media (typename, title, pages, minutes) with Media representations, then shop.
            #expect(plan.contains(#"Fetch(service: "reviews")"#))
            #expect(plan.contains(#"{... on Media {__typename id}} =>"#))
            #expect(plan.contains(#"Fetch(service: "shop")"#))
            #expect(received.withLockedValue { $0 } == ["Media", "Media"])
            #expect(plan.components(separatedBy: "Fetch(").count - 1 == 3)
        }
    }

    @Test func onlyInterfaceFieldsStillResolveTheConcreteType() async throws {
        try await Self.withGateway { gateway, _ in
            let response = try await gateway.run("{ mostRated { rating ... on Book { title } } topRated { rating } }")
            #expect(response == ["data": ["mostRated": ["rating": 4, "title": "Dune"], "topRated": [["rating": 5], ["rating": 4]]]])
            let typenames = try await gateway.run("{ mostRated { __typename } }")
            #expect(typenames == ["data": ["mostRated": ["__typename": "Book"]]])
        }
    }

    @Test func anInterfaceObjectBelowARootFieldIsResolvedToo() async throws {
        try await Self.withGateway { gateway, _ in
            let (response, plan) = try await gateway.runWithPlan("{ latestReview { body media { __typename title ... on Movie { minutes } } } }")
            #expect(response["data"] == ["latestReview": ["body": "Scary.", "media": ["__typename": "Movie", "title": "Alien", "minutes": 117]]])
            #expect(plan.contains(#"Flatten(path: "latestReview.media")"#))
        }
    }
}
