/// Tracks, while a document is walked, the schema types at the current position: the type of
/// the current field or fragment, the parent composite type, the input type of the current
/// argument or literal, the field, directive, argument and enum value definitions — what the
/// validation rules need (graphql-js `TypeInfo`, same rules for what becomes "unknown").
///
/// Call `enter` before a node's children are visited and `leave` after, from your visitor's
/// hooks:
///
/// ```swift
/// struct UnknownFieldFinder: ASTVisitor {
///     var typeInfo: TypeInfo
///     var unknown: [String] = []
///     mutating func enter(_ node: OperationDefinition) -> VisitAction<OperationDefinition> { typeInfo.enter(node); return .proceed }
///     mutating func leave(_ node: OperationDefinition) -> VisitAction<OperationDefinition> { typeInfo.leave(node); return .proceed }
///     mutating func enter(_ node: SelectionSet) -> VisitAction<SelectionSet> { typeInfo.enter(node); return .proceed }
///     mutating func leave(_ node: SelectionSet) -> VisitAction<SelectionSet> { typeInfo.leave(node); return .proceed }
///     mutating func enter(_ node: Field) -> VisitAction<Field> {
///         typeInfo.enter(node)
///         if typeInfo.fieldDefinition == nil { unknown.append(node.name.value) }
///         return .proceed
///     }
///     mutating func leave(_ node: Field) -> VisitAction<Field> { typeInfo.leave(node); return .proceed }
/// }
/// ```
///
/// Values are `nil` where graphql-js has `undefined`: an unknown field, a type that does not
/// exist or does not fit the position.
public struct TypeInfo: Sendable {
    public let schema: GraphQLSchema
    private var typeStack: [GraphQLType?] = []
    private var parentTypeStack: [GraphQLNamedType?] = []
    private var inputTypeStack: [GraphQLType?] = []
    private var fieldDefinitionStack: [GraphQLField?] = []
    /// The default value of the current argument or input field (outer nil: not known or none).
    private var defaultValueStack: [JSONValue?] = []
    public private(set) var directive: GraphQLDirective?
    public private(set) var argument: GraphQLInputValue?
    public private(set) var enumValue: GraphQLEnumValue?

    /// A tracker starting at the document level; `initialType` starts it inside a type
    /// (for walking a selection set or value on its own).
    public init(schema: GraphQLSchema, initialType: GraphQLType? = nil) {
        self.schema = schema
        if let initialType, let named = schema.namedType(initialType) {
            if named.isInputType { inputTypeStack.append(initialType) }
            if named.isCompositeType { parentTypeStack.append(named) }
            if named.isOutputType { typeStack.append(initialType) }
        }
    }

    /// The output type at the current position (a field's type, an operation's root type, a
    /// fragment's type condition).
    public var type: GraphQLType? { typeStack.last ?? nil }
    /// The composite type whose selection set is being walked.
    public var parentType: GraphQLNamedType? { parentTypeStack.last ?? nil }
    /// The input type expected at the current argument, list item or object field.
    public var inputType: GraphQLType? { inputTypeStack.last ?? nil }
    /// The input type one level up (the list or input object containing the current value).
    public var parentInputType: GraphQLType? { inputTypeStack.count > 1 ? inputTypeStack[inputTypeStack.count - 2] : nil }
    /// The definition of the current field.
    public var fieldDefinition: GraphQLField? { fieldDefinitionStack.last ?? nil }
    /// The default value of the current argument or input object field, if it has one.
    public var defaultValue: JSONValue? { defaultValueStack.last ?? nil }

    // MARK: Entering and leaving nodes

    public mutating func enter(_ node: SelectionSet) {
        let named = type.flatMap { schema.namedType($0) }
        parentTypeStack.append(named?.isCompositeType == true ? named : nil)
    }

    public mutating func leave(_ node: SelectionSet) {
        parentTypeStack.removeLast()
    }

    public mutating func enter(_ node: Field) {
        var definition: GraphQLField?
        if let parentType {
            definition = Self.fieldDefinition(schema, parentType, node.name.value)
        }
        fieldDefinitionStack.append(definition)
        typeStack.append(definition.flatMap { schema.isOutputType($0.type) ? $0.type : nil })
    }

