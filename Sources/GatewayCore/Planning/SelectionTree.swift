import GraphQLKit

/// A selection set being assembled for one subgraph operation: fields merge by response key and
/// fragments by type condition and directives, so the same field planned twice appears once.
final class SelectionTree {
    enum Kind {
        case root
        /// A field; its `selectionSet` is unused (children hold the sub-selections).
        case field(Field)
        case fragment(typeCondition: String?, directives: [Directive])
    }

    let kind: Kind
    private(set) var children: [SelectionTree] = []
    private var positions: [String: Int] = [:]

    init(_ kind: Kind) {
        self.kind = kind
    }

    var isEmpty: Bool { children.isEmpty }

    static func key(of kind: Kind) -> String {
        switch kind {
        case .root: return ""
        case .field(let field): return field.responseKey
        case .fragment(let typeCondition, let directives):
            var key = "..." + (typeCondition ?? "")
            for directive in directives { key += " " + Printer.print(directive) }
            return key
        }
    }

    /// The child for `kind`, added when missing.
    func child(_ kind: Kind) -> SelectionTree {
        let key = Self.key(of: kind)
        if let position = positions[key] { return children[position] }
        let node = SelectionTree(kind)
        positions[key] = children.count
        children.append(node)
        return node
    }

    /// Inserts `field` (without its sub-selections) under the chain of conditional fragments.
    func insert(_ field: Field, conditions: [[Directive]]) -> SelectionTree {
        var parent = self
        for directives in conditions {
            parent = parent.child(.fragment(typeCondition: nil, directives: directives))
        }
        var bare = field
        bare.selectionSet = nil
        bare.location = nil
        return parent.child(.field(bare))
    }

    /// Inserts a whole field set (a key or `@requires`), sub-selections included.
    func insert(_ selectionSet: SelectionSet) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                let node = insert(field, conditions: [])
                if let sub = field.selectionSet { node.insert(sub) }
            case .inlineFragment(let fragment):
                child(.fragment(typeCondition: fragment.typeCondition?.name.value, directives: fragment.directives)).insert(fragment.selectionSet)
            case .fragmentSpread:
                continue
            }
        }
    }

    /// The names of the variables used in arguments and directives below this node.
    func collectVariables(into names: inout [String], seen: inout Set<String>) {
        func visit(_ value: Value) {
            switch value {
            case .variable(let variable):
                if seen.insert(variable.name.value).inserted { names.append(variable.name.value) }
            case .list(let list): list.values.forEach(visit)
            case .object(let object): object.fields.forEach { visit($0.value) }
            default: break
            }
        }
        switch kind {
        case .root: break
        case .field(let field):
            field.arguments.forEach { visit($0.value) }
            field.directives.forEach { $0.arguments.forEach { visit($0.value) } }
        case .fragment(_, let directives):
            directives.forEach { $0.arguments.forEach { visit($0.value) } }
        }
        for child in children { child.collectVariables(into: &names, seen: &seen) }
    }

    /// The children printed compactly: `{a b{c}...on T{d}}`.
    func printSelections(into text: inout String) {
        text += "{"
        for (index, child) in children.enumerated() {
            if index > 0 { text += " " }
            child.printNode(into: &text)
        }
        text += "}"
    }

    private func printNode(into text: inout String) {
        switch kind {
        case .root:
            break
        case .field(let field):
            if let alias = field.alias { text += alias.value + ":" }
            text += field.name.value
            if !field.arguments.isEmpty {
                text += "("
                for (index, argument) in field.arguments.enumerated() {
                    if index > 0 { text += "," }
                    text += argument.name.value + ":" + Printer.print(argument.value)
                }
                text += ")"
            }
            for directive in field.directives { text += " " + Printer.print(directive) }
        case .fragment(let typeCondition, let directives):
            text += "..."
            if let typeCondition { text += "on " + typeCondition }
            for directive in directives { text += " " + Printer.print(directive) }
        }
        if !children.isEmpty { printSelections(into: &text) }
    }

    /// The fields of this tree as representation fields (key/requires sets).
    var requiredFields: [RequiredField] {
        var fields: [RequiredField] = []
        for child in children {
            switch child.kind {
            case .field(let field) where field.name.value != "__typename":
                fields.append(RequiredField(name: field.responseKey, children: child.requiredFields))
            case .fragment:
                fields.append(contentsOf: child.requiredFields)
            default:
                continue
            }
        }
        return fields
    }
}
