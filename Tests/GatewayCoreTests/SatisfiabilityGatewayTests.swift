import GatewayCore
import GraphQLKit
import Testing

/// Composition satisfiability as the gateway meets it in polling mode: subgraphs whose
/// entity can only be reached through another subgraph's key compose and are answered across
/// two entity hops; subgraphs with a field no query path can reach are refused with
/// SATISFIABILITY_ERROR naming the query.
@Suite(.serialized) struct SatisfiabilityGatewayTests {
    /// `T` by `k1` (the root field lives here).
    static func first() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { root in root.field("t") { (_: FieldArguments, _: Void) -> JSONValue in ["k1": "one"] } }
        var entities = EntityResolvers<Void>()
        entities.entity("T") { representations, _ in representations.map { _ in ["k1": "one"] as JSONValue } }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Query { t: T }
            type T @key(fields: "k1") { k1: ID! }
            """, resolvers: resolvers, entities: entities)
    }

    /// Translates `k1` to `k2`.
    static func bridge() throws -> ExecutableSchema<Void> {
        var entities = EntityResolvers<Void>()
        entities.entity("T") { representations, _ in
            representations.map { representation -> JSONValue in ["k1": representation["k1"] ?? "one", "k2": "two"] }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type T @key(fields: "k1") @key(fields: "k2") { k1: ID! k2: ID! }
            """, entities: entities)
    }

    /// Knows `T` only by `k2`; `resolvable` false makes `v` unreachable.
    static func last(resolvable: Bool = true) throws -> ExecutableSchema<Void> {
        var entities = EntityResolvers<Void>()
        if resolvable {
            entities.entity("T") { representations, _ in
                representations.map { representation -> JSONValue in ["k2": representation["k2"] ?? .null, "v": representation["k2"] == "two" ? 42 : 0] }
            }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type T @key(fields: "k2"\(resolvable ? "" : ", resolvable: false")) { k2: ID! v: Int }
            """, entities: entities)
    }

    @Test func aFieldReachedThroughTwoKeysComposesAndIsAnswered() async throws {
        try await ComposedGateway.with([("first", try Self.first()), ("bridge", try Self.bridge()), ("last", try Self.last())]) { gateway in
            let (response, plan) = try await gateway.runWithPlan("{ t { k1 v } }")
            #expect(response["data"] == ["t": ["k1": "one", "v": 42]])
            #expect(plan.contains(#"Fetch(service: "bridge")"#))
            #expect(plan.contains(#"Fetch(service: "last")"#))
        }
    }

    /// Knows `T` by `k3` (listed first) and `k2`; the planner must not take `k3` from itself.
    static func hop() throws -> ExecutableSchema<Void> {
        var entities = EntityResolvers<Void>()
        entities.entity("T") { representations, _ in
            representations.map { representation -> JSONValue in ["k2": representation["k2"] ?? "two", "k3": "three"] }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type T @key(fields: "k3") @key(fields: "k2") { k2: ID! k3: ID! }
            """, entities: entities)
    }

    /// Knows `T` by `k3` only.
    static func end() throws -> ExecutableSchema<Void> {
        var entities = EntityResolvers<Void>()
        entities.entity("T") { representations, _ in
            representations.map { representation -> JSONValue in ["k3": representation["k3"] ?? .null, "w": representation["k3"] == "three" ? 7 : 0] }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type T @key(fields: "k3") { k3: ID! w: Int }
            """, entities: entities)
    }

    @Test func aChainOfThreeKeysIsPlannedWithoutLooping() async throws {
        try await ComposedGateway.with([("first", try Self.first()), ("bridge", try Self.bridge()), ("hop", try Self.hop()),
                                        ("end", try Self.end())]) { gateway in
            let (response, plan) = try await gateway.runWithPlan("{ t { w } }")
            #expect(response["data"] == ["t": ["w": 7]])
            for service in ["first", "bridge", "hop", "end"] { #expect(plan.contains("Fetch(service: \"\(service)\")")) }
        }
    }

    @Test func anUnreachableFieldIsRefusedWithThePath() async throws {
        let error = await #expect(throws: GraphQLError.self) {
            try await ComposedGateway.with([("first", try Self.first()), ("bridge", try Self.bridge()), ("last", try Self.last(resolvable: false))]) { _ in }
        }
        let message = error?.message ?? ""
        #expect(message.contains("SATISFIABILITY_ERROR"))
        #expect(message.contains("""
            The following supergraph API query:
            {
              t {
                v
              }
            }
            cannot be satisfied by the subgraphs because:
            - from subgraph "first":
              - cannot find field "T.v".
              - cannot move to subgraph "last", which has field "T.v", because none of the @key defined on type "T" in subgraph "last" are resolvable (they are all declared with their "resolvable" argument set to false).
            """))
    }
}
