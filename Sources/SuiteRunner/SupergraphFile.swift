import Foundation
import SupergraphComposition

/// Composes the running subgraphs' SDLs (`_service { sdl }`) into the supergraph file the gateway
/// serves (`GATEWAY_SUPERGRAPH_FILE`), with the project's own composition.
enum SupergraphFile {
    struct CompositionFailed: Error, CustomStringConvertible {
        var description: String
    }

    static func write(subgraphs: [(name: String, port: Int, caller: GraphQLCaller)], to path: String) async throws {
        var definitions: [SubgraphDefinition] = []
        for subgraph in subgraphs {
            let data = try await subgraph.caller.call("{ _service { sdl } }")
            let sdl = (data["_service"] as? [String: Any])?["sdl"] as? String ?? ""
            definitions.append(SubgraphDefinition(name: subgraph.name, url: "http://127.0.0.1:\(subgraph.port)/graphql", sdl: sdl))
        }
        switch composeSupergraph(definitions) {
        case .success(let supergraph):
            try supergraph.sdl.write(toFile: path, atomically: true, encoding: .utf8)
        case .failure(let errors):
            throw CompositionFailed(description: "composition failed:\n" + errors.map { "[\($0.code)] \($0.message)" }.joined(separator: "\n"))
        }
    }
}
