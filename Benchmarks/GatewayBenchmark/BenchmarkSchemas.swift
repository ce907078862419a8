import GraphQLKit

/// The four benchmark subgraphs and the monolith, as GraphQLKit executable schemas over
/// ``BenchmarkData``. Entity lookups resolve a whole `_entities` batch per call.
enum BenchmarkSchemas {
    typealias EntityResolver = @Sendable (JSONObject) -> JSONValue

    /// Adds `_entities` resolving each representation with the resolver for its `__typename`.
    static func addEntities(_ resolvers: inout Resolvers<Void>, _ entities: [String: EntityResolver]) {
        resolvers.query { root in
            root.field("_entities") { (arguments: FieldArguments, _: Void) -> JSONValue in
                let representations = arguments["representations"]?.arrayValue ?? []
                return .array(representations.map { representation in
                    guard let object = representation.objectValue, let type = object["__typename"]?.stringValue,
                          let resolve = entities[type] else { return .null }
                    return resolve(object)
                })
            }
        }
    }

    static let entitySDL = "scalar _Any\n"

    static func accounts() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { root in
            root.field("me") { (_: FieldArguments, _: Void) -> JSONValue in BenchmarkData.users[0] }
            root.field("user") { (arguments: FieldArguments, _: Void) -> JSONValue in
                BenchmarkData.users.first { $0["id"] == arguments["id"] } ?? .null
            }
            root.field("users") { (_: FieldArguments, _: Void) -> JSONValue in .array(BenchmarkData.users) }
        }
        addEntities(&resolvers, ["User": { representation in BenchmarkData.users.first { $0["id"] == representation["id"] } ?? .null }])
        return try ExecutableSchema(sdl: """
            type Query { me: User user(id: ID!): User users: [User] _entities(representations: [_Any!]!): [_Entity]! }
            type User { id: ID! name: String username: String birthday: Int }
            union _Entity = User
            \(entitySDL)
            """, resolvers: resolvers)
    }

    static func products() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { root in
            root.field("topProducts") { (arguments: FieldArguments, _: Void) -> JSONValue in
                .array(Array(BenchmarkData.products.prefix(arguments.int("first") ?? 5)))
            }
        }
        addEntities(&resolvers, ["Product": { representation in BenchmarkData.products.first { $0["upc"] == representation["upc"] } ?? .null }])
        return try ExecutableSchema(sdl: """
            type Query { topProducts(first: Int = 5): [Product] _entities(representations: [_Any!]!): [_Entity]! }
            type Product { upc: String! name: String price: Int weight: Int }
            union _Entity = Product
            \(entitySDL)
            """, resolvers: resolvers)
    }

    static func inventory() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        addEntities(&resolvers, ["Product": { representation in
            guard case .string(let upc)? = representation["upc"] else { return .null }
            return ["__typename": "Product", "upc": .string(upc), "inStock": BenchmarkData.inStock(upc),
                    "shippingEstimate": BenchmarkData.shippingEstimate(price: representation["price"], weight: representation["weight"])]
        }])
        return try ExecutableSchema(sdl: """
            type Query { _entities(representations: [_Any!]!): [_Entity]! }
            type Product { upc: String! weight: Int price: Int inStock: Boolean shippingEstimate: Int }
            union _Entity = Product
            \(entitySDL)
            """, resolvers: resolvers)
    }

    static func reviews() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        addEntities(&resolvers, [
            "Review": { representation in BenchmarkData.reviews.first { $0["id"] == representation["id"] } ?? .null },
            "User": { representation in
                ["__typename": "User", "id": representation["id"] ?? .null, "username": "user", "reviews": .array(BenchmarkData.reviewsOfAnyUser)]
            },
            "Product": { representation in
                guard case .string(let upc)? = representation["upc"] else { return .null }
                return ["__typename": "Product", "upc": .string(upc), "reviews": .array(BenchmarkData.reviews(ofProduct: upc))]
            },
        ])
        return try ExecutableSchema(sdl: """
            type Query { _entities(representations: [_Any!]!): [_Entity]! }
            type Review { id: ID! body: String product: Product author: User }
            type User { id: ID! username: String reviews: [Review] }
            type Product { upc: String! reviews: [Review] }
            union _Entity = Review | User | Product
            \(entitySDL)
            """, resolvers: resolvers)
    }

    /// The same API as the supergraph, answered by one process from the same data.
    static func monolith() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { root in
            root.field("me") { (_: FieldArguments, _: Void) -> JSONValue in BenchmarkData.users[0] }
            root.field("user") { (arguments: FieldArguments, _: Void) -> JSONValue in
                BenchmarkData.users.first { $0["id"] == arguments["id"] } ?? .null
            }
            root.field("users") { (_: FieldArguments, _: Void) -> JSONValue in .array(BenchmarkData.users) }
            root.field("topProducts") { (arguments: FieldArguments, _: Void) -> JSONValue in
                .array(Array(BenchmarkData.products.prefix(arguments.int("first") ?? 5)))
            }
        }
        resolvers.type("User") { type in
            type.field("reviews") { (_: JSONValue) -> JSONValue in .array(BenchmarkData.reviewsOfAnyUser) }
        }
        resolvers.type("Review") { type in
            type.field("product") { (review: JSONValue) -> JSONValue in
                BenchmarkData.products.first { $0["upc"] == review["product"]?["upc"] } ?? .null
            }
            type.field("author") { (_: JSONValue) -> JSONValue in BenchmarkData.users[0] }
        }
        resolvers.type("Product") { type in
            type.field("inStock") { (product: JSONValue) -> JSONValue in BenchmarkData.inStock(product["upc"]?.stringValue ?? "") }
            type.field("shippingEstimate") { (product: JSONValue) -> JSONValue in
                BenchmarkData.shippingEstimate(price: product["price"], weight: product["weight"])
            }
            type.field("reviews") { (product: JSONValue) -> JSONValue in .array(BenchmarkData.reviews(ofProduct: product["upc"]?.stringValue ?? "")) }
        }
        return try ExecutableSchema(sdl: """
            type Query { me: User user(id: ID!): User users: [User] topProducts(first: Int = 5): [Product] }
            type User { id: ID! name: String username: String birthday: Int reviews: [Review] }
            type Review { id: ID! body: String product: Product author: User }
            type Product { upc: String! weight: Int price: Int inStock: Boolean shippingEstimate: Int name: String reviews: [Review] }
            """, resolvers: resolvers)
    }

    /// The join-spec supergraph of the four subgraphs, pointing at `ports` (accounts, inventory,
    /// products, reviews).
    static func supergraph(ports: [Int]) -> String {
        """
        schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
        directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
        scalar join__FieldSet
        scalar link__Import
        enum link__Purpose { SECURITY EXECUTION }
        enum join__Graph {
          ACCOUNTS @join__graph(name: "accounts", url: "http://127.0.0.1:\(ports[0])/graphql")
          INVENTORY @join__graph(name: "inventory", url: "http://127.0.0.1:\(ports[1])/graphql")
          PRODUCTS @join__graph(name: "products", url: "http://127.0.0.1:\(ports[2])/graphql")
          REVIEWS @join__graph(name: "reviews", url: "http://127.0.0.1:\(ports[3])/graphql")
        }
        type Query @join__type(graph: ACCOUNTS) @join__type(graph: INVENTORY) @join__type(graph: PRODUCTS) @join__type(graph: REVIEWS) {
          me: User @join__field(graph: ACCOUNTS)
          user(id: ID!): User @join__field(graph: ACCOUNTS)
          users: [User] @join__field(graph: ACCOUNTS)
          topProducts(first: Int = 5): [Product] @join__field(graph: PRODUCTS)
        }
        type User @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: REVIEWS, key: "id") {
          id: ID!
          name: String @join__field(graph: ACCOUNTS)
          username: String @join__field(graph: ACCOUNTS) @join__field(graph: REVIEWS, external: true)
          birthday: Int @join__field(graph: ACCOUNTS)
          reviews: [Review] @join__field(graph: REVIEWS)
        }
        type Review @join__type(graph: REVIEWS, key: "id") {
          id: ID!
          body: String
          product: Product
          author: User @join__field(graph: REVIEWS, provides: "username")
        }
        type Product @join__type(graph: INVENTORY, key: "upc") @join__type(graph: PRODUCTS, key: "upc") @join__type(graph: REVIEWS, key: "upc") {
          upc: String!
          weight: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          price: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          inStock: Boolean @join__field(graph: INVENTORY)
          shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
          name: String @join__field(graph: PRODUCTS)
          reviews: [Review] @join__field(graph: REVIEWS)
        }
        """
    }
}
