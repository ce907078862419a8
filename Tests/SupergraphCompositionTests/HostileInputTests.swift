import GraphQLKit
import SupergraphComposition
import Testing

/// Subgraph SDL and supergraph text come from outside: malformed, oversized and hostile input
/// gets a clear error (or composes), never a crash.
@Suite struct HostileCompositionInputTests {
    @Test func deeplyNestedFieldSetsAreErrors() {
        let nested = String(repeating: "a { ", count: 2_000) + "id" + String(repeating: " }", count: 2_000)
        let errors = composeSupergraph([subgraph("a", "type Query { t: T } type T @key(fields: \"\(nested)\") { id: ID a: T }")]).errors
        #expect(errors.map(\.code) == ["KEY_INVALID_FIELDS"])
    }

    @Test func emptyAndMalformedKeysAreErrors() {
        #expect(compositionCodes([subgraph("a", "type Query { t: T } type T @key(fields: \"\") { id: ID }")]) == ["KEY_INVALID_FIELDS"])
        #expect(compositionCodes([subgraph("a", "type Query { t: T } type T @key(fields: \"{{\") { id: ID }")]) == ["KEY_INVALID_FIELDS"])
        #expect(compositionCodes([subgraph("a", "type Query { t: T } type T @key(fields: \"...F\") { id: ID }")]) == ["KEY_INVALID_FIELDS"])
    }

    @Test func malformedLinksAreErrors() {
        for link in [
            #"@link(import: ["@key"])"#,
            #"@link(url: "https://specs.apollo.dev/federation/v2.x")"#,
            #"@link(url: "https://specs.apollo.dev/federation/v2.3", import: [1])"#,
            #"@link(url: "https://specs.apollo.dev/federation/v2.3", import: [{ as: "@k" }])"#,
            #"@link(url: "https://specs.apollo.dev/federation/v2.3", import: [{ name: "@key", as: "k" }])"#,
        ] {
            let codes = compositionCodes([SubgraphDefinition(name: "a", url: "", sdl: "extend schema \(link)\ntype Query { a: Int }")])
            #expect(codes == ["INVALID_LINK_DIRECTIVE_USAGE"], "\(link)")
        }
    }

    @Test func largeSubgraphsCompose() throws {
        var a = "type Query { root: T0 @shareable }\n"
        var b = "type Query { root: T0 @shareable }\n"
        for index in 0..<2_000 {
            a += "type T\(index) @key(fields: \"id\") { id: ID! next: T\((index + 1) % 2_000) @shareable a\(index): Int }\n"
            b += "type T\(index) @key(fields: \"id\") { id: ID! next: T\((index + 1) % 2_000) @shareable b\(index): Int }\n"
        }
        let supergraph = try #require(composed([subgraph("a", a), subgraph("b", b)]))
        #expect(supergraph.apiSchema.types.count > 2_000)
    }

    @Test func textThatOnlyLooksLikeASupergraphIsRejected() {
        let missingGraph = """
            schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
            enum join__Graph { A }
            type Query { a: Int }
            """
        #expect(throws: CompositionError.self) { try Supergraph(sdl: missingGraph) }
        #expect(throws: CompositionError.self) { try Supergraph(sdl: String(repeating: "[", count: 100_000)) }
        #expect(throws: CompositionError.self) { try Supergraph(sdl: "") }
    }
}
