import SupergraphComposition
import Testing

/// SATISFIABILITY_ERROR: every field on every query path of the API schema must be reachable
/// from where the query is, directly or through keys; the message names the query and why
/// each subgraph cannot go on.
@Suite struct SatisfiabilityTests {
    func satisfiabilityErrors(_ subgraphs: [SubgraphDefinition]) -> [String] {
        composeSupergraph(subgraphs).errors.filter { $0.code == "SATISFIABILITY_ERROR" }.map(\.message)
    }

    @Test func aKeyWhoseFieldsTheOtherSubgraphLacksIsNoWayIn() {
        let messages = satisfiabilityErrors([
            subgraph("a", "type Query { product(upc: String!): Product } type Product @key(fields: \"upc\") { upc: String! }"),
            subgraph("b", "type Product @key(fields: \"sku\") { sku: String! price: Int }"),
        ])
        #expect(messages.count == 2)   // Product.sku and Product.price
        #expect(messages.contains("""
            The following supergraph API query:
            {
              product(upc: "A string value") {
                price
              }
            }
            cannot be satisfied by the subgraphs because:
            - from subgraph "a":
              - cannot find field "Product.price".
              - cannot move to subgraph "b" using @key(fields: "sku") of "Product", the key field(s) cannot be resolved from subgraph "a".
            """))
    }

    @Test func theMessageNamesTheWholePathToTheField() {
        let messages = satisfiabilityErrors([
            subgraph("a", """
                type Query { user(id: ID!): User }
                type User @key(fields: "id") { id: ID! team: Team }
                type Team @key(fields: "id") { id: ID! }
                """),
            subgraph("b", "type Team @key(fields: \"code\") { code: String! name: String }"),
        ])
        #expect(messages.contains("""
            The following supergraph API query:
            {
              user(id: "<any id>") {
                team {
                  name
                }
              }
            }
            cannot be satisfied by the subgraphs because:
            - from subgraph "a":
              - cannot find field "Team.name".
              - cannot move to subgraph "b" using @key(fields: "code") of "Team", the key field(s) cannot be resolved from subgraph "a".
            """))
    }

    @Test func valueTypesWithoutKeysAndMutations() {
        let messages = satisfiabilityErrors([
            subgraph("a", "type Query { a: Int } type Mutation { move: Position } type Position @shareable { x: Int }"),
            subgraph("b", "type Query { place: Position } type Position @shareable { x: Int y: Int }"),
        ])
        #expect(messages == ["""
            The following supergraph API query:
            mutation {
              move {
                y
              }
            }
            cannot be satisfied by the subgraphs because:
            - from subgraph "a":
              - cannot find field "Position.y".
              - cannot move to subgraph "b", which has field "Position.y", because type "Position" has no @key defined in subgraph "b".
            """])
    }

    @Test func anExternalFieldIsReachedThroughTheOwningSubgraphsKey() {
        let messages = satisfiabilityErrors([
            subgraph("a", """
                type Query { reviews: [Review] }
                type Review { body: String author: User }
                type User @key(fields: "id", resolvable: false) { id: ID! name: String @external }
                """),
            subgraph("b", "type User @key(fields: \"id\") { id: ID! name: String } type Query { me: User }"),
        ])
        // a has User.name only as @external (used by nothing: EXTERNAL_UNUSED aside) — but b's key
        // "id" is available in a, so the query moves to b: satisfiable.
        #expect(messages == [])
    }

    @Test func keysReachedThroughOtherKeysAreSatisfiable() {
        #expect(compositionCodes([
            subgraph("a", "type Query { t: T } type T @key(fields: \"k1\") { k1: ID! }"),
            subgraph("b", "type T @key(fields: \"k1\") @key(fields: \"k2\") { k1: ID! k2: ID! }"),
            subgraph("c", "type T @key(fields: \"k2\") { k2: ID! v: Int }"),
        ]) == [])
    }

    @Test func providedAndRequiredFieldsAreSatisfiable() {
        #expect(compositionCodes([
            subgraph("a", """
                type Query { reviews: [Review] }
                type Review { body: String author: User @provides(fields: "name") }
                type User @key(fields: "id", resolvable: false) { id: ID! name: String @external }
                """),
            subgraph("b", """
                type User @key(fields: "id") { id: ID! name: String @shareable weight: Int }
                """),
            subgraph("c", """
                type User @key(fields: "id") { id: ID! weight: Int @external shipping: Int @requires(fields: "weight") }
                """),
        ]).filter { $0 == "SATISFIABILITY_ERROR" } == [])
    }

    @Test func aRequiresNoReachableSubgraphCanFeedIsReported() {
        let messages = satisfiabilityErrors([
            subgraph("a", "type Query { a: A } type A @key(fields: \"id\") { id: ID! }"),
            subgraph("b", "type A @key(fields: \"id\") { id: ID! x: Int @external y: Int @requires(fields: \"x\") }"),
            subgraph("c", "type A @key(fields: \"sku\") { sku: ID! x: Int }"),
        ])
        #expect(messages.contains("""
            The following supergraph API query:
            {
              a {
                y
              }
            }
            cannot be satisfied by the subgraphs because:
            - from subgraph "a": cannot find field "A.y".
            - from subgraph "b": cannot satisfy @require conditions on field "A.y".
            """))
    }
}
