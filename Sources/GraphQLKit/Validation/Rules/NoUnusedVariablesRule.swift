/// All Variables Used (GraphQL specification 5.8.4): every variable an operation defines is
/// used, directly or through fragments.
public final class NoUnusedVariablesRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .leaveOperation, .enterVariableDefinition]
    private var definitions: [VariableDefinition] = []
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        definitions = []
        return .proceed
    }

    public func enterVariableDefinition(_ node: VariableDefinition, _ context: ValidationContext) -> ValidationAction {
        definitions.append(node)
        return .proceed
    }

    public func leaveOperation(_ node: OperationDefinition, _ context: ValidationContext) {
        guard !definitions.isEmpty else { return }
        var used: Set<String> = []
        for usage in context.recursiveVariableUsages(node) { used.insert(usage.node.name.value) }
        for definition in definitions where !used.contains(definition.variable.name.value) {
            let name = definition.variable.name.value
            let message = node.name.map { "Variable \"$\(name)\" is never used in operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is never used."
            context.report(message, node: definition.location)
        }
    }
}
