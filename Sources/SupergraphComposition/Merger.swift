import GraphQLKit

/// Merges the subgraphs' types into the supergraph's and checks the composition rules. The
/// steps live in `Merger+Collect` (reading each subgraph), `Merger+Types` (merging fields,
/// arguments, enums, inputs), `Merger+Rules` (sharing, external, override, interfaces,
/// satisfiability) and `SupergraphPrinter` (the join-spec text).
struct Merger {
    let graphs: [ComposedSubgraph]
    var errors: [CompositionError] = []
    var types: [String: MergedType] = [:]
    var typeOrder: [String] = []
    /// Composed custom directives by supergraph name.
    var composedDirectives: [String: ComposedDirective] = [:]
    var composedDirectiveOrder: [String] = []
    /// Per graph: the subgraph's local name of each composed directive → supergraph name.
    var composedNamesByGraph: [[String: String]] = []
    var rootTypeNames: [OperationType: String] = [:]

    init(graphs: [ComposedSubgraph]) {
        self.graphs = graphs
        self.composedNamesByGraph = Array(repeating: [:], count: graphs.count)
    }

    mutating func error(_ code: String, _ message: String) {
        let error = CompositionError(code: code, message: message)
        if !errors.contains(error) { errors.append(error) }
    }

    mutating func type(_ name: String) -> MergedType {
        if let existing = types[name] { return existing }
        let created = MergedType(name: name)
        types[name] = created
        typeOrder.append(name)
        return created
    }

    func graphName(_ graph: Int) -> String { graphs[graph].name }

    /// `subgraph "a"` or `subgraphs "a", "b" and "c"`.
    func subgraphList(_ graphIndices: [Int]) -> String {
        let names = graphIndices.map { "\"\(graphs[$0].name)\"" }
        if names.count == 1 { return "subgraph \(names[0])" }
        return "subgraphs \(names.dropLast().joined(separator: ", ")) and \(names.last!)"
    }

    /// Runs every step; the errors say what failed.
    mutating func merge() {
        collectComposedDirectives()
        for graph in graphs.indices { collect(graph) }
        // `_entities` and `_service` are left out when collecting: any field left is a query.
        if types["Query"]?.fields.isEmpty ?? true {
            error("NO_QUERIES", "No queries found in any subgraph: a supergraph must have a query root type.")
        }
        for name in typeOrder { if let type = types[name] { checkKind(type) } }
        for name in typeOrder {
            guard let type = types[name], !type.isBroken else { continue }
            switch type.kind {
            case .object, .interface: mergeOutputFields(type)
            case .inputObject: mergeInputFields(type)
            default: break   // enums merge below (they need every type's usage); unions and scalars need nothing
            }
        }
        mergeEnums()
        applyInterfaceObjects()
        for name in typeOrder {
            guard let type = types[name], !type.isBroken else { continue }
            if type.kind == .object {
                checkOverrides(type)
                checkSharing(type)
                checkExternals(type)
                checkInterfaceImplementations(type)
            }
            if type.kind == .interface { checkInterfaceObjects(type) }
        }
        checkInaccessible()
        // As in Apollo's composition, query paths are validated only once the merge succeeded.
        if errors.isEmpty { checkSatisfiability() }
    }
}

/// A custom directive composed with `@composeDirective`: its definition and the `@link` it
/// came from.
struct ComposedDirective {
    let name: String
    let definition: DirectiveDefinition
    let link: Directive
}
