/// Objects, Interfaces, Input Objects (GraphQL specification 3.6, 3.7, 3.10): field names are
/// unique across a type's definition and extensions, and new to an extended schema.
public final class UniqueFieldDefinitionNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterTypeSystemNode]
    private var known: [String: [String: Location?]] = [:]
    public init() {}

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        let name: String
        let fields: [Name]
        switch node.definition {
        case .type(.object(let type))?: (name, fields) = (type.name.value, type.fields.map(\.name))
        case .type(.interface(let type))?: (name, fields) = (type.name.value, type.fields.map(\.name))
        case .type(.inputObject(let type))?: (name, fields) = (type.name.value, type.fields.map(\.name))
        case .typeExtension(.object(let type))?: (name, fields) = (type.name.value, type.fields.map(\.name))
        case .typeExtension(.interface(let type))?: (name, fields) = (type.name.value, type.fields.map(\.name))
        case .typeExtension(.inputObject(let type))?: (name, fields) = (type.name.value, type.fields.map(\.name))
        default: return .proceed
        }
        var seen = known[name] ?? [:]
        let existing = context.extendedSchema?.namedType(name)
        for field in fields {
            let fieldName = field.value
            if Self.hasField(existing, fieldName) {
                context.report("Field \"\(name).\(fieldName)\" already exists in the schema. It cannot also be defined in this type extension.",
                               node: field.location)
            } else if let first = seen[fieldName] {
                context.report("Field \"\(name).\(fieldName)\" can only be defined once.", nodes: [first, field.location])
            } else {
                seen[fieldName] = field.location
            }
        }
        known[name] = seen
        return .skip
    }

    private static func hasField(_ type: GraphQLNamedType?, _ name: String) -> Bool {
        switch type {
        case .object(let object)?: return object.fields[name] != nil
        case .interface(let interface)?: return interface.fields[name] != nil
        case .inputObject(let input)?: return input.fields[name] != nil
        default: return false
        }
    }
}
