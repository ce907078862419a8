/// Finds the variables used in an operation or fragment (not following spreads) with the
/// input type expected where each is used (graphql-js `getVariableUsages`), walking the
/// definition with its own ``TypeInfo``.
struct VariableUsageCollector {
    var typeInfo: TypeInfo
    var usages: [VariableUsage] = []

    mutating func collect(_ operation: OperationDefinition) {
        typeInfo.enter(operation)
        directives(operation.directives)
        selectionSet(operation.selectionSet)
        typeInfo.leave(operation)
    }

    mutating func collect(_ fragment: FragmentDefinition) {
        typeInfo.enter(fragment)
        directives(fragment.directives)
        selectionSet(fragment.selectionSet)
        typeInfo.leave(fragment)
    }

    private mutating func selectionSet(_ node: SelectionSet) {
        typeInfo.enter(node)
        for selection in node.selections {
            switch selection {
            case .field(let field):
                typeInfo.enter(field)
                arguments(field.arguments)
                directives(field.directives)
                if let child = field.selectionSet { selectionSet(child) }
                typeInfo.leave(field)
            case .fragmentSpread(let spread):
                directives(spread.directives)
            case .inlineFragment(let inline):
                typeInfo.enter(inline)
                directives(inline.directives)
                selectionSet(inline.selectionSet)
                typeInfo.leave(inline)
            }
        }
        typeInfo.leave(node)
    }

    private mutating func directives(_ nodes: [Directive]) {
        for directive in nodes {
            guard !directive.arguments.isEmpty else { continue }
            typeInfo.enter(directive)
            arguments(directive.arguments)
            typeInfo.leave(directive)
        }
    }

    private mutating func arguments(_ nodes: [Argument]) {
        for argument in nodes {
            typeInfo.enter(argument)
            value(argument.value)
            typeInfo.leave(argument)
        }
    }

    private mutating func value(_ node: Value) {
        switch node {
        case .variable(let variable):
            usages.append(VariableUsage(node: variable, type: typeInfo.inputType, defaultValue: typeInfo.defaultValue))
        case .list(let list):
            typeInfo.enter(list)
            for item in list.values { value(item) }
            typeInfo.leave(list)
        case .object(let object):
            for field in object.fields {
                typeInfo.enter(field)
                value(field.value)
                typeInfo.leave(field)
            }
        default:
            break
        }
    }
}
