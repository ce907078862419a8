/// Executable Definitions (GraphQL specification 5.1.1): a document validated for execution
/// holds only operations and fragments.
public final class ExecutableDefinitionsRule: ValidationRule {
    public let events: ValidationEvents = [.enterDocument]
    public init() {}

    public func enterDocument(_ node: Document, _ context: ValidationContext) -> ValidationAction {
        for definition in node.definitions where !definition.isExecutable {
            let name: String
            switch definition {
            case .schema, .schemaExtension: name = "schema"
            case .type(let type): name = "\"\(type.name.value)\""
            case .typeExtension(let type): name = "\"\(type.name.value)\""
            case .directive(let directive): name = "\"\(directive.name.value)\""
            case .operation, .fragment: continue
            }
            context.report("The \(name) definition is not executable.", node: definition.location)
        }
        return .skip
    }
}
