import GraphQLKit
import SupergraphComposition
import Testing

/// One test per composition rule: the code and the message composition reports.
@Suite struct CompositionErrorTests {
    /// The single error composition reports (recorded as an issue when there is not exactly one).
    func onlyError(_ subgraphs: [SubgraphDefinition], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CompositionError? {
        let errors = composeSupergraph(subgraphs).errors
        if errors.count != 1 { Issue.record("expected one error, got \(errors)", sourceLocation: sourceLocation) }
        return errors.first
    }

    @Test func invalidFieldSharing() {
        let error = onlyError([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! name: String }"),
            subgraph("b", "type Product @key(fields: \"upc\") { upc: String! name: String }"),
        ])
        #expect(error == CompositionError(code: "INVALID_FIELD_SHARING", message: #"Non-shareable field "Product.name" is resolved from multiple subgraphs: it is resolved from subgraphs "a" and "b" and defined as non-shareable in all of them"#))
        let partly = onlyError([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! name: String @shareable }"),
            subgraph("b", "type Product @key(fields: \"upc\") { upc: String! name: String }"),
        ])
        #expect(partly?.message.hasSuffix(#"and defined as non-shareable in subgraph "b""#) == true)
        // A type-level @shareable covers only the fields of the definition it is on.
        #expect(compositionCodes([
            subgraph("a", "type Query { p: Position @shareable } type Position @shareable { x: Int } extend type Position { y: Int }"),
            subgraph("b", "type Query { p: Position @shareable } type Position @shareable { x: Int y: Int }"),
        ]) == ["INVALID_FIELD_SHARING"])
        // Root fields too.
        #expect(compositionCodes([subgraph("a", "type Query { hello: String }"), subgraph("b", "type Query { hello: String }")]) == ["INVALID_FIELD_SHARING"])
    }

    @Test func typeKindMismatch() {
        let error = onlyError([
            subgraph("a", "type Query { item: Item } type Item { id: ID }"),
            subgraph("b", "type Query { other: Item } interface Item { id: ID }"),
        ])
        #expect(error == CompositionError(code: "TYPE_KIND_MISMATCH", message: #"Type "Item" has mismatched kind: it is defined as Object Type in subgraph "a" but Interface Type in subgraph "b""#))
    }

    @Test func fieldTypeMismatch() {
        let error = onlyError([
            subgraph("a", "type Query { a: Int } type Position @shareable { x: Int }"),
            subgraph("b", "type Query { b: Position } type Position @shareable { x: String }"),
        ])
        #expect(error == CompositionError(code: "FIELD_TYPE_MISMATCH", message: #"Type of field "Position.x" is incompatible across subgraphs: it has type "Int" in subgraph "a" but type "String" in subgraph "b""#))
        #expect(compositionCodes([
            subgraph("a", "type Query { a: Int } type Position @shareable { x: [Int] }"),
            subgraph("b", "type Query { b: Position } type Position @shareable { x: Int }"),
        ]) == ["FIELD_TYPE_MISMATCH"])
    }

    @Test func fieldArgumentTypeMismatch() {
        #expect(onlyError([
            subgraph("a", "type Query { items(first: Int): [Int] @shareable }"),
            subgraph("b", "type Query { items(first: String): [Int] @shareable }"),
        ]) == CompositionError(code: "FIELD_ARGUMENT_TYPE_MISMATCH", message: #"Type of argument "Query.items(first:)" is incompatible across subgraphs: it has type "Int" in subgraph "a" but type "String" in subgraph "b""#))
    }

    @Test func requiredArgumentMissingInSomeSubgraph() {
        #expect(onlyError([
            subgraph("a", "type Query { items(first: Int!): [Int] @shareable }"),
            subgraph("b", "type Query { items: [Int] @shareable }"),
        ]) == CompositionError(code: "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", message: #"Argument "Query.items(first:)" is required in some subgraphs but does not appear in all subgraphs: it is required in subgraph "a" but does not appear in subgraph "b""#))
    }

    @Test func fieldArgumentDefaultMismatch() {
        #expect(compositionCodes([
            subgraph("a", "type Query { items(first: Int = 1): [Int] @shareable }"),
            subgraph("b", "type Query { items(first: Int = 2): [Int] @shareable }"),
        ]) == ["FIELD_ARGUMENT_DEFAULT_MISMATCH"])
    }

    @Test func externalMissingOnBase() {
        let error = onlyError([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! weight: Int @external tax: Int @requires(fields: \"weight\") }"),
            subgraph("b", "type Product @key(fields: \"upc\") { upc: String! name: String }"),
        ])
        #expect(error == CompositionError(code: "EXTERNAL_MISSING_ON_BASE", message: #"Field "Product.weight" is marked @external on all the subgraphs in which it is listed (subgraph "a")."#))
    }

    @Test func externalTypeMismatch() {
        let error = onlyError([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! weight: String @external tax: Int @requires(fields: \"weight\") }"),
            subgraph("b", "type Product @key(fields: \"upc\") { upc: String! weight: Int }"),
        ])
        #expect(error == CompositionError(code: "EXTERNAL_TYPE_MISMATCH", message: #"Type of field "Product.weight" is incompatible across subgraphs (where marked @external): it has type "Int" in subgraph "b" but type "String" in subgraph "a""#))
    }

    @Test func subgraphRulesKeyInvalidFieldsAndOthersCarryTheSubgraphName() {
        let error = onlyError([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"id\") { upc: String! }"),
        ])
        #expect(error?.code == "KEY_INVALID_FIELDS")
        #expect(error?.message.hasPrefix(#"[a] On type "Product", for @key(fields: "id"): Cannot query field "id" on type "Product""#) == true)
        #expect(compositionCodes([subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! tax: Int @requires(fields: \"weight\") }")]) == ["REQUIRES_INVALID_FIELDS"])
        #expect(compositionCodes([subgraph("a", "type Query { product: Product @provides(fields: \"name\") } type Product @key(fields: \"upc\") { upc: String! name: String }")]) == ["PROVIDES_FIELDS_MISSING_EXTERNAL"])
        #expect(compositionCodes([subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! w: Int @external }")]) == ["EXTERNAL_UNUSED"])
    }

    @Test func overrideFromSelfError() {
        #expect(onlyError([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! name: String @override(from: \"a\") }"),
        ]) == CompositionError(code: "OVERRIDE_FROM_SELF_ERROR", message: #"Source and destination subgraphs "a" are the same for overridden field "Product.name""#))
    }

    /// Progressive override labels: `percent(x)` with 0 ≤ x ≤ 100 (up to 8 decimals) or a custom
    /// label starting with a letter; anything else is OVERRIDE_LABEL_INVALID.
    @Test(arguments: ["percent(101)", "percent(100.5)", "percent(-1)", "percent(1.123456789)", "percent()", "percent(5", "1flag", "_flag", "flag!", "beta flag", ""])
    func overrideLabelInvalid(label: String) {
        let errors = composeSupergraph([
            subgraph("old", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! name: String }"),
            subgraph("new", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
                type Product @key(fields: "upc") { upc: String! name: String @override(from: "old", label: "\(label)") }
                """),
        ]).errors
        #expect(errors == [CompositionError(code: "OVERRIDE_LABEL_INVALID", message: #"Invalid @override label "\#(label)" on field "Product.name" on subgraph "new": labels must start with a letter and after that may contain alphanumerics, underscores, minuses, colons, periods, or slashes. Alternatively, labels may be of the form "percent(x)" where x is a float between 0-100 inclusive."#)])
    }

    @Test(arguments: ["percent(0)", "percent(0.5)", "percent(1.0)", "percent(99.99999999)", "percent(100)", "betaPricing", "team/search:v2.1_a-b"])
    func overrideLabelValid(label: String) {
        #expect(compositionCodes([
            subgraph("old", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! name: String }"),
            subgraph("new", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
                type Product @key(fields: "upc") { upc: String! name: String @override(from: "old", label: "\(label)") }
                """),
        ]) == [])
    }

    @Test func overrideSourceHasOverride() {
        #expect(compositionCodes([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! name: String @override(from: \"c\") }"),
            subgraph("b", "type Product @key(fields: \"upc\") { upc: String! name: String @override(from: \"a\") }"),
        ]) == ["OVERRIDE_SOURCE_HAS_OVERRIDE"])
    }

    @Test func overrideCollisionWithAnotherDirective() {
        #expect(compositionCodes([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! name: String }"),
            subgraph("b", "type Product @key(fields: \"upc\") { upc: String! name: String @external @override(from: \"a\") tax: Int @requires(fields: \"name\") }"),
        ]) == ["OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE"])
    }

    @Test func interfaceObjectWithoutInterface() {
        #expect(compositionCodes([
            subgraph("a", "type Query { media: Media } type Media @key(fields: \"id\") @interfaceObject { id: ID! }"),
        ]) == ["INTERFACE_OBJECT_USAGE_ERROR"])
    }

    @Test func interfaceObjectOfAnInterfaceWithoutKey() {
        #expect(compositionCodes([
            subgraph("a", "type Query { media: Media } interface Media { id: ID! } type Book implements Media { id: ID! }"),
            subgraph("b", "type Media @key(fields: \"id\") @interfaceObject { id: ID! reviews: Int }"),
        ]).contains("INTERFACE_OBJECT_USAGE_ERROR"))
    }

    @Test func interfaceKeyMissingImplementationType() {
        let missing = onlyError([
            subgraph("a", "type Query { media: Media } interface Media @key(fields: \"id\") { id: ID! } type Book implements Media @key(fields: \"id\") { id: ID! }"),
            subgraph("b", "type Movie implements Media @key(fields: \"id\") { id: ID! } interface Media { id: ID! } type Query { movie: Movie }"),
        ])
        #expect(missing == CompositionError(code: "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE", message: #"[a] Interface type "Media" has a resolvable key (@key(fields: "id")) in subgraph "a" but that subgraph is missing some of the supergraph implementation types of "Media". Subgraph "a" should define type "Movie" (and have it implement "Media")."#))
    }

    @Test func interfaceFieldNoImplem() {
        let error = onlyError([
            subgraph("a", "type Query { node: Node } interface Node { id: ID! } type User implements Node @key(fields: \"id\") { id: ID! }"),
            subgraph("b", "interface Node { id: ID! name: String } type Query { other: Node } type Admin implements Node { id: ID! name: String }"),
        ])
        #expect(error == CompositionError(code: "INTERFACE_FIELD_NO_IMPLEM", message: #"Interface field "Node.name" is declared in subgraph "b" but type "User", which implements "Node" only in subgraph "a" does not have field "name"."#))
    }

    @Test func requiredInputFieldMissingInSomeSubgraph() {
        #expect(onlyError([
            subgraph("a", "type Query { a(f: Filter): Int } input Filter { term: String! limit: Int }"),
            subgraph("b", "type Query { b(f: Filter): Int } input Filter { limit: Int }"),
        ]) == CompositionError(code: "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", message: #"Input object field "Filter.term" is required in some subgraphs but does not appear in all subgraphs: it is required in subgraph "a" but does not appear in subgraph "b""#))
    }

    @Test func inputFieldDefaultMismatch() {
        #expect(onlyError([
            subgraph("a", "type Query { a(f: Filter): Int } input Filter { limit: Int = 5 }"),
            subgraph("b", "type Query { b(f: Filter): Int } input Filter { limit: Int = 10 }"),
        ]) == CompositionError(code: "INPUT_FIELD_DEFAULT_MISMATCH", message: #"Input field "Filter.limit" has incompatible default values across subgraphs: it has default value 5 in subgraph "a" and 10 in subgraph "b""#))
    }

    @Test func emptyMergedInputType() {
        #expect(onlyError([
            subgraph("a", "type Query { a(f: Filter): Int } input Filter { term: String }"),
            subgraph("b", "type Query { b(f: Filter): Int } input Filter { limit: Int }"),
        ])?.code == "EMPTY_MERGED_INPUT_TYPE")
    }

    @Test func enumValueMismatch() {
        #expect(onlyError([
            subgraph("a", "type Query { status(s: Status): Status } enum Status { ACTIVE INACTIVE }"),
            subgraph("b", "type Query { other: Status } enum Status { ACTIVE }"),
        ]) == CompositionError(code: "ENUM_VALUE_MISMATCH", message: #"Enum type "Status" is used as both input type (for example, as type of "Query.status(s:)") and output type (for example, as type of "Query.status"), but value "INACTIVE" is not defined in all the subgraphs defining "Status": "INACTIVE" is defined in subgraph "a" but not in subgraph "b""#))
    }

    @Test func emptyMergedEnumType() {
        #expect(onlyError([
            subgraph("a", "type Query { a(k: Kind): Int } enum Kind { BOOK }"),
            subgraph("b", "type Query { b(k: Kind): Int } enum Kind { SONG }"),
        ])?.code == "EMPTY_MERGED_ENUM_TYPE")
    }

    @Test func noQueries() {
        #expect(onlyError([
            subgraph("a", "type Product @key(fields: \"upc\") { upc: String! }"),
        ]) == CompositionError(code: "NO_QUERIES", message: "No queries found in any subgraph: a supergraph must have a query root type."))
    }

    @Test func satisfiabilityError() {
        let error = onlyError([
            subgraph("a", "type Query { product: Product } type Product @key(fields: \"upc\") { upc: String! }"),
            subgraph("b", "type Product @key(fields: \"upc\", resolvable: false) { upc: String! price: Int }"),
        ])
        #expect(error == CompositionError(code: "SATISFIABILITY_ERROR", message: """
            The following supergraph API query:
            {
              product {
                price
              }
            }
            cannot be satisfied by the subgraphs because:
            - from subgraph "a":
              - cannot find field "Product.price".
              - cannot move to subgraph "b", which has field "Product.price", because none of the @key defined on type "Product" in subgraph "b" are resolvable (they are all declared with their "resolvable" argument set to false).
            """))
        #expect(compositionCodes([
            subgraph("a", "type Query { position: Position } type Position @shareable { x: Int }"),
            subgraph("b", "type Query { place: Position } type Position @shareable { x: Int y: Int }"),
        ]).contains("SATISFIABILITY_ERROR"))
        // A type a subgraph defines but never returns is no way in.
        #expect(compositionCodes([
            subgraph("a", "type Query { a: Int } type Position @shareable { x: Int }"),
            subgraph("b", "type Query { place: Position } type Position @shareable { x: Int y: Int }"),
        ]) == [])
    }

    @Test func referencedInaccessible() {
        #expect(onlyError([
            subgraph("a", "type Query { secret: Secret } type Secret @inaccessible { v: Int }"),
        ]) == CompositionError(code: "REFERENCED_INACCESSIBLE", message: #"Type "Secret" is @inaccessible but is referenced by "Query.secret", which is in the API schema."#))
    }

    @Test func requiredInaccessible() {
        #expect(onlyError([
            subgraph("a", "type Query { a(x: Int! @inaccessible): Int }"),
        ]) == CompositionError(code: "REQUIRED_INACCESSIBLE", message: #"Argument "Query.a(x:)" is required, but it was marked as @inaccessible."#))
    }

    @Test func onlyInaccessibleChildren() {
        #expect(onlyError([
            subgraph("a", "type Query { t: T } type T { a: Int @inaccessible b: Int @inaccessible }"),
        ]) == CompositionError(code: "ONLY_INACCESSIBLE_CHILDREN", message: #"Type "T" is in the API schema but all of its fields are @inaccessible."#))
    }

    @Test func queryRootTypeInaccessible() {
        #expect(compositionCodes([subgraph("a", "type Query @inaccessible { a: Int }")]).contains("QUERY_ROOT_TYPE_INACCESSIBLE"))
    }

    @Test func invalidSubgraphName() {
        #expect(compositionCodes([subgraph("a", "type Query { a: Int }"), subgraph("a", "type Query { b: Int }")]) == ["INVALID_SUBGRAPH_NAME"])
        #expect(compositionCodes([subgraph("", "type Query { a: Int }")]) == ["INVALID_SUBGRAPH_NAME"])
    }

    @Test func invalidGraphQL() {
        let syntax = onlyError([subgraph("a", "type Query { a: Int ")])
        #expect(syntax?.code == "INVALID_GRAPHQL")
        #expect(syntax?.message.hasPrefix("[a] Syntax Error") == true)
        #expect(compositionCodes([subgraph("a", "type Query { a: Int } type T implements I { a: Int } interface I { b: Int }")]) == ["INVALID_GRAPHQL"])
    }

    @Test func invalidLinkDirectiveUsage() {
        #expect(compositionCodes([SubgraphDefinition(name: "a", url: "", sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@nope"])
            type Query { a: Int }
            """)]) == ["INVALID_LINK_DIRECTIVE_USAGE"])
    }

    @Test func rootQueryUsed() {
        #expect(compositionCodes([subgraph("a", "schema { query: RootQuery } type RootQuery { a: Query } type Query { b: Int }")]) == ["ROOT_QUERY_USED"])
    }

    @Test func directiveCompositionError() {
        #expect(compositionCodes([subgraph("a", """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@composeDirective"]) @composeDirective(name: "@cache")
            directive @cache on FIELD_DEFINITION
            type Query { a: Int @cache }
            """)]) == ["DIRECTIVE_COMPOSITION_ERROR"])
        #expect(compositionCodes([subgraph("a", """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@composeDirective"])
              @link(url: "https://myspecs.dev/cache/v1.0", import: ["@cache"]) @composeDirective(name: "@cache")
            type Query { a: Int }
            """)]) == ["DIRECTIVE_COMPOSITION_ERROR"])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let errors = composeSupergraph([
            subgraph("a", "type Query { item: Item hello: String } type Item { id: ID }"),
            subgraph("b", "type Query { hello: String other: Item } interface Item { id: ID }"),
        ]).errors
        #expect(Set(errors.map(\.code)) == ["TYPE_KIND_MISMATCH", "INVALID_FIELD_SHARING"])
    }
}
