/// Input Object Field Uniqueness (GraphQL specification 5.6.3): an object literal names each
/// field once.
public final class UniqueInputFieldNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterObjectValue, .leaveObjectValue, .enterObjectField]
    private var stack: [[String: Location?]] = []
    private var known: [String: Location?] = [:]
    public init() {}

    public func enterObjectValue(_ node: ObjectValue, _ context: ValidationContext) -> ValidationAction {
        stack.append(known)
        known = [:]
        return .proceed
    }

    public func leaveObjectValue(_ node: ObjectValue, _ context: ValidationContext) {
        known = stack.removeLast()
    }

    public func enterObjectField(_ node: ObjectField, _ context: ValidationContext) -> ValidationAction {
        let name = node.name.value
        if let first = known[name] {
            context.report("There can be only one input field named \"\(name)\".", nodes: [first, node.name.location])
        } else {
            known[name] = node.name.location
        }
        return .proceed
    }
}
