/// Directives Are Unique Per Location (GraphQL specification 5.7.3): a non-repeatable
/// directive appears at most once on a node (for types, across the definition and its extensions).
public final class UniqueDirectivesPerLocationRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .enterVariableDefinition, .enterField, .enterFragmentSpread,
                                           .enterInlineFragment, .enterFragmentDefinition, .enterTypeSystemNode]
    private var unique: [String: Bool] = [:]
    private var schemaDirectives: [String: Location?] = [:]
    private var typeDirectives: [String: [String: Location?]] = [:]

    public init(context: ValidationContext) {
        for directive in context.schema.directives { unique[directive.name] = !directive.isRepeatable }
        for case .directive(let definition) in context.document.definitions { unique[definition.name.value] = !definition.repeatable }
    }

    private func check(_ directives: [Directive], _ seen: inout [String: Location?], _ context: ValidationContext) {
        for directive in directives {
            let name = directive.name.value
            guard unique[name] == true else { continue }
            if let first = seen[name] {
                context.report("The directive \"@\(name)\" can only be used once at this location.", nodes: [first, directive.location])
            } else {
                seen[name] = directive.location
            }
        }
    }

    private func checkFresh(_ directives: [Directive], _ context: ValidationContext) -> ValidationAction {
        if directives.count > 1 {
            var seen: [String: Location?] = [:]
            check(directives, &seen, context)
        }
        return .proceed
    }

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction { checkFresh(node.directives, context) }
    public func enterVariableDefinition(_ node: VariableDefinition, _ context: ValidationContext) -> ValidationAction { checkFresh(node.directives, context) }
    public func enterField(_ node: Field, _ context: ValidationContext) -> ValidationAction { checkFresh(node.directives, context) }
    public func enterFragmentSpread(_ node: FragmentSpread, _ context: ValidationContext) -> ValidationAction { checkFresh(node.directives, context) }
    public func enterInlineFragment(_ node: InlineFragment, _ context: ValidationContext) -> ValidationAction { checkFresh(node.directives, context) }
    public func enterFragmentDefinition(_ node: FragmentDefinition, _ context: ValidationContext) -> ValidationAction { checkFresh(node.directives, context) }

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        if node.isSchema {
            check(node.directives, &schemaDirectives, context)
        } else if let typeName = node.typeName {
            check(node.directives, &typeDirectives[typeName, default: [:]], context)
        } else {
            return checkFresh(node.directives, context)
        }
        return .proceed
    }
}
