/// Argument Names (GraphQL specification 5.4.1): every argument is defined by its field or
/// directive; the error suggests similarly named arguments.
public final class KnownArgumentNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterDirective, .enterArgument]
    private var directiveArguments: [String: [String]] = [:]

    public init(context: ValidationContext) {
        for directive in context.schema.directives { directiveArguments[directive.name] = directive.arguments.map(\.name) }
        for case .directive(let definition) in context.document.definitions {
            directiveArguments[definition.name.value] = definition.arguments.map(\.name.value)
        }
    }

    public func enterDirective(_ node: Directive, _ context: ValidationContext) -> ValidationAction {
        let name = node.name.value
        if let known = directiveArguments[name] {
            for argument in node.arguments where !known.contains(argument.name.value) {
                let suggestions = suggestionList(argument.name.value, options: known)
                context.report("Unknown argument \"\(argument.name.value)\" on directive \"@\(name)\"." + didYouMean(suggestions),
                               node: argument.location)
            }
        }
        return .skip
    }

    public func enterArgument(_ node: Argument, _ context: ValidationContext) -> ValidationAction {
        guard context.argumentEntry == nil, let field = context.fieldEntry, let parentType = context.parentTypeEntry else { return .proceed }
        let suggestions = suggestionList(node.name.value, options: field.arguments.map(\.name))
        context.report("Unknown argument \"\(node.name.value)\" on field \"\(parentType.name).\(field.name)\"." + didYouMean(suggestions),
                       node: node.location)
        return .proceed
    }
}
