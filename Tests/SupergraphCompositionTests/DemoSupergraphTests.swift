import GraphQLKit
import SupergraphComposition
import Testing

/// Apollo's Federation 2 demo subgraphs compose to the supergraph Apollo composed for them;
/// the only differences are the join version's own (v0.3 adds `@join__enumValue`, the
/// `isInterfaceObject` argument and `@join__unionMember`, and links tag v0.3).
@Suite struct DemoSupergraphTests {
    /// The definitions of a supergraph by name, printed, with `@join__enumValue` left out.
    func definitions(_ document: Document) -> [String: String] {
        var result: [String: String] = [:]
        for definition in document.definitions {
            switch definition {
            case .type(.enum(var node)):
                node.values = node.values.map { value in
                    var copy = value
                    copy.directives = value.directives.filter { $0.name.value != "join__enumValue" }
                    return copy
                }
                result[node.name.value] = Printer.print(.type(.enum(node)))
            case .type(let node):
                result[node.name.value] = Printer.print(definition)
            case .directive(let node):
                result["@" + node.name.value] = Printer.print(definition)
            default:
                break
            }
        }
        return result
    }

    @Test func composesWhatApolloComposed() throws {
        let ours = try #require(composed(DemoFixtures.subgraphs))
        let theirs = try Supergraph(sdl: DemoFixtures.apolloSupergraph)
        #expect(ours.apiSchemaSDL == theirs.apiSchemaSDL)
        let mine = definitions(ours.document)
        let apollo = definitions(theirs.document)
        #expect(Set(mine.keys).subtracting(["@join__enumValue", "@join__unionMember"]) == Set(apollo.keys))
        for name in apollo.keys.sorted() where !["@join__field", "@join__type", "@tag"].contains(name) {
            #expect(mine[name] == apollo[name], "\(name)")
        }
        #expect(ours.sdl.hasPrefix("""
            schema
              @link(url: "https://specs.apollo.dev/link/v1.0")
              @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
              @link(url: "https://specs.apollo.dev/tag/v0.3")
              @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)
            {
            """))
    }
}
