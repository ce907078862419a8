/// Field Arguments and Directives (GraphQL specification 3.6.1, 3.13): a field's or
/// directive's arguments have unique names.
public final class UniqueArgumentDefinitionNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterTypeSystemNode]
    public init() {}

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        switch node.definition {
        case .directive(let directive)?:
            check("@\(directive.name.value)", directive.arguments, context)
        case .type(.object(let type))?: checkFields(type.name.value, type.fields, context)
        case .type(.interface(let type))?: checkFields(type.name.value, type.fields, context)
        case .typeExtension(.object(let type))?: checkFields(type.name.value, type.fields, context)
        case .typeExtension(.interface(let type))?: checkFields(type.name.value, type.fields, context)
        default: return .proceed
        }
        return .skip
    }

    private func checkFields(_ typeName: String, _ fields: [FieldDefinition], _ context: ValidationContext) {
        for field in fields { check("\(typeName).\(field.name.value)", field.arguments, context) }
    }

    private func check(_ parent: String, _ arguments: [InputValueDefinition], _ context: ValidationContext) {
        guard arguments.count > 1 else { return }
        var order: [String] = []
        var groups: [String: [Location?]] = [:]
        for argument in arguments {
            if groups[argument.name.value] == nil { order.append(argument.name.value) }
            groups[argument.name.value, default: []].append(argument.name.location)
        }
        for name in order where groups[name]!.count > 1 {
            context.report("Argument \"\(parent)(\(name):)\" can only be defined once.", nodes: groups[name]!)
        }
    }
}
