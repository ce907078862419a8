/// Finds the variables used in an operation or fragment (not following spreads) with the
/// input type expected where each is used (graphql-js `getVariableUsages`), walking the
/// definition with its own type tracker. Parts of the document whose text holds no `$` are
/// not walked: they cannot use a variable.
struct VariableUsageCollector {
    var typeInfo: ValidationTypeInfo
    /// Byte offsets of every `$` in the document, ascending (nil: walk everything).
    let dollarOffsets: [Int]?
    var usages: [VariableUsage] = []

    init(typeInfo: ValidationTypeInfo, dollarOffsets: [Int]?) {
        self.typeInfo = typeInfo
        self.dollarOffsets = dollarOffsets
    }

    /// Whether the node's text may contain a variable.
    private func mayUseVariables(_ location: Location?) -> Bool {
        guard let location, let offsets = dollarOffsets else { return true }
        var low = 0
        var high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < location.start { low = middle + 1 } else { high = middle }
        }
        return low < offsets.count && offsets[low] < location.end
    }

    mutating func collect(_ operation: OperationDefinition) {
        guard mayUseVariables(operation.location) else { return }
        typeInfo.enter(operation)
        directives(operation.directives)
        selectionSet(operation.selectionSet)
        typeInfo.leaveTypeCondition()
    }

    mutating func collect(_ fragment: FragmentDefinition) {
        guard mayUseVariables(fragment.location) else { return }
        typeInfo.enterTypeCondition(fragment.typeCondition)
        directives(fragment.directives)
        selectionSet(fragment.selectionSet)
        typeInfo.leaveTypeCondition()
    }

    private mutating func selectionSet(_ node: SelectionSet) {
        guard mayUseVariables(node.location) else { return }
        typeInfo.enterSelectionSet()
        for selection in node.selections {
            switch selection {
            case .field(let field):
                guard mayUseVariables(field.location) else { continue }
                typeInfo.enter(field)
                arguments(field.arguments)
                directives(field.directives)
                if let child = field.selectionSet { selectionSet(child) }
                typeInfo.leaveField()
            case .fragmentSpread(let spread):
                directives(spread.directives)
            case .inlineFragment(let inline):
                guard mayUseVariables(inline.location) else { continue }
                typeInfo.enterTypeCondition(inline.typeCondition)
                directives(inline.directives)
                selectionSet(inline.selectionSet)
                typeInfo.leaveTypeCondition()
            }
        }
        typeInfo.leaveSelectionSet()
    }

    private mutating func directives(_ nodes: [Directive]) {
        for directive in nodes {
            guard !directive.arguments.isEmpty else { continue }
            typeInfo.enter(directive)
            arguments(directive.arguments)
            typeInfo.leaveDirective()
        }
    }

    private mutating func arguments(_ nodes: [Argument]) {
        for argument in nodes {
            typeInfo.enter(argument)
            value(argument.value)
            typeInfo.leaveArgument()
        }
    }

    private mutating func value(_ node: Value) {
        switch node {
        case .variable(let variable):
            usages.append(VariableUsage(node: variable, type: typeInfo.inputType, defaultValue: typeInfo.defaultValue))
        case .list(let list):
            typeInfo.enterListValue()
            for item in list.values { value(item) }
            typeInfo.leaveListValue()
        case .object(let object):
            for field in object.fields {
                typeInfo.enter(field)
                value(field.value)
                typeInfo.leaveObjectField()
            }
        default:
            break
        }
    }
}
