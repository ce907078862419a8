/// Variables Are Input Types (GraphQL specification 5.8.2): a variable's type is a scalar,
/// enum or input object type (possibly wrapped).
public final class VariablesAreInputTypesRule: ValidationRule {
    public let events: ValidationEvents = [.enterVariableDefinition]
    public init() {}

    public func enterVariableDefinition(_ node: VariableDefinition, _ context: ValidationContext) -> ValidationAction {
        if let named = context.schema.namedType(node.type.namedType.name.value), !named.isInputType {
            context.report("Variable \"$\(node.variable.name.value)\" cannot be non-input type \"\(Printer.print(node.type))\".",
                           node: node.type.location)
        }
        return .proceed
    }
}
