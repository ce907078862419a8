/// Operation Name Uniqueness (GraphQL specification 5.2.1.1): no two operations share a name.
public final class UniqueOperationNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .enterFragmentDefinition]
    private var known: [String: Location?] = [:]
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        if let name = node.name {
            if let first = known[name.value] {
                context.report("There can be only one operation named \"\(name.value)\".", nodes: [first, name.location])
            } else {
                known[name.value] = name.location
            }
        }
        return .skip
    }

    public func enterFragmentDefinition(_ node: FragmentDefinition, _ context: ValidationContext) -> ValidationAction { .skip }
}
