import SupergraphComposition

extension SubgraphPollingSource {
    /// Polls `subgraphs` and composes them with SupergraphComposition; composition errors
    /// (Apollo-style codes) become a ``SupergraphCompositionError``.
    public init(subgraphs: [SubgraphConfiguration], transport: any SubgraphTransport) {
        self.init(subgraphs: subgraphs, transport: transport) { definitions in
            switch composeSupergraph(definitions.map { SubgraphDefinition(name: $0.name, url: $0.url, sdl: $0.sdl) }) {
            case .success(let supergraph):
                return supergraph.sdl
            case .failure(let errors):
                throw SupergraphCompositionError(messages: errors.map(\.description))
            }
        }
    }
}
