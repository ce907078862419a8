import GraphQLKit

/// One subgraph request under construction: a root fetch, or an `_entities` fetch that extends
/// objects at one or more response paths. Entity groups are shared per (subgraph, round), which
/// is what batches all entities a subgraph must resolve in one round into one request.
final class FetchGroup {
    /// A response path and type this entity group extends, with its representation fields.
    final class Part {
        let path: [String]
        let typeName: String
        let representationTypeName: String
        let requires = SelectionTree(.root)

        init(path: [String], typeName: String, representationTypeName: String) {
            self.path = path
            self.typeName = typeName
            self.representationTypeName = representationTypeName
        }
    }

    let id: Int
    let graph: String
    /// The round this group runs in: 0 for root fetches, one more than its latest dependency.
    let depth: Int
    let isEntityFetch: Bool
    /// The selections: root fields, or `... on Type` fragments under `_entities`.
    let selections = SelectionTree(.root)
    private(set) var parts: [Part] = []
    var dependencies: Set<Int> = []

    init(id: Int, graph: String, depth: Int, isEntityFetch: Bool) {
        self.id = id
        self.graph = graph
        self.depth = depth
        self.isEntityFetch = isEntityFetch
    }

    func part(path: [String], typeName: String, representationTypeName: String) -> Part {
        if let existing = parts.first(where: { $0.path == path && $0.typeName == typeName }) { return existing }
        let part = Part(path: path, typeName: typeName, representationTypeName: representationTypeName)
        parts.append(part)
        return part
    }

    /// The finished fetch: operation text, variables used, entity targets.
    func fetchNode(operationType: OperationType, operationName: String?, variableDefinitions: [VariableDefinition]) -> FetchNode {
        var usages: [String] = []
        var seen: Set<String> = []
        selections.collectVariables(into: &usages, seen: &seen)
        let definitions = usages.compactMap { name in variableDefinitions.first { $0.variable.name.value == name } }
        var text = operationType.rawValue
        if let operationName { text += " " + operationName + "__" + graph + "__" + String(id) }
        var declared: [String] = isEntityFetch ? ["$representations:[_Any!]!"] : []
        for definition in definitions {
            var declaration = "$" + definition.variable.name.value + ":" + Printer.print(definition.type)
            if let defaultValue = definition.defaultValue { declaration += "=" + Printer.print(defaultValue) }
            declared.append(declaration)
        }
        if !declared.isEmpty { text += "(" + declared.joined(separator: ",") + ")" }
        if isEntityFetch {
            text += "{_entities(representations:$representations)"
            selections.printSelections(into: &text)
            text += "}"
        } else {
            selections.printSelections(into: &text)
        }
        let targets = parts.map { part in
            EntityTarget(path: part.path, typeName: part.typeName, representationTypeName: part.representationTypeName,
                         requires: part.requires.requiredFields)
        }
        return FetchNode(serviceName: graph, operation: text, variableUsages: usages, entityTargets: targets)
    }
}
