import Foundation
import GatewayCore
import GraphQLKit

/// The five fixture subgraphs behind ``PlannerFixtures/supergraphSDL`` with static data:
/// accounts (users), products (catalog, search), inventory (stock, shipping from price and
/// weight), reviews (reviews, author with username, media ratings), media (books, movies).
struct FixtureSubgraphs: Sendable {
    let accounts: FixtureSubgraph
    let products: FixtureSubgraph
    let inventory: FixtureSubgraph
    let reviews: FixtureSubgraph
    let media: FixtureSubgraph

    var all: [FixtureSubgraph] { [accounts, products, inventory, reviews, media] }

    static let users: [JSONValue] = [
        ["__typename": "User", "id": "1", "name": "Ada Lovelace", "username": "@ada", "email": "ada@example.com"],
        ["__typename": "User", "id": "2", "name": "Alan Turing", "username": "@alan", "email": "alan@example.com"],
    ]
    static let products: [JSONValue] = [
        ["__typename": "Product", "upc": "1", "name": "Table", "price": 899, "weight": 100],
        ["__typename": "Product", "upc": "2", "name": "Couch", "price": 1299, "weight": 1000],
        ["__typename": "Product", "upc": "3", "name": "Chair", "price": 54, "weight": 50],
    ]
    /// Review id, author id, product upc, body.
    static let reviews: [(String, String, String, String)] = [
        ("1", "1", "1", "Love it!"), ("2", "1", "2", "Too expensive."),
        ("3", "2", "3", "Could be better."), ("4", "2", "1", "Prefer something else."),
    ]

    static func review(_ row: (String, String, String, String)) -> JSONValue {
        let username = users.first { $0["id"]?.stringValue == row.1 }?["username"] ?? .null
        return ["__typename": "Review", "id": .string(row.0), "body": .string(row.3),
                "author": ["__typename": "User", "id": .string(row.1), "username": username],
                "product": ["__typename": "Product", "upc": .string(row.2)]]
    }

    static func find(_ list: [JSONValue], _ key: String, _ value: JSONValue?) -> JSONValue {
        list.first { $0[key] == value } ?? .null
    }

