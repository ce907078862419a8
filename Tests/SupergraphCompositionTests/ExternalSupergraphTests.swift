import GraphQLKit
import SupergraphComposition
import Testing

/// Supergraphs composed elsewhere: an older join version (v0.2, as Apollo's 2.0 composition
/// wrote it), `@inaccessible`, `@tag`, `@deprecated`, interfaces implementing interfaces.
@Suite struct ExternalSupergraphTests {
    static let joinV02Supergraph = """
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

        scalar join__FieldSet

        enum join__Graph {
          INVENTORY @join__graph(name: "inventory", url: "http://inventory:4000/graphql")
          PRODUCTS @join__graph(name: "products", url: "http://products:4000/graphql")
        }

        scalar link__Import

        enum link__Purpose {
          SECURITY
          EXECUTION
        }

        type Product implements ProductItf & SkuItf
          @join__implements(graph: INVENTORY, interface: "ProductItf")
          @join__implements(graph: PRODUCTS, interface: "ProductItf")
          @join__implements(graph: PRODUCTS, interface: "SkuItf")
          @join__type(graph: INVENTORY, key: "id")
          @join__type(graph: PRODUCTS, key: "id")
        {
          id: ID! @tag(name: "from-products")
          sku: String @join__field(graph: PRODUCTS)
          hidden: String @join__field(graph: PRODUCTS)
          oldField: String @join__field(graph: PRODUCTS)
          inStock: Boolean @join__field(graph: INVENTORY)
        }

        interface ProductItf implements SkuItf
          @join__implements(graph: PRODUCTS, interface: "SkuItf")
          @join__type(graph: INVENTORY)
          @join__type(graph: PRODUCTS)
        {
          id: ID!
          sku: String @join__field(graph: PRODUCTS)
          hidden: String @inaccessible @join__field(graph: PRODUCTS)
          oldField: String @deprecated(reason: "refactored out") @join__field(graph: PRODUCTS)
        }

        type Query
          @join__type(graph: INVENTORY)
          @join__type(graph: PRODUCTS)
        {
          product(id: ID!): ProductItf @join__field(graph: PRODUCTS)
          internal: Internal @inaccessible @join__field(graph: PRODUCTS)
        }

        type Internal
          @inaccessible
          @join__type(graph: PRODUCTS)
        {
          value: String
        }

        interface SkuItf
          @join__type(graph: PRODUCTS)
        {
          sku: String
        }
        """

    @Test func readsAnOlderJoinVersionAndHidesInaccessibleElements() throws {
        let supergraph = try Supergraph(sdl: Self.joinV02Supergraph)
        #expect(supergraph.graphs.map(\.name) == ["inventory", "products"])
        #expect(supergraph.apiSchemaSDL == """
            type Product implements ProductItf & SkuItf {
              id: ID!
              sku: String
              hidden: String
              oldField: String
              inStock: Boolean
            }

            interface ProductItf implements SkuItf {
              id: ID!
              sku: String
              oldField: String @deprecated(reason: "refactored out")
            }

            type Query {
              product(id: ID!): ProductItf
            }

            interface SkuItf {
              sku: String
            }
            """)
    }

    @Test func aSupergraphWhoseAPISchemaIsInvalidIsRejected() {
        let broken = Self.joinV02Supergraph.replacing("product(id: ID!): ProductItf @join__field(graph: PRODUCTS)", with: "product(id: ID!): Missing")
        #expect(throws: CompositionError.self) { try Supergraph(sdl: broken) }
    }
}
