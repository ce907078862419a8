/// Types (GraphQL specification 3.4): type names are unique, and new to an extended schema.
public final class UniqueTypeNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterTypeSystemNode]
    private var known: [String: Location?] = [:]
    public init() {}

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        guard case .type(let type)? = node.definition else { return .proceed }
        let name = type.name.value
        if context.extendedSchema?.namedType(name) != nil {
            context.report("Type \"\(name)\" already exists in the schema. It cannot also be defined in this type definition.", node: type.name.location)
            return .proceed
        }
        if let first = known[name] {
            context.report("There can be only one type named \"\(name)\".", nodes: [first, type.name.location])
        } else {
            known[name] = type.name.location
        }
        return .skip
    }
}
