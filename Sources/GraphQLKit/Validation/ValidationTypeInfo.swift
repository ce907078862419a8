/// The types at the current position of a validation walk — the same answers as ``TypeInfo``
/// (graphql-js `TypeInfo`), computed from the schema's ``ValidationSchemaIndex`` so that
/// entering a field is one lookup and no definition is copied.
struct ValidationTypeInfo {
    typealias TypeEntry = ValidationSchemaIndex.TypeEntry
    typealias FieldEntry = ValidationSchemaIndex.FieldEntry
    typealias InputValueEntry = ValidationSchemaIndex.InputValueEntry

    let index: ValidationSchemaIndex
    let schema: GraphQLSchema
    /// Output types: the type and its named type's position (-1: none).
    private var typeStack: [(type: GraphQLType?, named: Int)] = []
    private var parentTypeStack: [TypeEntry?] = []
    private var fieldStack: [FieldEntry?] = []
    private var inputTypeStack: [GraphQLType?] = []
    private var defaultValueStack: [JSONValue?] = []
    private(set) var directive: ValidationSchemaIndex.DirectiveEntry?
    private(set) var argument: InputValueEntry?

    init(schema: GraphQLSchema) {
        self.schema = schema
        self.index = schema.validationIndex
        typeStack.reserveCapacity(32)
        parentTypeStack.reserveCapacity(32)
        fieldStack.reserveCapacity(32)
    }

    var type: GraphQLType? { typeStack.last?.type ?? nil }
    /// The named type of ``type``.
    var namedType: TypeEntry? {
        guard let position = typeStack.last?.named, position >= 0 else { return nil }
        return index.types[position]
    }
    var parentType: TypeEntry? { parentTypeStack.last ?? nil }
    var field: FieldEntry? { fieldStack.last ?? nil }
    var inputType: GraphQLType? { inputTypeStack.last ?? nil }
    var parentInputType: GraphQLType? { inputTypeStack.count > 1 ? inputTypeStack[inputTypeStack.count - 2] : nil }
    var defaultValue: JSONValue? { defaultValueStack.last ?? nil }

    private func named(_ name: String) -> Int { index.positions[name] ?? -1 }

    mutating func enterSelectionSet() {
        let named = namedType
        parentTypeStack.append(named?.isComposite == true ? named : nil)
    }

    mutating func leaveSelectionSet() { parentTypeStack.removeLast() }

    mutating func enter(_ node: Field) {
        var definition: FieldEntry?
        if let parentType { definition = index.field(node.name.value, on: parentType) }
        fieldStack.append(definition)
        if let definition, let output = definition.outputType {
            typeStack.append((output, definition.namedType))
        } else {
            typeStack.append((nil, -1))
        }
    }

    mutating func leaveField() {
        fieldStack.removeLast()
        typeStack.removeLast()
    }

    mutating func enter(_ node: Directive) {
        directive = index.directives[node.name.value]
    }

    mutating func leaveDirective() { directive = nil }

    mutating func enter(_ node: OperationDefinition) {
        if let root = schema.rootTypeName(for: node.operation), let position = index.positions[root],
           case .object = index.types[position].named {
            typeStack.append((.named(root), position))
        } else {
            typeStack.append((nil, -1))
        }
    }

    mutating func enterTypeCondition(_ condition: NamedType?) {
        if let condition {
            let position = named(condition.name.value)
            typeStack.append(position >= 0 && index.types[position].isOutput ? (.named(condition.name.value), position) : (nil, -1))
        } else if let current = namedType, current.isOutput {
            typeStack.append((.named(current.name), typeStack.last!.named))
        } else {
            typeStack.append((nil, -1))
        }
    }

    mutating func leaveTypeCondition() { typeStack.removeLast() }

    mutating func enter(_ node: VariableDefinition) {
        let type = GraphQLType(node.type)
        let position = named(node.type.namedType.name.value)
        inputTypeStack.append(position >= 0 && index.types[position].isInput ? type : nil)
    }

    mutating func leaveVariableDefinition() { inputTypeStack.removeLast() }

    mutating func enter(_ node: Argument) {
        let definition: InputValueEntry?
        if let directive {
            definition = directive.argument(node.name.value)
        } else {
            definition = field?.argument(node.name.value)
        }
        argument = definition
        defaultValueStack.append(definition?.defaultValue)
        inputTypeStack.append(definition?.inputType)
    }

    mutating func leaveArgument() {
        argument = nil
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    mutating func enterListValue() {
        let listType = inputType?.nullable
        let itemType: GraphQLType?
        if case .list(let inner)? = listType { itemType = inner } else { itemType = listType }
        defaultValueStack.append(nil)
        inputTypeStack.append(itemType.flatMap { isInputType($0) ? $0 : nil })
    }

    mutating func leaveListValue() {
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    mutating func enter(_ node: ObjectField) {
        var field: InputValueEntry?
        if let inputType {
            let position = named(inputType.namedTypeName)
            if position >= 0 { field = index.types[position].inputFields[node.name.value] }
        }
        defaultValueStack.append(field?.defaultValue)
        inputTypeStack.append(field?.inputType)
    }

    mutating func leaveObjectField() {
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    func isInputType(_ type: GraphQLType) -> Bool {
        let position = named(type.namedTypeName)
        return position >= 0 && index.types[position].isInput
    }
}
