import GatewayCore

/// Composition of polled subgraph SDLs into a supergraph. Wired to SupergraphComposition once
/// that module is on main; until then polling mode reports every reload as failed (and the
/// gateway serves nothing in that mode — use GATEWAY_SUPERGRAPH_FILE).
enum GatewayComposer {
    @Sendable static func compose(_ subgraphs: [(name: String, url: String, sdl: String)]) throws -> String {
        throw SupergraphCompositionError(messages: ["composition is not available in this build: use GATEWAY_SUPERGRAPH_FILE"])
    }
}
