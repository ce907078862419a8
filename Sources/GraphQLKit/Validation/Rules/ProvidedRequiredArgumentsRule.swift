/// Required Arguments (GraphQL specification 5.4.2.1): every non-null argument without a
/// default is given, on fields and on directives.
public final class ProvidedRequiredArgumentsRule: ValidationRule {
    public let events: ValidationEvents = [.leaveField, .leaveDirective]
    /// Directive name → its required arguments (name, type as printed), in definition order.
    private var requiredDirectiveArguments: [String: [(String, String)]] = [:]

    public init(context: ValidationContext) {
        for directive in context.schema.directives {
            requiredDirectiveArguments[directive.name] = directive.arguments.filter(\.isRequired).map { ($0.name, $0.type.description) }
        }
        for case .directive(let definition) in context.document.definitions {
            requiredDirectiveArguments[definition.name.value] = definition.arguments.compactMap { argument in
                guard case .nonNull = argument.type, argument.defaultValue == nil else { return nil }
                return (argument.name.value, Printer.print(argument.type))
            }
        }
    }

    public func leaveField(_ node: Field, _ context: ValidationContext) {
        guard let field = context.fieldEntry else { return }
        for argument in field.arguments where argument.isRequired && !node.arguments.contains(where: { $0.name.value == argument.name }) {
            context.report("Field \"\(field.name)\" argument \"\(argument.name)\" of type \"\(argument.type)\" is required, but it was not provided.",
                           node: node.location)
        }
    }

    public func leaveDirective(_ node: Directive, _ context: ValidationContext) {
        guard let required = requiredDirectiveArguments[node.name.value] else { return }
        for (name, type) in required where !node.arguments.contains(where: { $0.name.value == name }) {
            context.report("Directive \"@\(node.name.value)\" argument \"\(name)\" of type \"\(type)\" is required, but it was not provided.",
                           node: node.location)
        }
    }
}
