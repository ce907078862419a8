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
        context.reportRepeatedNames(arguments.lazy.map(\.name)) { "Argument \"\(parent)(\($0):)\" can only be defined once." }
    }
}
