import GraphQLKit
import SupergraphComposition
import Testing

/// How composition merges each kind of element and what the supergraph records about it.
@Suite struct CompositionFeatureTests {
    @Test func keysRepeatableCompositeNestedAndUnresolvable() throws {
        let supergraph = try #require(composed([
            subgraph("a", """
                type Query { product: Product }
                type Product @key(fields: "upc") @key(fields: "sku vendor { id }") { upc: String! sku: String! vendor: Vendor! name: String }
                type Vendor @shareable { id: ID! }
                """),
            subgraph("b", """
                type Product @key(fields: "upc", resolvable: false) { upc: String! }
                type Query { top: Product }
                """),
        ]))
        #expect(printedTypeHeader(supergraph, "Product") == #"type Product @join__type(graph: A, key: "upc") @join__type(graph: A, key: "sku vendor { id }") @join__type(graph: B, key: "upc", resolvable: false) {"#)
        #expect(printedField(supergraph, "Product", "name") == "name: String @join__field(graph: A)")
        #expect(printedField(supergraph, "Product", "upc") == "upc: String!")
    }

    @Test func federation1ExtensionsAreMarked() throws {
        let supergraph = try #require(composed([
            SubgraphDefinition(name: "products", url: "http://127.0.0.1:1/p", sdl: """
                type Query { product: Product }
                type Product @key(fields: "upc") { upc: String! name: String }
                """),
            SubgraphDefinition(name: "inventory", url: "http://127.0.0.1:1/i", sdl: """
                extend type Product @key(fields: "upc") { upc: String! @external inStock: Boolean }
                """),
        ]))
        #expect(printedTypeHeader(supergraph, "Product") == #"type Product @join__type(graph: INVENTORY, key: "upc", extension: true) @join__type(graph: PRODUCTS, key: "upc") {"#)
        #expect(printedField(supergraph, "Product", "upc") == "upc: String!")
        #expect(printedField(supergraph, "Product", "inStock") == "inStock: Boolean @join__field(graph: INVENTORY)")
        // A root type written as an extension has no key: no `extension` flag.
        let withQueryExtension = try #require(composed([
            SubgraphDefinition(name: "a", url: "http://127.0.0.1:1/a", sdl: "extend type Query { a: Int } type Product @key(fields: \"id\") { id: ID! } extend type Product @key(fields: \"sku\") { sku: String }"),
        ]))
        #expect(printedTypeHeader(withQueryExtension, "Query") == "type Query @join__type(graph: A) {")
        #expect(printedTypeHeader(withQueryExtension, "Product") == #"type Product @join__type(graph: A, key: "id") @join__type(graph: A, key: "sku", extension: true) {"#)
    }

    @Test func shareableFieldsMayComeFromSeveralSubgraphsAndNullabilityMerges() throws {
        let supergraph = try #require(composed([
            subgraph("a", "type Query { position: Position @shareable } type Position @shareable { x: Int! y: Int }"),
            subgraph("b", "type Query { position: Position @shareable } type Position @shareable { x: Int y: Int }"),
        ]))
        #expect(printedField(supergraph, "Position", "x") == #"x: Int @join__field(graph: A, type: "Int!") @join__field(graph: B, type: "Int")"#)
        #expect(printedField(supergraph, "Position", "y") == "y: Int")
        #expect(printedField(supergraph, "Query", "position") == "position: Position")
    }

    @Test func outputTypesMayBeSubtypesAcrossSubgraphs() throws {
        let supergraph = try #require(composed([
            subgraph("a", """
                type Query { viewer: Viewer @shareable }
                type Viewer @shareable { book: Book }
                union ViewerMedia = Book | Song
                type Book @shareable { title: String }
                type Song @shareable { title: String }
                """),
            subgraph("b", """
                type Query { viewer: Viewer @shareable }
                type Viewer @shareable { book: ViewerMedia }
                union ViewerMedia = Book | Song
                type Book @shareable { title: String }
                type Song @shareable { title: String }
                """),
        ]))
        #expect(printedField(supergraph, "Viewer", "book") == #"book: ViewerMedia @join__field(graph: A, type: "Book") @join__field(graph: B, type: "ViewerMedia")"#)
    }

    @Test func externalRequiresAndProvidesAreRecorded() throws {
        let supergraph = try #require(composed(BenchmarkFixtures.subgraphs))
        #expect(printedField(supergraph, "Product", "shippingEstimate") == #"shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")"#)
        #expect(printedField(supergraph, "Review", "author") == #"author: User @join__field(graph: REVIEWS, provides: "username")"#)
        #expect(printedField(supergraph, "User", "username") == "username: String @join__field(graph: ACCOUNTS) @join__field(graph: REVIEWS, external: true)")
    }

    @Test func overrideMovesAFieldAndKeepsAUsedSource() throws {
        let supergraph = try #require(composed([
            subgraph("old", """
                type Query { product: Product }
                type Product @key(fields: "upc") @key(fields: "weight") { upc: String! name: String price: Int weight: Int }
                """, imports: #""@key""#),
            subgraph("new", """
                type Product @key(fields: "upc") { upc: String! name: String @override(from: "old") weight: Int @override(from: "old") }
                """),
        ]))
        #expect(printedField(supergraph, "Product", "name") == #"name: String @join__field(graph: NEW, override: "old")"#)
        #expect(printedField(supergraph, "Product", "weight") == #"weight: Int @join__field(graph: NEW, override: "old") @join__field(graph: OLD, usedOverridden: true)"#)
        #expect(printed(supergraph).contains("https://specs.apollo.dev/join/v0.3"))
    }

    @Test func progressiveOverrideLabelsUseJoinV04() throws {
        let supergraph = try #require(composed([
            subgraph("old", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! name: String }"),
            subgraph("new", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
                type Product @key(fields: "upc") { upc: String! name: String @override(from: "old", label: "percent(25)") }
                """),
        ]))
        #expect(printedField(supergraph, "Product", "name") == #"name: String @join__field(graph: NEW, override: "old", overrideLabel: "percent(25)") @join__field(graph: OLD, overrideLabel: "percent(25)")"#)
        #expect(printed(supergraph).contains(#"@link(url: "https://specs.apollo.dev/join/v0.4", for: EXECUTION)"#))
        #expect(printed(supergraph).contains("overrideLabel: String"))
    }

    @Test func interfacesUnionsAndInterfaceObjects() throws {
        let supergraph = try #require(composed([
            subgraph("media", """
                type Query { media: [Media] search: [Result] }
                interface Media @key(fields: "id") { id: ID! title: String }
                type Book implements Media @key(fields: "id") { id: ID! title: String }
                type Movie implements Media @key(fields: "id") { id: ID! title: String }
                union Result = Book | Movie
                """),
            subgraph("reviews", """
                type Query { topMedia: Media }
                type Media @key(fields: "id") @interfaceObject { id: ID! reviewCount: Int }
                """),
        ]))
        #expect(printedTypeHeader(supergraph, "Media") == #"interface Media @join__type(graph: MEDIA, key: "id") @join__type(graph: REVIEWS, key: "id", isInterfaceObject: true) {"#)
        #expect(printedField(supergraph, "Media", "reviewCount") == "reviewCount: Int @join__field(graph: REVIEWS)")
        #expect(printedTypeHeader(supergraph, "Book") == #"type Book implements Media @join__implements(graph: MEDIA, interface: "Media") @join__type(graph: MEDIA, key: "id") {"#)
        #expect(printedField(supergraph, "Book", "reviewCount") == "reviewCount: Int @join__field")
        #expect(printed(supergraph).contains(#"union Result @join__type(graph: MEDIA) @join__unionMember(graph: MEDIA, member: "Book") @join__unionMember(graph: MEDIA, member: "Movie") = Book | Movie"#))
        #expect(supergraph.apiSchemaSDL.contains("type Book implements Media {\n  id: ID!\n  title: String\n  reviewCount: Int\n}"))
    }

    @Test func inputTypesKeepTheFieldsEverySubgraphHasAndTheStrictestType() throws {
        let supergraph = try #require(composed([
            subgraph("a", "type Query { search(filter: Filter): Int } input Filter { term: String! limit: Int extra: Boolean }"),
            subgraph("b", "type Query { count(filter: Filter): Int } input Filter { term: String limit: Int }"),
        ]))
        #expect(printed(supergraph).contains(#"input Filter @join__type(graph: A) @join__type(graph: B) {"#))
        #expect(printed(supergraph).contains(#"term: String! @join__field(graph: A, type: "String!") @join__field(graph: B, type: "String")"#))
        #expect(!printed(supergraph).contains("extra"))
        #expect(supergraph.apiSchemaSDL.contains("input Filter {\n  term: String!\n  limit: Int\n}"))
    }

    @Test func enumsMergeByUsage() throws {
        let supergraph = try #require(composed([
            subgraph("a", """
                type Query { status: Status find(kind: Kind): Int }
                enum Status { ACTIVE INACTIVE }
                enum Kind { BOOK MOVIE }
                """),
            subgraph("b", """
                type Query { other: Status count(kind: Kind): Int }
                enum Status { ACTIVE ARCHIVED }
                enum Kind { BOOK SONG }
                """),
        ]))
        // Output-only: every value, each with the subgraphs that define it.
        #expect(printed(supergraph).contains("ACTIVE @join__enumValue(graph: A) @join__enumValue(graph: B)"))
        #expect(printed(supergraph).contains("INACTIVE @join__enumValue(graph: A)"))
        #expect(printed(supergraph).contains("ARCHIVED @join__enumValue(graph: B)"))
        // Input-only: only the values both define.
        #expect(supergraph.apiSchemaSDL.contains("enum Kind {\n  BOOK\n}"))
        #expect(supergraph.apiSchemaSDL.contains("enum Status {\n  ACTIVE\n  INACTIVE\n  ARCHIVED\n}"))
    }

    @Test func argumentsAreIntersected() throws {
        let supergraph = try #require(composed([
            subgraph("a", "type Query { items(first: Int, after: String): [Int] @shareable }"),
            subgraph("b", "type Query { items(first: Int): [Int] @shareable }"),
        ]))
        #expect(printedField(supergraph, "Query", "items") == "items(first: Int): [Int]")
    }

    @Test func inaccessibleAndTagAreCarriedAndTheAPISchemaHidesInaccessible() throws {
        let supergraph = try #require(composed([
            subgraph("a", """
                type Query { product: Product @tag(name: "public") internal: Secret @inaccessible }
                type Product @key(fields: "upc") @tag(name: "catalog") { upc: String! cost: Int @inaccessible name(locale: String @inaccessible): String }
                type Secret @inaccessible { value: String }
                enum Level { LOW HIGH @inaccessible }
                type Rating { level: Level }
                """),
        ]))
        #expect(printed(supergraph).contains(#"@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)"#))
        #expect(printed(supergraph).contains(#"@link(url: "https://specs.apollo.dev/tag/v0.3")"#))
        #expect(printedField(supergraph, "Product", "cost") == "cost: Int @inaccessible")
        #expect(printedField(supergraph, "Query", "product") == #"product: Product @tag(name: "public")"#)
        #expect(supergraph.apiSchemaSDL == """
            enum Level {
              LOW
            }

            type Product {
              upc: String!
              name: String
            }

            type Query {
              product: Product
            }

            type Rating {
              level: Level
            }
            """)
    }

    @Test func composedDirectivesAreCarriedWithTheirLink() throws {
        let supergraph = try #require(composed([
            subgraph("a", """
                extend schema
                  @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@composeDirective"])
                  @link(url: "https://myspecs.dev/cache/v1.0", import: ["@cacheControl"])
                  @composeDirective(name: "@cacheControl")
                directive @cacheControl(maxAge: Int) on FIELD_DEFINITION
                type Query { product: Product @cacheControl(maxAge: 30) }
                type Product @key(fields: "upc") { upc: String! }
                """),
        ]))
        #expect(printed(supergraph).contains(#"@link(url: "https://myspecs.dev/cache/v1.0", import: ["@cacheControl"])"#))
        #expect(printed(supergraph).contains("directive @cacheControl(maxAge: Int) on FIELD_DEFINITION"))
        #expect(printedField(supergraph, "Query", "product") == "product: Product @cacheControl(maxAge: 30)")
        #expect(supergraph.apiSchemaSDL.hasPrefix("directive @cacheControl(maxAge: Int) on FIELD_DEFINITION"))
    }

    @Test func rootTypesWithOtherNamesBecomeTheStandardOnes() throws {
        let supergraph = try #require(composed([
            subgraph("a", "schema { query: RootQuery } type RootQuery { a: Int }"),
            subgraph("b", "type Query { b: Int }"),
        ]))
        #expect(supergraph.apiSchemaSDL == "type Query {\n  a: Int\n  b: Int\n}")
    }

    @Test func descriptionsAreCarried() throws {
        let supergraph = try #require(composed([
            subgraph("a", #"""
                type Query {
                  "The product with this UPC."
                  product(
                    "A universal product code."
                    upc: String!
                  ): Product
                }
                """A thing for sale."""
                type Product @key(fields: "upc") { upc: String! }
                """#),
        ]))
        #expect(supergraph.sdl.contains(#"""
            """A thing for sale."""
            type Product
              @join__type(graph: A, key: "upc")
            {
            """#))
        #expect(supergraph.sdl.contains(#"""
              """The product with this UPC."""
              product(
                """A universal product code."""
                upc: String!
              ): Product
            """#))
        #expect(supergraph.apiSchemaSDL.contains(#"""
            """A thing for sale."""
            type Product {
            """#))
    }

    @Test func newerDirectivesAreAcceptedAndLeftOut() throws {
        let supergraph = try #require(composed([
            SubgraphDefinition(name: "a", url: "http://127.0.0.1:1/a", sdl: """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.12", import: ["@key", "@authenticated", "@cost"])
                type Query { me: User @authenticated }
                type User @key(fields: "id") { id: ID! karma: Int @cost(weight: 5) }
                """),
        ]))
        #expect(printedField(supergraph, "Query", "me") == "me: User")
        #expect(supergraph.apiSchemaSDL == "type Query {\n  me: User\n}\n\ntype User {\n  id: ID!\n  karma: Int\n}")
    }

    @Test func theSupergraphOfAComposedSetReadsBack() throws {
        let supergraph = try #require(composed(BenchmarkFixtures.subgraphs))
        let read = try Supergraph(sdl: supergraph.sdl)
        #expect(read.graphs == supergraph.graphs)
        #expect(read.apiSchemaSDL == supergraph.apiSchemaSDL)
    }
}
