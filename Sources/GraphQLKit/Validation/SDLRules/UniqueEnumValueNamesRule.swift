/// Enums (GraphQL specification 3.9): an enum's values are unique across its definition and
/// extensions, and new to an extended schema.
public final class UniqueEnumValueNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterTypeSystemNode]
    private var known: [String: [String: Location?]] = [:]
    public init() {}

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        let name: String
        let values: [EnumValueDefinition]
        switch node.definition {
        case .type(.enum(let type))?: (name, values) = (type.name.value, type.values)
        case .typeExtension(.enum(let type))?: (name, values) = (type.name.value, type.values)
        default: return .proceed
        }
        var seen = known[name] ?? [:]
        var existing: GraphQLEnumType?
        if case .enum(let type)? = context.extendedSchema?.namedType(name) { existing = type }
        for value in values {
            let valueName = value.name.value
            if existing?.values[valueName] != nil {
                context.report("Enum value \"\(name).\(valueName)\" already exists in the schema. It cannot also be defined in this type extension.",
                               node: value.name.location)
            } else if let first = seen[valueName] {
                context.report("Enum value \"\(name).\(valueName)\" can only be defined once.", nodes: [first, value.name.location])
            } else {
                seen[valueName] = value.name.location
            }
        }
        known[name] = seen
        return .skip
    }
}
