/// All Variable Usages Are Allowed (GraphQL specification 5.8.5): a variable's type fits every
/// position it is used in (a nullable variable may feed a non-null position only with a default).
public final class VariablesInAllowedPositionRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .leaveOperation, .enterVariableDefinition]
    private var definitions: [String: VariableDefinition] = [:]
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        definitions = [:]
        return .proceed
    }

    public func enterVariableDefinition(_ node: VariableDefinition, _ context: ValidationContext) -> ValidationAction {
        definitions[node.variable.name.value] = node
        return .proceed
    }

    public func leaveOperation(_ node: OperationDefinition, _ context: ValidationContext) {
        guard !definitions.isEmpty else { return }
        let schema = context.schema
        for usage in context.recursiveVariableUsages(node) {
            let name = usage.node.name.value
            guard let definition = definitions[name], let locationType = usage.type else { continue }
            let variableType = GraphQLType(definition.type)
            guard schema.namedType(variableType) != nil else { continue }
            if !Self.allowed(schema, variableType, definition.defaultValue, locationType, usage.defaultValue) {
                context.report("Variable \"$\(name)\" of type \"\(variableType)\" used in position expecting type \"\(locationType)\".",
                               nodes: [definition.location, usage.node.location])
            }
        }
    }

    static func allowed(_ schema: GraphQLSchema, _ variableType: GraphQLType, _ variableDefault: Value?,
                        _ locationType: GraphQLType, _ locationDefault: JSONValue?) -> Bool {
        if case .nonNull(let nullableLocation) = locationType, !variableType.isNonNull {
            var hasNonNullVariableDefault = variableDefault != nil
            if case .null? = variableDefault { hasNonNullVariableDefault = false }
            if !hasNonNullVariableDefault && locationDefault == nil { return false }
            return schema.isTypeSubTypeOf(variableType, nullableLocation)
        }
        return schema.isTypeSubTypeOf(variableType, locationType)
    }
}
