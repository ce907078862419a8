/// Variable Uniqueness (GraphQL specification 5.8.1): an operation defines each variable once.
public final class UniqueVariableNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation]
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        guard node.variableDefinitions.count > 1 else { return .proceed }
        context.reportRepeatedNames(node.variableDefinitions.lazy.map(\.variable.name)) { "There can be only one variable named \"$\($0)\"." }
        return .proceed
    }
}
