/// A federation field set (the `fields` argument of `@key`, `@requires`, `@provides`): a
/// selection set written without its outer braces, such as `"id sku"` or `"id organization { id }"`.
public struct FieldSet: Sendable, Hashable {
    /// The text as written in the directive.
    public let text: String
    /// The parsed selections.
    public let selectionSet: SelectionSet

    /// Parses field set text. Throws a syntax error for text that is not a selection set.
    public init(_ text: String) throws(GraphQLError) {
        self.text = text
        let document = try Parser.parse("{\(text)}", options: ParseOptions(noLocation: true))
        guard document.definitions.count == 1, case .operation(let operation) = document.definitions[0] else {
            throw GraphQLError(message: "Field set \"\(text)\" is not a selection set.")
        }
        self.selectionSet = operation.selectionSet
    }

    /// The field set in its normalized form (`id organization { id }`): what a supergraph prints.
    public var normalized: String {
        FieldSet.normalizedText(selectionSet)
    }

    static func normalizedText(_ selectionSet: SelectionSet) -> String {
        var parts: [String] = []
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                var text = field.alias.map { "\($0.value): " } ?? ""
                text += field.name.value
                if let nested = field.selectionSet { text += " { \(normalizedText(nested)) }" }
                parts.append(text)
            case .inlineFragment(let fragment):
                let condition = fragment.typeCondition.map { " on \($0.name.value)" } ?? ""
                parts.append("...\(condition) { \(normalizedText(fragment.selectionSet)) }")
            case .fragmentSpread(let spread):
                parts.append("...\(spread.name.value)")
            }
        }
        return parts.joined(separator: " ")
    }

    /// Every field the set selects, with the type it is selected on, in order (nested fields
    /// included). Reports what does not resolve through `problem` and skips it.
    public func selectedFields(on typeName: String, in schema: GraphQLSchema,
                               problem: (String) -> Void = { _ in }) -> [SelectedField] {
        var result: [SelectedField] = []
        collect(selectionSet, on: typeName, in: schema, into: &result, problem: problem)
        return result
    }

    private func collect(_ selectionSet: SelectionSet, on typeName: String, in schema: GraphQLSchema,
                         into result: inout [SelectedField], problem: (String) -> Void) {
        guard let parent = schema.namedType(typeName) else {
            problem("type \"\(typeName)\" is not defined")
            return
        }
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                let name = field.name.value
                if name == "__typename" { continue }
                guard let definition = parent.fields?[name] else {
                    problem("Cannot query field \"\(name)\" on type \"\(typeName)\"")
                    continue
                }
                let named = definition.type.namedTypeName
                let isLeaf = schema.namedType(named)?.isLeafType ?? true
                result.append(SelectedField(parentTypeName: typeName, field: definition, hasSelections: field.selectionSet != nil))
                if let nested = field.selectionSet {
                    if isLeaf {
                        problem("Leaf field \"\(typeName).\(name)\" of type \"\(named)\" cannot have a selection set")
                    } else {
                        collect(nested, on: named, in: schema, into: &result, problem: problem)
                    }
                } else if !isLeaf {
                    problem("Field \"\(typeName).\(name)\" of type \"\(named)\" must have a selection of subfields")
                }
            case .inlineFragment(let fragment):
                let condition = fragment.typeCondition?.name.value ?? typeName
                collect(fragment.selectionSet, on: condition, in: schema, into: &result, problem: problem)
            case .fragmentSpread(let spread):
                problem("fragment spread \"...\(spread.name.value)\" is not allowed in a field set")
            }
        }
    }
}

/// One field selected by a ``FieldSet``.
public struct SelectedField: Sendable {
    /// The type the field is selected on.
    public let parentTypeName: String
    public let field: GraphQLField
    /// Whether the field set selects subfields of it.
    public let hasSelections: Bool
}
