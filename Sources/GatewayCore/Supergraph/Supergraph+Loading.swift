import GraphQLKit

/// Why a supergraph text could not be loaded.
public struct SupergraphLoadError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension Supergraph {
    /// Loads a join-spec supergraph (join v0.2–v0.5, as Apollo composition and
    /// `SupergraphComposition` print it).
    public convenience init(sdl: String) throws(SupergraphLoadError) {
        let document: Document
        do {
            document = try Parser.parse(sdl)
        } catch {
            throw SupergraphLoadError("The supergraph does not parse: \(error.message)")
        }
        let subgraphs = try Self.readGraphs(document)
        let graphNames = Dictionary(uniqueKeysWithValues: subgraphs.map { ($0.enumValue, $0.name) })
        var types: [String: JoinedType] = [:]
        for definition in document.definitions {
            guard case .type(let type) = definition else { continue }
            let name = type.name.value
            if APISchemaBuilder.isJoinOrLinkName(name) { continue }
            switch type {
            case .object(let node):
                var joined = JoinedType(kind: .object)
                try Self.readTypeJoins(node.directives, into: &joined, graphs: graphNames)
                try Self.readFields(node.fields, into: &joined, graphs: graphNames)
                types[name] = joined
            case .interface(let node):
                var joined = JoinedType(kind: .interface)
                try Self.readTypeJoins(node.directives, into: &joined, graphs: graphNames)
                try Self.readFields(node.fields, into: &joined, graphs: graphNames)
                types[name] = joined
            case .union(let node):
                var joined = JoinedType(kind: .union)
                try Self.readTypeJoins(node.directives, into: &joined, graphs: graphNames)
                types[name] = joined
            default:
                continue
            }
        }
        let api: GraphQLSchema
        let apiSDL: String
        do {
            let apiDocument = APISchemaBuilder.apiDocument(from: document)
            api = try buildSchema(apiDocument)
            apiSDL = try printSchema(api)
        } catch {
            throw SupergraphLoadError("The API schema derived from the supergraph is invalid: \(error.message)")
        }
        self.init(subgraphs: subgraphs, types: types, apiSchema: api, apiSDL: apiSDL, sdl: sdl)
    }

    private static func readGraphs(_ document: Document) throws(SupergraphLoadError) -> [SubgraphEndpoint] {
        for definition in document.definitions {
            guard case .type(.enum(let node)) = definition, node.name.value == "join__Graph" else { continue }
            var graphs: [SubgraphEndpoint] = []
            for value in node.values {
                guard let directive = value.directives.first(where: { $0.name.value == "join__graph" }),
                      let name = directive.stringArgument("name") else {
                    throw SupergraphLoadError("join__Graph value \(value.name.value) lacks @join__graph(name:, url:)")
                }
                graphs.append(SubgraphEndpoint(enumValue: value.name.value, name: name, url: directive.stringArgument("url") ?? ""))
            }
            return graphs
        }
        throw SupergraphLoadError("Not a join-spec supergraph: the enum join__Graph is missing")
    }

    private static func graphName(_ directive: Directive, _ graphs: [String: String]) throws(SupergraphLoadError) -> String? {
        guard let value = directive.enumArgument("graph") else { return nil }
        guard let name = graphs[value] else {
            throw SupergraphLoadError("@\(directive.name.value) names the unknown graph \(value)")
        }
        return name
    }

    private static func fieldSet(_ text: String?, _ context: String) throws(SupergraphLoadError) -> SelectionSet? {
        guard let text else { return nil }
        do {
            return try FieldSetParser.parse(text)
        } catch {
            throw SupergraphLoadError("Invalid field set \"\(text)\" in \(context): \(error.message)")
        }
    }

    private static func readTypeJoins(_ directives: [Directive], into joined: inout JoinedType, graphs: [String: String]) throws(SupergraphLoadError) {
        for directive in directives {
            switch directive.name.value {
            case "join__type":
                guard let graph = try graphName(directive, graphs) else { continue }
                joined.graphs.append(TypeJoin(
                    graph: graph,
                    key: try fieldSet(directive.stringArgument("key"), "@join__type"),
                    isExtension: directive.boolArgument("extension") ?? false,
                    resolvable: directive.boolArgument("resolvable") ?? true,
                    isInterfaceObject: directive.boolArgument("isInterfaceObject") ?? false))
            case "join__implements":
                guard let graph = try graphName(directive, graphs), let interface = directive.stringArgument("interface") else { continue }
                joined.implements.append((graph, interface))
            case "join__unionMember":
                guard let graph = try graphName(directive, graphs), let member = directive.stringArgument("member") else { continue }
                joined.unionMembers.append((graph, member))
            default:
                continue
            }
        }
    }

    private static func readFields(_ fields: [FieldDefinition], into joined: inout JoinedType, graphs: [String: String]) throws(SupergraphLoadError) {
        for field in fields {
            var joins: [FieldJoin] = []
            for directive in field.directives where directive.name.value == "join__field" {
                joins.append(FieldJoin(
                    graph: try graphName(directive, graphs),
                    requires: try fieldSet(directive.stringArgument("requires"), "@join__field(requires:)"),
                    provides: try fieldSet(directive.stringArgument("provides"), "@join__field(provides:)"),
                    external: directive.boolArgument("external") ?? false,
                    overrideFrom: directive.stringArgument("override"),
                    overrideLabel: directive.stringArgument("overrideLabel"),
                    usedOverridden: directive.boolArgument("usedOverridden") ?? false))
            }
            joined.fields[field.name.value] = joins
        }
    }
}

/// Parses a federation field set (`"id organization { id }"`) into a selection set.
enum FieldSetParser {
    static func parse(_ text: String) throws(GraphQLError) -> SelectionSet {
        let document = try Parser.parse("{" + text + "}")
        guard case .operation(let operation) = document.definitions.first else {
            throw GraphQLError(message: "not a selection set")
        }
        return operation.selectionSet
    }
}

extension Directive {
    func argument(_ name: String) -> Value? {
        arguments.first { $0.name.value == name }?.value
    }

    func stringArgument(_ name: String) -> String? {
        if case .string(let value)? = argument(name) { return value.value }
        return nil
    }

    func enumArgument(_ name: String) -> String? {
        if case .enumValue(let value)? = argument(name) { return value.value }
        return nil
    }

    func boolArgument(_ name: String) -> Bool? {
        if case .boolean(let value)? = argument(name) { return value.value }
        return nil
    }
}
