/// Variable Uniqueness (GraphQL specification 5.8.1): an operation defines each variable once.
public final class UniqueVariableNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation]
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        guard node.variableDefinitions.count > 1 else { return .proceed }
        var order: [String] = []
        var groups: [String: [Location?]] = [:]
        for definition in node.variableDefinitions {
            let name = definition.variable.name.value
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(definition.variable.name.location)
        }
        for name in order where groups[name]!.count > 1 {
            context.report("There can be only one variable named \"$\(name)\".", nodes: groups[name]!)
        }
        return .proceed
    }
}