    static func make() throws -> FixtureSubgraphs {
        var accountsResolvers = Resolvers<Void>()
        accountsResolvers.query { root in
            root.field("me") { (_: FieldArguments, _: Void) -> JSONValue in users[0] }
            root.field("users") { (_: FieldArguments, _: Void) -> JSONValue in .array(users) }
            root.field("secret") { (_: FieldArguments, _: Void) -> String in "hidden" }
        }
        accountsResolvers.mutation { root in
            root.field("rename") { (arguments: FieldArguments, _: Void) -> JSONValue in
                guard case .object(var user) = users[0] else { return .null }
                user["name"] = arguments["name"] ?? .null
                return .object(user)
            }
        }
        let accounts = try FixtureSubgraph(name: "accounts", sdl: """
            type Query { me: User users: [User] secret: String _entities(representations: [_Any!]!): [_Entity]! }
            type Mutation { rename(name: String!): User }
            type User { id: ID! name: String username: String email: String }
            scalar _Any
            union _Entity = User
            """, resolvers: accountsResolvers, entities: [
                "User": { batch in batch.map { find(users, "id", $0["id"]) } },
            ])

        var productsResolvers = Resolvers<Void>()
        productsResolvers.query { root in
            root.field("topProducts") { (arguments: FieldArguments, _: Void) -> JSONValue in
                .array(Array(products.prefix(arguments.int("first") ?? 5)))
            }
            root.field("search") { (_: FieldArguments, _: Void) -> JSONValue in
                [products[0], ["__typename": "Category", "title": "Furniture"]]
            }
        }
        let productsSubgraph = try FixtureSubgraph(name: "products", sdl: """
            type Query { topProducts(first: Int = 5): [Product] search(text: String!): [SearchResult!]! _entities(representations: [_Any!]!): [_Entity]! }
            type Product { upc: String! name: String price: Int weight: Int }
            type Category { title: String }
            union SearchResult = Product | Category
            scalar _Any
            union _Entity = Product
            """, resolvers: productsResolvers, entities: [
                "Product": { batch in batch.map { find(Self.products, "upc", $0["upc"]) } },
            ])

        var inventoryResolvers = Resolvers<Void>()
        inventoryResolvers.type("Product") { type in
            type.rawField("inStock") { call in
                guard case .json(let product) = call.source else { return .null }
                if product["upc"] == "2" { throw GraphQLError(message: "stock service unavailable for 2") }
                return .bool(product["upc"] != "3")
            }
        }
        let inventory = try FixtureSubgraph(name: "inventory", sdl: """
            type Query { _entities(representations: [_Any!]!): [_Entity]! }
            type Product { upc: String! weight: Int price: Int inStock: Boolean shippingEstimate: Int }
            scalar _Any
            union _Entity = Product
            """, resolvers: inventoryResolvers, entities: [
                "Product": { batch in
                    batch.map { representation in
                        var product = representation
                        if case .int(let price)? = representation["price"], case .int(let weight)? = representation["weight"] {
                            product["shippingEstimate"] = .int(price > 1000 ? 0 : weight / 2)
                        }
                        return .object(product)
                    }
                },
            ])

        var reviewsResolvers = Resolvers<Void>()
        reviewsResolvers.mutation { root in
            root.field("addReview") { (arguments: FieldArguments, _: Void) -> JSONValue in
                review(("5", "1", arguments["upc"]?.stringValue ?? "", arguments["body"]?.stringValue ?? ""))
            }
        }
        let reviewsSubgraph = try FixtureSubgraph(name: "reviews", sdl: """
            type Query { _entities(representations: [_Any!]!): [_Entity]! }
            type Mutation { addReview(upc: String!, body: String!): Review }
            type Review { id: ID! body: String product: Product author: User }
            type User { id: ID! username: String reviews: [Review] }
            type Product { upc: String! reviews: [Review] }
            type Media { id: ID! rating: Int }
            scalar _Any
            union _Entity = User | Product | Review | Media
            """, resolvers: reviewsResolvers, entities: [
                "User": { batch in
                    batch.map { user in
                        ["__typename": "User", "id": user["id"] ?? .null,
                         "reviews": .array(reviews.filter { $0.1 == user["id"]?.stringValue }.map(review))]
                    }
                },
                "Product": { batch in
                    batch.map { product in
                        ["__typename": "Product", "upc": product["upc"] ?? .null,
                         "reviews": .array(reviews.filter { $0.2 == product["upc"]?.stringValue }.map(review))]
                    }
                },
                "Media": { batch in
                    batch.map { media in ["__typename": "Media", "id": media["id"] ?? .null, "rating": media["id"] == "b1" ? 5 : 3] }
                },
            ])

        var mediaResolvers = Resolvers<Void>()
        mediaResolvers.query { root in
            root.field("media") { (_: FieldArguments, _: Void) -> JSONValue in
                [["__typename": "Book", "id": "b1", "title": "Dune", "pages": 412],
                 ["__typename": "Movie", "id": "m1", "title": "Alien", "minutes": 117]]
            }
        }
        let media = try FixtureSubgraph(name: "media", sdl: """
            type Query { media: [Media!]! _entities(representations: [_Any!]!): [_Entity]! }
            interface Media { id: ID! title: String }
            type Book implements Media { id: ID! title: String pages: Int }
            type Movie implements Media { id: ID! title: String minutes: Int }
            scalar _Any
            union _Entity = Book | Movie
            """, resolvers: mediaResolvers, entities: [:])
        return FixtureSubgraphs(accounts: accounts, products: productsSubgraph, inventory: inventory, reviews: reviewsSubgraph, media: media)
    }

    func start() async throws {
        for subgraph in all { try await subgraph.start() }
    }

    func stop() async {
        for subgraph in all { await subgraph.stop() }
    }

    /// The fixture supergraph with each subgraph's URL pointing at its running server.
    func supergraphSDL() -> String {
        var text = PlannerFixtures.supergraphSDL
        // Ports in the fixture text follow the join__Graph order.
        for (index, subgraph) in [accounts, inventory, products, reviews, media].enumerated() {
            text = text.replacingOccurrences(of: "http://127.0.0.1:400\(index + 1)/graphql", with: subgraph.url)
        }
        return text
    }

    func resetRequests() {
        for subgraph in all { subgraph.resetRequests() }
    }
}
