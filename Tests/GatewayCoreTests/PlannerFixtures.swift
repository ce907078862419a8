import GatewayCore
import GraphQLKit

/// A hand-written join-spec supergraph exercising every planning feature: entities with keys,
/// `@requires`, `@provides`, `@override`, an `@interfaceObject`, an interface and a union spread
/// over subgraphs, a mutation root.
enum PlannerFixtures {
    static let supergraphSDL = #"""
    schema
      @link(url: "https://specs.apollo.dev/link/v1.0")
      @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
      @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY) {
      query: Query
      mutation: Mutation
    }

    directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
    directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
    directive @join__graph(name: String!, url: String!) on ENUM_VALUE
    directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
    directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
    directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
    directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
    directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION

    scalar join__FieldSet
    scalar link__Import
    enum link__Purpose { SECURITY EXECUTION }

    enum join__Graph {
      ACCOUNTS @join__graph(name: "accounts", url: "http://127.0.0.1:4001/graphql")
      INVENTORY @join__graph(name: "inventory", url: "http://127.0.0.1:4002/graphql")
      PRODUCTS @join__graph(name: "products", url: "http://127.0.0.1:4003/graphql")
      REVIEWS @join__graph(name: "reviews", url: "http://127.0.0.1:4004/graphql")
      MEDIA @join__graph(name: "media", url: "http://127.0.0.1:4005/graphql")
    }

    type Query
      @join__type(graph: ACCOUNTS) @join__type(graph: INVENTORY) @join__type(graph: PRODUCTS)
      @join__type(graph: REVIEWS) @join__type(graph: MEDIA) {
      me: User @join__field(graph: ACCOUNTS)
      users: [User] @join__field(graph: ACCOUNTS)
      topProducts(first: Int = 5): [Product] @join__field(graph: PRODUCTS)
      search(text: String!): [SearchResult!]! @join__field(graph: PRODUCTS)
      media: [Media!]! @join__field(graph: MEDIA)
      secret: String @join__field(graph: ACCOUNTS) @inaccessible
    }

    type Mutation @join__type(graph: ACCOUNTS) @join__type(graph: REVIEWS) {
      rename(name: String!): User @join__field(graph: ACCOUNTS)
      addReview(upc: String!, body: String!): Review @join__field(graph: REVIEWS)
    }

    type User
      @join__type(graph: ACCOUNTS, key: "id")
      @join__type(graph: REVIEWS, key: "id") {
      id: ID!
      name: String @join__field(graph: ACCOUNTS)
      username: String @join__field(graph: ACCOUNTS) @join__field(graph: REVIEWS, external: true)
      email: String @join__field(graph: ACCOUNTS, override: "reviews") @join__field(graph: REVIEWS, usedOverridden: true)
      reviews: [Review] @join__field(graph: REVIEWS)
    }

    type Review @join__type(graph: REVIEWS, key: "id") {
      id: ID!
      body: String
      product: Product
      author: User @join__field(graph: REVIEWS, provides: "username")
    }

    type Product
      @join__type(graph: INVENTORY, key: "upc")
      @join__type(graph: PRODUCTS, key: "upc")
      @join__type(graph: REVIEWS, key: "upc") {
      upc: String!
      weight: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
      price: Int @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)
      inStock: Boolean @join__field(graph: INVENTORY)
      shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
      name: String @join__field(graph: PRODUCTS)
      reviews: [Review] @join__field(graph: REVIEWS)
    }

    type Category @join__type(graph: PRODUCTS) {
      title: String
    }

    union SearchResult @join__type(graph: PRODUCTS) @join__unionMember(graph: PRODUCTS, member: "Product") @join__unionMember(graph: PRODUCTS, member: "Category") = Product | Category

    interface Media
      @join__type(graph: MEDIA, key: "id")
      @join__type(graph: REVIEWS, key: "id", isInterfaceObject: true) {
      id: ID!
      title: String @join__field(graph: MEDIA)
      rating: Int @join__field(graph: REVIEWS)
    }

    type Book implements Media
      @join__implements(graph: MEDIA, interface: "Media")
      @join__type(graph: MEDIA, key: "id") {
      id: ID!
      title: String
      rating: Int @join__field
      pages: Int @join__field(graph: MEDIA)
    }

    type Movie implements Media
      @join__implements(graph: MEDIA, interface: "Media")
      @join__type(graph: MEDIA, key: "id") {
      id: ID!
      title: String
      rating: Int @join__field
      minutes: Int @join__field(graph: MEDIA)
    }
    """#

    static func planner() throws -> QueryPlanner {
        QueryPlanner(supergraph: try Supergraph(sdl: supergraphSDL))
    }

    static func planText(_ query: String, operationName: String? = nil) throws -> String {
        try planner().plan(document: try Parser.parse(query), operationName: operationName).text
    }
}
