/// Fragment Name Uniqueness (GraphQL specification 5.5.1.1): no two fragments share a name.
public final class UniqueFragmentNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .enterFragmentDefinition]
    private var known: [String: Location?] = [:]
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction { .skip }

    public func enterFragmentDefinition(_ node: FragmentDefinition, _ context: ValidationContext) -> ValidationAction {
        let name = node.name.value
        if let first = known[name] {
            context.report("There can be only one fragment named \"\(name)\".", nodes: [first, node.name.location])
        } else {
            known[name] = node.name.location
        }
        return .skip
    }
}