    public mutating func leave(_ node: Field) {
        fieldDefinitionStack.removeLast()
        typeStack.removeLast()
    }

    public mutating func enter(_ node: Directive) {
        directive = schema.directive(node.name.value)
    }

    public mutating func leave(_ node: Directive) {
        directive = nil
    }

    public mutating func enter(_ node: OperationDefinition) {
        typeStack.append(schema.rootType(for: node.operation).map { .named($0.name) })
    }

    public mutating func leave(_ node: OperationDefinition) {
        typeStack.removeLast()
    }

    public mutating func enter(_ node: InlineFragment) {
        if let condition = node.typeCondition {
            enterTypeCondition(condition)
        } else {
            typeStack.append(type.map { .named($0.namedTypeName) }.flatMap { schema.isOutputType($0) ? $0 : nil })
        }
    }

    public mutating func leave(_ node: InlineFragment) {
        typeStack.removeLast()
    }

    public mutating func enter(_ node: FragmentDefinition) {
        enterTypeCondition(node.typeCondition)
    }

    public mutating func leave(_ node: FragmentDefinition) {
        typeStack.removeLast()
    }

    private mutating func enterTypeCondition(_ condition: NamedType) {
        let type = GraphQLType.named(condition.name.value)
        typeStack.append(schema.isOutputType(type) ? type : nil)
    }

    public mutating func enter(_ node: VariableDefinition) {
        let type = GraphQLType(node.type)
        inputTypeStack.append(schema.isInputType(type) ? type : nil)
    }

    public mutating func leave(_ node: VariableDefinition) {
        inputTypeStack.removeLast()
    }

    public mutating func enter(_ node: Argument) {
        let definition = directive.map { $0.argument(node.name.value) } ?? fieldDefinition?.argument(node.name.value)
        argument = definition
        defaultValueStack.append(definition?.defaultValue)
        inputTypeStack.append(definition.flatMap { schema.isInputType($0.type) ? $0.type : nil })
    }

    public mutating func leave(_ node: Argument) {
        argument = nil
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    public mutating func enter(_ node: ListValue) {
        let listType = inputType?.nullable
        let itemType: GraphQLType?
        if case .list(let inner)? = listType { itemType = inner } else { itemType = listType }
        defaultValueStack.append(nil)
        inputTypeStack.append(itemType.flatMap { schema.isInputType($0) ? $0 : nil })
    }

    public mutating func leave(_ node: ListValue) {
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    public mutating func enter(_ node: ObjectField) {
        var field: GraphQLInputValue?
        if let inputType, case .inputObject(let objectType)? = schema.namedType(inputType) {
            field = objectType.fields[node.name.value]
        }
        defaultValueStack.append(field?.defaultValue)
        inputTypeStack.append(field.flatMap { schema.isInputType($0.type) ? $0.type : nil })
    }

    public mutating func leave(_ node: ObjectField) {
        defaultValueStack.removeLast()
        inputTypeStack.removeLast()
    }

    public mutating func enter(_ node: EnumValue) {
        if let inputType, case .enum(let enumType)? = schema.namedType(inputType) {
            enumValue = enumType.values[node.value]
        } else {
            enumValue = nil
        }
    }

    public mutating func leave(_ node: EnumValue) {
        enumValue = nil
    }

    /// The definition of field `name` on a composite type as validation sees it: the
    /// introspection meta-fields included, `__typename` on unions too, nothing else on unions.
    public static func fieldDefinition(_ schema: GraphQLSchema, _ parentType: GraphQLNamedType, _ name: String) -> GraphQLField? {
        if name == "__schema" && parentType.name == schema.queryTypeName { return Introspection.schemaMetaField }
        if name == "__type" && parentType.name == schema.queryTypeName { return Introspection.typeMetaField }
        if name == "__typename" && parentType.isCompositeType { return Introspection.typenameMetaField }
        return parentType.fields?[name]
    }
}
