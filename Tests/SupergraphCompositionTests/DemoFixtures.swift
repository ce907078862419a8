import SupergraphComposition

/// Apollo's Federation 2 demo (apollographql/supergraph-demo-fed2): five subgraphs mixing
/// Federation 2 (`@link`) and Federation 1 SDL — interfaces implementing interfaces, composite
/// and nested keys, `@requires` of a nested field set, `@override`, `@inaccessible` on an
/// interface field, `@deprecated`, `@tag`, shareable value types, an SDL that spells out the
/// specification's own additions — written here from the types, fields and directives its
/// Apollo-composed supergraph (join v0.2) declares, and that supergraph.
enum DemoFixtures {
    static let inventory = """
        interface ProductItf {
          id: ID!
          dimensions: ProductDimension
          delivery(zip: String): DeliveryEstimates
        }

        type Product implements ProductItf @key(fields: "id") {
          id: ID!
          dimensions: ProductDimension @external
          delivery(zip: String): DeliveryEstimates @requires(fields: "dimensions { size weight }")
        }

        type ProductDimension { size: String weight: Float }

        type DeliveryEstimates { estimatedDelivery: String fastestDelivery: String }

        enum ShippingClass { STANDARD EXPRESS OVERNIGHT }
        """

    static let pandas = """
        directive @tag(name: String!) repeatable on FIELD_DEFINITION

        type Query {
          allPandas: [Panda]
          panda(name: ID!): Panda
        }

        type Panda { name: ID! favoriteFood: String @tag(name: "nom-nom-nom") }
        """

    static let products = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@shareable", "@tag", "@inaccessible"])

        type Query {
          allProducts: [ProductItf]
          product(id: ID!): ProductItf
        }

        interface SkuItf { sku: String }

        interface ProductItf implements SkuItf {
          id: ID!
          sku: String
          name: String
          package: String
          variation: ProductVariation
          dimensions: ProductDimension
          createdBy: User
          hidden: String @inaccessible
          oldField: String @deprecated(reason: "refactored out")
        }

        type Product implements ProductItf & SkuItf
          @key(fields: "id") @key(fields: "sku package") @key(fields: "sku variation { id }") {
          id: ID! @tag(name: "hi-from-products")
          sku: String
          name: String
          package: String
          variation: ProductVariation
          dimensions: ProductDimension
          createdBy: User
          hidden: String
          reviewsScore: Float!
          oldField: String
        }

        enum ShippingClass { STANDARD EXPRESS }

        type ProductVariation { id: ID! name: String }

        type ProductDimension @shareable { size: String weight: Float }

