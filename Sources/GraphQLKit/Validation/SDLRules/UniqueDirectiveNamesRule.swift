/// Directives (GraphQL specification 3.13): directive names are unique, and new to an extended schema.
public final class UniqueDirectiveNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterTypeSystemNode]
    private var known: [String: Location?] = [:]
    public init() {}

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        guard case .directive(let directive)? = node.definition else { return .proceed }
        let name = directive.name.value
        if context.extendedSchema?.directive(name) != nil {
            context.report("Directive \"@\(name)\" already exists in the schema. It cannot be redefined.", node: directive.name.location)
            return .proceed
        }
        if let first = known[name] {
            context.report("There can be only one directive named \"@\(name)\".", nodes: [first, directive.name.location])
        } else {
            known[name] = directive.name.location
        }
        return .skip
    }
}
