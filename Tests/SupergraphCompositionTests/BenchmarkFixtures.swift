import SupergraphComposition

/// The subgraphs of the public gateways benchmark (graphql-hive/graphql-gateways-benchmark:
/// accounts, inventory, products, reviews), written here as Federation 2 SDL from the types and
/// fields its supergraph declares, and that supergraph as Apollo's composition prints it.
enum BenchmarkFixtures {
    static let accounts = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

        type Query {
          me: User
          user(id: ID!): User
          users: [User]
        }

        type User @key(fields: "id") {
          id: ID!
          name: String
          username: String @shareable
          birthday: Int
        }
        """

    static let inventory = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

        type Product @key(fields: "upc") {
          upc: String!
          weight: Int @external
          price: Int @external
          inStock: Boolean
          shippingEstimate: Int @requires(fields: "price weight")
        }
        """

    static let products = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

        type Query {
          topProducts(first: Int = 5): [Product]
        }

        type Product @key(fields: "upc") {
          upc: String!
          name: String
          price: Int
          weight: Int
        }
        """

    static let reviews = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])

        type Review @key(fields: "id") {
          id: ID!
          body: String
          product: Product
          author: User @provides(fields: "username")
        }

        type User @key(fields: "id") {
          id: ID!
          username: String @external
          reviews: [Review]
        }

        type Product @key(fields: "upc") {
          upc: String!
          reviews: [Review]
        }
        """

    /// The benchmark's supergraph as composed by Apollo (the repository ships it formatted by
    /// prettier; written here in the layout Apollo's composition prints).
    static let apolloSupergraph = """
        schema
          @link(url: "https://specs.apollo.dev/link/v1.0")
          @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
        {
          query: Query
        }

        directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

        directive @join__graph(name: String!, url: String!) on ENUM_VALUE

        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR

        directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

        scalar join__FieldSet

        enum join__Graph {
          ACCOUNTS @join__graph(name: "accounts", url: "http://0.0.0.0:4200/accounts")
          INVENTORY @join__graph(name: "inventory", url: "http://0.0.0.0:4200/inventory")
          PRODUCTS @join__graph(name: "products", url: "http://0.0.0.0:4200/products")
          REVIEWS @join__graph(name: "reviews", url: "http://0.0.0.0:4200/reviews")
        }

        scalar link__Import

        enum link__Purpose {
          \"\"\"
          `SECURITY` features provide metadata necessary to securely resolve fields.
          \"\"\"
          SECURITY

          \"\"\"
          `EXECUTION` features provide metadata necessary for operation execution.
          \"\"\"
          EXECUTION
        }

        type Product
          @join__type(graph: INVENTORY, key: "upc")
          @join__type(graph: PRODUCTS, key: "upc")
          @join__type(graph: REVIEWS, key: "upc")
        {
          upc: String!
          weight: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          price: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          inStock: Boolean @join__field(graph: INVENTORY)
          shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
          name: String @join__field(graph: PRODUCTS)
          reviews: [Review] @join__field(graph: REVIEWS)
        }

        type Query
          @join__type(graph: ACCOUNTS)
          @join__type(graph: INVENTORY)
          @join__type(graph: PRODUCTS)
          @join__type(graph: REVIEWS)
        {
          me: User @join__field(graph: ACCOUNTS)
          user(id: ID!): User @join__field(graph: ACCOUNTS)
          users: [User] @join__field(graph: ACCOUNTS)
          topProducts(first: Int = 5): [Product] @join__field(graph: PRODUCTS)
        }

        type Review
          @join__type(graph: REVIEWS, key: "id")
        {
          id: ID!
          body: String
          product: Product
          author: User @join__field(graph: REVIEWS, provides: "username")
        }

        type User
          @join__type(graph: ACCOUNTS, key: "id")
          @join__type(graph: REVIEWS, key: "id")
        {
          id: ID!
          name: String @join__field(graph: ACCOUNTS)
          username: String @join__field(graph: ACCOUNTS) @join__field(graph: REVIEWS, external: true)
          birthday: Int @join__field(graph: ACCOUNTS)
          reviews: [Review] @join__field(graph: REVIEWS)
        }
        """

    static var subgraphs: [SubgraphDefinition] {
        [
            SubgraphDefinition(name: "reviews", url: "http://0.0.0.0:4200/reviews", sdl: reviews),
            SubgraphDefinition(name: "accounts", url: "http://0.0.0.0:4200/accounts", sdl: accounts),
            SubgraphDefinition(name: "products", url: "http://0.0.0.0:4200/products", sdl: products),
            SubgraphDefinition(name: "inventory", url: "http://0.0.0.0:4200/inventory", sdl: inventory),
        ]
    }
}