        type User @key(fields: "email") { email: ID! totalProductsCreated: Int @shareable }
        """

    static let reviews = """
        schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@override", "@shareable"]) {
          query: Query
        }

        type Query {
          _service: _Service!
          _entities(representations: [_Any!]!): [_Entity]!
          review(id: Int!): Review
        }

        interface ProductItf {
          id: ID!
          reviewsCount: Int!
          reviewsScore: Float!
          reviews: [Review!]!
        }

        type Product implements ProductItf @key(fields: "id") {
          id: ID!
          reviewsCount: Int!
          reviewsScore: Float! @shareable @override(from: "products")
          reviews: [Review!]!
        }

        type Review { id: Int! body: String! }

        scalar _Any
        union _Entity = Product
        type _Service { sdl: String! }
        """

    static let users = """
        directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT

        type User @key(fields: "email") {
          email: ID! @tag(name: "test-from-users")
          name: String
          totalProductsCreated: Int
        }
        """

    static var subgraphs: [SubgraphDefinition] {
        [("users", users), ("reviews", reviews), ("products", products), ("pandas", pandas), ("inventory", inventory)].map {
            SubgraphDefinition(name: $0.0, url: "http://\($0.0):4000/graphql", sdl: $0.1)
        }
    }

    /// The demo's supergraph as Apollo composed it (join v0.2: no `@join__enumValue`, no
    /// `isInterfaceObject`, `@join__field(graph:)` required).
    static let apolloSupergraph = """
        schema
          @link(url: "https://specs.apollo.dev/link/v1.0")
          @link(url: "https://specs.apollo.dev/join/v0.2", for: EXECUTION)
          @link(url: "https://specs.apollo.dev/tag/v0.2")
          @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)
        {
          query: Query
        }

        directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION

        directive @join__field(graph: join__Graph!, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

        directive @join__graph(name: String!, url: String!) on ENUM_VALUE

        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR

        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

        directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION

        type DeliveryEstimates
          @join__type(graph: INVENTORY)
        {
          estimatedDelivery: String
          fastestDelivery: String
        }

        scalar join__FieldSet

        enum join__Graph {
          INVENTORY @join__graph(name: "inventory", url: "http://inventory:4000/graphql")
          PANDAS @join__graph(name: "pandas", url: "http://pandas:4000/graphql")
          PRODUCTS @join__graph(name: "products", url: "http://products:4000/graphql")
          REVIEWS @join__graph(name: "reviews", url: "http://reviews:4000/graphql")
          USERS @join__graph(name: "users", url: "http://users:4000/graphql")
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

        type Panda
          @join__type(graph: PANDAS)
        {
          name: ID!
          favoriteFood: String @tag(name: "nom-nom-nom")
        }

        type Product implements ProductItf & SkuItf
          @join__implements(graph: INVENTORY, interface: "ProductItf")
          @join__implements(graph: PRODUCTS, interface: "ProductItf")
          @join__implements(graph: PRODUCTS, interface: "SkuItf")
          @join__implements(graph: REVIEWS, interface: "ProductItf")
          @join__type(graph: INVENTORY, key: "id")
          @join__type(graph: PRODUCTS, key: "id")
          @join__type(graph: PRODUCTS, key: "sku package")
          @join__type(graph: PRODUCTS, key: "sku variation { id }")
          @join__type(graph: REVIEWS, key: "id")
        {
          id: ID! @tag(name: "hi-from-products")
          dimensions: ProductDimension @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
          delivery(zip: String): DeliveryEstimates @join__field(graph: INVENTORY, requires: "dimensions { size weight }")
          sku: String @join__field(graph: PRODUCTS)
          name: String @join__field(graph: PRODUCTS)
          package: String @join__field(graph: PRODUCTS)
          variation: ProductVariation @join__field(graph: PRODUCTS)
          createdBy: User @join__field(graph: PRODUCTS)
          hidden: String @join__field(graph: PRODUCTS)
          reviewsScore: Float! @join__field(graph: REVIEWS, override: "products")
          oldField: String @join__field(graph: PRODUCTS)
          reviewsCount: Int! @join__field(graph: REVIEWS)
          reviews: [Review!]! @join__field(graph: REVIEWS)
        }

        type ProductDimension
          @join__type(graph: INVENTORY)
          @join__type(graph: PRODUCTS)
        {
          size: String
          weight: Float
        }

        interface ProductItf implements SkuItf
          @join__implements(graph: PRODUCTS, interface: "SkuItf")
          @join__type(graph: INVENTORY)
          @join__type(graph: PRODUCTS)
          @join__type(graph: REVIEWS)
        {
          id: ID!
          dimensions: ProductDimension @join__field(graph: INVENTORY) @join__field(graph: PRODUCTS)
          delivery(zip: String): DeliveryEstimates @join__field(graph: INVENTORY)
          sku: String @join__field(graph: PRODUCTS)
          name: String @join__field(graph: PRODUCTS)
          package: String @join__field(graph: PRODUCTS)
          variation: ProductVariation @join__field(graph: PRODUCTS)
          createdBy: User @join__field(graph: PRODUCTS)
          hidden: String @inaccessible @join__field(graph: PRODUCTS)
          oldField: String @deprecated(reason: "refactored out") @join__field(graph: PRODUCTS)
          reviewsCount: Int! @join__field(graph: REVIEWS)
          reviewsScore: Float! @join__field(graph: REVIEWS)
          reviews: [Review!]! @join__field(graph: REVIEWS)
        }

        type ProductVariation
          @join__type(graph: PRODUCTS)
        {
          id: ID!
          name: String
        }

        type Query
          @join__type(graph: INVENTORY)
          @join__type(graph: PANDAS)
          @join__type(graph: PRODUCTS)
          @join__type(graph: REVIEWS)
          @join__type(graph: USERS)
        {
          allPandas: [Panda] @join__field(graph: PANDAS)
          panda(name: ID!): Panda @join__field(graph: PANDAS)
          allProducts: [ProductItf] @join__field(graph: PRODUCTS)
          product(id: ID!): ProductItf @join__field(graph: PRODUCTS)
          review(id: Int!): Review @join__field(graph: REVIEWS)
        }

        type Review
          @join__type(graph: REVIEWS)
        {
          id: Int!
          body: String!
        }

        enum ShippingClass
          @join__type(graph: INVENTORY)
          @join__type(graph: PRODUCTS)
        {
          STANDARD
          EXPRESS
          OVERNIGHT
        }

        interface SkuItf
          @join__type(graph: PRODUCTS)
        {
          sku: String
        }

        type User
          @join__type(graph: PRODUCTS, key: "email")
          @join__type(graph: USERS, key: "email")
        {
          email: ID! @tag(name: "test-from-users")
          totalProductsCreated: Int
          name: String @join__field(graph: USERS)
        }
        """
}
