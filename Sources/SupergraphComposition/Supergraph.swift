import GraphQLKit

/// A join-spec supergraph: its SDL (what the gateway plans with), the subgraphs it names, and
/// the API schema clients see. Built by ``composeSupergraph(_:)`` or read from a supergraph
/// composed elsewhere (Apollo's `rover supergraph compose`, say) with ``init(sdl:)``.
///
/// ```swift
/// switch composeSupergraph(subgraphs) {
/// case .success(let supergraph): try supergraph.sdl.write(toFile: "supergraph.graphql", atomically: true, encoding: .utf8)
/// case .failure(let errors): errors.forEach { print($0) }     // [INVALID_FIELD_SHARING] Non-shareable field …
/// }
/// let external = try Supergraph(sdl: String(contentsOfFile: "apollo-supergraph.graphql"))
/// external.graphs.map(\.url)
/// ```
public struct Supergraph: Sendable {
    /// The supergraph SDL (join spec).
    public let sdl: String
    /// The parsed supergraph.
    public let document: Document
    /// The subgraphs, as the `join__Graph` enum lists them.
    public let graphs: [SupergraphGraph]
    /// The API schema clients see (no join machinery, no `@inaccessible` elements).
    public let apiSchema: GraphQLSchema
    /// The API schema as SDL (`printSchema`).
    public let apiSchemaSDL: String

    /// Reads a supergraph composed elsewhere (or here). Throws `INVALID_SUPERGRAPH` for text
    /// that is not a join-spec supergraph, or whose API schema is not a valid schema.
    public init(sdl: String) throws(CompositionError) {
        let document: Document
        do {
            document = try Parser.parse(sdl)
        } catch {
            throw CompositionError(code: "INVALID_SUPERGRAPH", message: "The supergraph does not parse: \(error.message)")
        }
        try self.init(document: document, sdl: sdl)
    }

    init(document: Document, sdl: String) throws(CompositionError) {
        self.sdl = sdl
        self.document = document
        var graphs: [SupergraphGraph] = []
        var linksJoin = false
        for definition in document.definitions {
            switch definition {
            case .schema(let schema):
                linksJoin = schema.directives.contains { directive in
                    (directive.stringArgument("url") ?? directive.stringArgument("feature"))?.contains("specs.apollo.dev/join/") == true
                }
            case .type(.enum(let graphEnum)) where graphEnum.name.value == "join__Graph":
                for value in graphEnum.values {
                    guard let join = value.directives.first(where: { $0.name.value == "join__graph" }),
                          let name = join.stringArgument("name"), let url = join.stringArgument("url") else {
                        throw CompositionError(code: "INVALID_SUPERGRAPH", message: "join__Graph value \(value.name.value) has no @join__graph(name:, url:).")
                    }
                    graphs.append(SupergraphGraph(enumValue: value.name.value, name: name, url: url))
                }
            default:
                break
            }
        }
        guard linksJoin else {
            throw CompositionError(code: "INVALID_SUPERGRAPH", message: "The schema does not link the join specification (https://specs.apollo.dev/join/v0.x): it is not a supergraph.")
        }
        self.graphs = graphs
        let api = APISchemaDerivation(document: document).derive(document)
        do throws(GraphQLError) {
            let schema = try buildSchema(api)
            let problems = schema.validationErrors
            if !problems.isEmpty {
                throw GraphQLError(message: problems.map(\.message).joined(separator: "\n"))
            }
            self.apiSchema = schema
            self.apiSchemaSDL = try printSchema(schema)
        } catch {
            throw CompositionError(code: "INVALID_SUPERGRAPH", message: "The API schema of the supergraph is invalid: \(error.message)")
        }
    }
}

/// One subgraph named by a supergraph's `join__Graph` enum.
public struct SupergraphGraph: Sendable, Hashable {
    /// The enum value (`PRODUCTS`) the join directives use.
    public let enumValue: String
    /// The subgraph's name (`products`).
    public let name: String
    /// The URL the gateway calls.
    public let url: String
}
