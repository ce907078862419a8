/// All Variable Uses Defined (GraphQL specification 5.8.3): every variable an operation uses,
/// directly or through fragments, is defined by it.
public final class NoUndefinedVariablesRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .leaveOperation, .enterVariableDefinition]
    private var defined: Set<String> = []
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        defined = []
        return .proceed
    }

    public func enterVariableDefinition(_ node: VariableDefinition, _ context: ValidationContext) -> ValidationAction {
        defined.insert(node.variable.name.value)
        return .proceed
    }

    public func leaveOperation(_ node: OperationDefinition, _ context: ValidationContext) {
        for usage in context.recursiveVariableUsages(node) where !defined.contains(usage.node.name.value) {
            let name = usage.node.name.value
            let message = node.name.map { "Variable \"$\(name)\" is not defined by operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is not defined."
            context.report(message, nodes: [usage.node.location, node.location])
        }
    }
}
