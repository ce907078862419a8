/// Hooks called by ``visit(_:with:)`` when it enters and leaves each kind of AST node.
///
/// Every hook has a default that returns ``VisitAction/proceed``: implement only the ones you
/// need. Hooks are statically dispatched (the walker is generic over the visitor), so a visitor
/// pays only for the hooks it implements; nodes arrive as their own types, never as `Any`.
///
/// Sum types get their own hooks too (``Definition``, ``Selection``, ``Value``,
/// ``TypeReference``), called before the hook of the concrete node; replacing there may change
/// the kind (a variable by a literal, a field by an inline fragment).
///
/// Traversal order is graphql-js's: children in source order, `description` first, then
/// `name`, arguments, directives, selection set (the keys of graphql-js `QueryDocumentKeys`).
/// A visitor that needs to know a node's ancestors keeps its own stack in `enter`/`leave`.
///
/// ```swift
/// struct FieldCounter: ASTVisitor {
///     var count = 0
///     mutating func enter(_ node: Field) -> VisitAction<Field> {
///         count += 1
///         return .proceed
///     }
/// }
/// var counter = FieldCounter()
/// visit(document, with: &counter)
/// counter.count
/// ```
public protocol ASTVisitor {
    mutating func enter(_ node: Document) -> VisitAction<Document>
    mutating func leave(_ node: Document) -> VisitAction<Document>
    mutating func enter(_ node: OperationDefinition) -> VisitAction<OperationDefinition>
    mutating func leave(_ node: OperationDefinition) -> VisitAction<OperationDefinition>
    mutating func enter(_ node: VariableDefinition) -> VisitAction<VariableDefinition>
    mutating func leave(_ node: VariableDefinition) -> VisitAction<VariableDefinition>
    mutating func enter(_ node: Variable) -> VisitAction<Variable>
    mutating func leave(_ node: Variable) -> VisitAction<Variable>
    mutating func enter(_ node: SelectionSet) -> VisitAction<SelectionSet>
    mutating func leave(_ node: SelectionSet) -> VisitAction<SelectionSet>
    mutating func enter(_ node: Field) -> VisitAction<Field>
    mutating func leave(_ node: Field) -> VisitAction<Field>
    mutating func enter(_ node: Argument) -> VisitAction<Argument>
    mutating func leave(_ node: Argument) -> VisitAction<Argument>
    mutating func enter(_ node: FragmentSpread) -> VisitAction<FragmentSpread>
    mutating func leave(_ node: FragmentSpread) -> VisitAction<FragmentSpread>
    mutating func enter(_ node: InlineFragment) -> VisitAction<InlineFragment>
    mutating func leave(_ node: InlineFragment) -> VisitAction<InlineFragment>
    mutating func enter(_ node: FragmentDefinition) -> VisitAction<FragmentDefinition>
    mutating func leave(_ node: FragmentDefinition) -> VisitAction<FragmentDefinition>
    mutating func enter(_ node: IntValue) -> VisitAction<IntValue>
    mutating func leave(_ node: IntValue) -> VisitAction<IntValue>
    mutating func enter(_ node: FloatValue) -> VisitAction<FloatValue>
    mutating func leave(_ node: FloatValue) -> VisitAction<FloatValue>
    mutating func enter(_ node: StringValue) -> VisitAction<StringValue>
    mutating func leave(_ node: StringValue) -> VisitAction<StringValue>
    mutating func enter(_ node: BooleanValue) -> VisitAction<BooleanValue>
    mutating func leave(_ node: BooleanValue) -> VisitAction<BooleanValue>
    mutating func enter(_ node: NullValue) -> VisitAction<NullValue>
    mutating func leave(_ node: NullValue) -> VisitAction<NullValue>
    mutating func enter(_ node: EnumValue) -> VisitAction<EnumValue>
    mutating func leave(_ node: EnumValue) -> VisitAction<EnumValue>
    mutating func enter(_ node: ListValue) -> VisitAction<ListValue>
    mutating func leave(_ node: ListValue) -> VisitAction<ListValue>
    mutating func enter(_ node: ObjectValue) -> VisitAction<ObjectValue>
    mutating func leave(_ node: ObjectValue) -> VisitAction<ObjectValue>
    mutating func enter(_ node: ObjectField) -> VisitAction<ObjectField>
    mutating func leave(_ node: ObjectField) -> VisitAction<ObjectField>
    mutating func enter(_ node: Directive) -> VisitAction<Directive>
    mutating func leave(_ node: Directive) -> VisitAction<Directive>
    mutating func enter(_ node: NamedType) -> VisitAction<NamedType>
    mutating func leave(_ node: NamedType) -> VisitAction<NamedType>
    mutating func enter(_ node: ListType) -> VisitAction<ListType>
    mutating func leave(_ node: ListType) -> VisitAction<ListType>
    mutating func enter(_ node: NonNullType) -> VisitAction<NonNullType>
    mutating func leave(_ node: NonNullType) -> VisitAction<NonNullType>
    mutating func enter(_ node: SchemaDefinition) -> VisitAction<SchemaDefinition>
    mutating func leave(_ node: SchemaDefinition) -> VisitAction<SchemaDefinition>
    mutating func enter(_ node: OperationTypeDefinition) -> VisitAction<OperationTypeDefinition>
    mutating func leave(_ node: OperationTypeDefinition) -> VisitAction<OperationTypeDefinition>
    mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction<ScalarTypeDefinition>
    mutating func leave(_ node: ScalarTypeDefinition) -> VisitAction<ScalarTypeDefinition>
    mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction<ObjectTypeDefinition>
    mutating func leave(_ node: ObjectTypeDefinition) -> VisitAction<ObjectTypeDefinition>
    mutating func enter(_ node: FieldDefinition) -> VisitAction<FieldDefinition>
    mutating func leave(_ node: FieldDefinition) -> VisitAction<FieldDefinition>
    mutating func enter(_ node: InputValueDefinition) -> VisitAction<InputValueDefinition>
    mutating func leave(_ node: InputValueDefinition) -> VisitAction<InputValueDefinition>
    mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction<InterfaceTypeDefinition>
    mutating func leave(_ node: InterfaceTypeDefinition) -> VisitAction<InterfaceTypeDefinition>
    mutating func enter(_ node: UnionTypeDefinition) -> VisitAction<UnionTypeDefinition>
    mutating func leave(_ node: UnionTypeDefinition) -> VisitAction<UnionTypeDefinition>
    mutating func enter(_ node: EnumTypeDefinition) -> VisitAction<EnumTypeDefinition>
    mutating func leave(_ node: EnumTypeDefinition) -> VisitAction<EnumTypeDefinition>
    mutating func enter(_ node: EnumValueDefinition) -> VisitAction<EnumValueDefinition>
    mutating func leave(_ node: EnumValueDefinition) -> VisitAction<EnumValueDefinition>
    mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction<InputObjectTypeDefinition>
    mutating func leave(_ node: InputObjectTypeDefinition) -> VisitAction<InputObjectTypeDefinition>
    mutating func enter(_ node: DirectiveDefinition) -> VisitAction<DirectiveDefinition>
    mutating func leave(_ node: DirectiveDefinition) -> VisitAction<DirectiveDefinition>
    mutating func enter(_ node: SchemaExtension) -> VisitAction<SchemaExtension>
    mutating func leave(_ node: SchemaExtension) -> VisitAction<SchemaExtension>
    mutating func enter(_ node: ScalarTypeExtension) -> VisitAction<ScalarTypeExtension>
    mutating func leave(_ node: ScalarTypeExtension) -> VisitAction<ScalarTypeExtension>
    mutating func enter(_ node: ObjectTypeExtension) -> VisitAction<ObjectTypeExtension>
    mutating func leave(_ node: ObjectTypeExtension) -> VisitAction<ObjectTypeExtension>
    mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction<InterfaceTypeExtension>
    mutating func leave(_ node: InterfaceTypeExtension) -> VisitAction<InterfaceTypeExtension>
    mutating func enter(_ node: UnionTypeExtension) -> VisitAction<UnionTypeExtension>
    mutating func leave(_ node: UnionTypeExtension) -> VisitAction<UnionTypeExtension>
    mutating func enter(_ node: EnumTypeExtension) -> VisitAction<EnumTypeExtension>
    mutating func leave(_ node: EnumTypeExtension) -> VisitAction<EnumTypeExtension>
    mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction<InputObjectTypeExtension>
    mutating func leave(_ node: InputObjectTypeExtension) -> VisitAction<InputObjectTypeExtension>
    mutating func enter(_ node: Name) -> VisitAction<Name>
    mutating func leave(_ node: Name) -> VisitAction<Name>
    mutating func enter(_ node: Definition) -> VisitAction<Definition>
    mutating func leave(_ node: Definition) -> VisitAction<Definition>
    mutating func enter(_ node: Selection) -> VisitAction<Selection>
    mutating func leave(_ node: Selection) -> VisitAction<Selection>
    mutating func enter(_ node: Value) -> VisitAction<Value>
    mutating func leave(_ node: Value) -> VisitAction<Value>
    mutating func enter(_ node: TypeReference) -> VisitAction<TypeReference>
    mutating func leave(_ node: TypeReference) -> VisitAction<TypeReference>
}

extension ASTVisitor {
    public mutating func enter(_ node: Document) -> VisitAction<Document> { .proceed }
    public mutating func leave(_ node: Document) -> VisitAction<Document> { .proceed }
    public mutating func enter(_ node: OperationDefinition) -> VisitAction<OperationDefinition> { .proceed }
    public mutating func leave(_ node: OperationDefinition) -> VisitAction<OperationDefinition> { .proceed }
    public mutating func enter(_ node: VariableDefinition) -> VisitAction<VariableDefinition> { .proceed }
    public mutating func leave(_ node: VariableDefinition) -> VisitAction<VariableDefinition> { .proceed }
    public mutating func enter(_ node: Variable) -> VisitAction<Variable> { .proceed }
    public mutating func leave(_ node: Variable) -> VisitAction<Variable> { .proceed }
    public mutating func enter(_ node: SelectionSet) -> VisitAction<SelectionSet> { .proceed }
    public mutating func leave(_ node: SelectionSet) -> VisitAction<SelectionSet> { .proceed }
    public mutating func enter(_ node: Field) -> VisitAction<Field> { .proceed }
    public mutating func leave(_ node: Field) -> VisitAction<Field> { .proceed }
    public mutating func enter(_ node: Argument) -> VisitAction<Argument> { .proceed }
    public mutating func leave(_ node: Argument) -> VisitAction<Argument> { .proceed }
    public mutating func enter(_ node: FragmentSpread) -> VisitAction<FragmentSpread> { .proceed }
    public mutating func leave(_ node: FragmentSpread) -> VisitAction<FragmentSpread> { .proceed }
    public mutating func enter(_ node: InlineFragment) -> VisitAction<InlineFragment> { .proceed }
    public mutating func leave(_ node: InlineFragment) -> VisitAction<InlineFragment> { .proceed }
    public mutating func enter(_ node: FragmentDefinition) -> VisitAction<FragmentDefinition> { .proceed }
    public mutating func leave(_ node: FragmentDefinition) -> VisitAction<FragmentDefinition> { .proceed }
    public mutating func enter(_ node: IntValue) -> VisitAction<IntValue> { .proceed }
    public mutating func leave(_ node: IntValue) -> VisitAction<IntValue> { .proceed }
    public mutating func enter(_ node: FloatValue) -> VisitAction<FloatValue> { .proceed }
    public mutating func leave(_ node: FloatValue) -> VisitAction<FloatValue> { .proceed }
    public mutating func enter(_ node: StringValue) -> VisitAction<StringValue> { .proceed }
    public mutating func leave(_ node: StringValue) -> VisitAction<StringValue> { .proceed }
    public mutating func enter(_ node: BooleanValue) -> VisitAction<BooleanValue> { .proceed }
    public mutating func leave(_ node: BooleanValue) -> VisitAction<BooleanValue> { .proceed }
    public mutating func enter(_ node: NullValue) -> VisitAction<NullValue> { .proceed }
    public mutating func leave(_ node: NullValue) -> VisitAction<NullValue> { .proceed }
    public mutating func enter(_ node: EnumValue) -> VisitAction<EnumValue> { .proceed }
    public mutating func leave(_ node: EnumValue) -> VisitAction<EnumValue> { .proceed }
    public mutating func enter(_ node: ListValue) -> VisitAction<ListValue> { .proceed }
    public mutating func leave(_ node: ListValue) -> VisitAction<ListValue> { .proceed }
    public mutating func enter(_ node: ObjectValue) -> VisitAction<ObjectValue> { .proceed }
    public mutating func leave(_ node: ObjectValue) -> VisitAction<ObjectValue> { .proceed }
    public mutating func enter(_ node: ObjectField) -> VisitAction<ObjectField> { .proceed }
    public mutating func leave(_ node: ObjectField) -> VisitAction<ObjectField> { .proceed }
    public mutating func enter(_ node: Directive) -> VisitAction<Directive> { .proceed }
    public mutating func leave(_ node: Directive) -> VisitAction<Directive> { .proceed }
    public mutating func enter(_ node: NamedType) -> VisitAction<NamedType> { .proceed }
    public mutating func leave(_ node: NamedType) -> VisitAction<NamedType> { .proceed }
    public mutating func enter(_ node: ListType) -> VisitAction<ListType> { .proceed }
    public mutating func leave(_ node: ListType) -> VisitAction<ListType> { .proceed }
    public mutating func enter(_ node: NonNullType) -> VisitAction<NonNullType> { .proceed }
    public mutating func leave(_ node: NonNullType) -> VisitAction<NonNullType> { .proceed }
    public mutating func enter(_ node: SchemaDefinition) -> VisitAction<SchemaDefinition> { .proceed }
    public mutating func leave(_ node: SchemaDefinition) -> VisitAction<SchemaDefinition> { .proceed }
    public mutating func enter(_ node: OperationTypeDefinition) -> VisitAction<OperationTypeDefinition> { .proceed }
    public mutating func leave(_ node: OperationTypeDefinition) -> VisitAction<OperationTypeDefinition> { .proceed }
    public mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction<ScalarTypeDefinition> { .proceed }
    public mutating func leave(_ node: ScalarTypeDefinition) -> VisitAction<ScalarTypeDefinition> { .proceed }
    public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction<ObjectTypeDefinition> { .proceed }
    public mutating func leave(_ node: ObjectTypeDefinition) -> VisitAction<ObjectTypeDefinition> { .proceed }
    public mutating func enter(_ node: FieldDefinition) -> VisitAction<FieldDefinition> { .proceed }
    public mutating func leave(_ node: FieldDefinition) -> VisitAction<FieldDefinition> { .proceed }
    public mutating func enter(_ node: InputValueDefinition) -> VisitAction<InputValueDefinition> { .proceed }
    public mutating func leave(_ node: InputValueDefinition) -> VisitAction<InputValueDefinition> { .proceed }
    public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction<InterfaceTypeDefinition> { .proceed }
    public mutating func leave(_ node: InterfaceTypeDefinition) -> VisitAction<InterfaceTypeDefinition> { .proceed }
    public mutating func enter(_ node: UnionTypeDefinition) -> VisitAction<UnionTypeDefinition> { .proceed }
    public mutating func leave(_ node: UnionTypeDefinition) -> VisitAction<UnionTypeDefinition> { .proceed }
    public mutating func enter(_ node: EnumTypeDefinition) -> VisitAction<EnumTypeDefinition> { .proceed }
    public mutating func leave(_ node: EnumTypeDefinition) -> VisitAction<EnumTypeDefinition> { .proceed }
    public mutating func enter(_ node: EnumValueDefinition) -> VisitAction<EnumValueDefinition> { .proceed }
    public mutating func leave(_ node: EnumValueDefinition) -> VisitAction<EnumValueDefinition> { .proceed }
    public mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction<InputObjectTypeDefinition> { .proceed }
    public mutating func leave(_ node: InputObjectTypeDefinition) -> VisitAction<InputObjectTypeDefinition> { .proceed }
    public mutating func enter(_ node: DirectiveDefinition) -> VisitAction<DirectiveDefinition> { .proceed }
    public mutating func leave(_ node: DirectiveDefinition) -> VisitAction<DirectiveDefinition> { .proceed }
    public mutating func enter(_ node: SchemaExtension) -> VisitAction<SchemaExtension> { .proceed }
    public mutating func leave(_ node: SchemaExtension) -> VisitAction<SchemaExtension> { .proceed }
    public mutating func enter(_ node: ScalarTypeExtension) -> VisitAction<ScalarTypeExtension> { .proceed }
    public mutating func leave(_ node: ScalarTypeExtension) -> VisitAction<ScalarTypeExtension> { .proceed }
    public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction<ObjectTypeExtension> { .proceed }
    public mutating func leave(_ node: ObjectTypeExtension) -> VisitAction<ObjectTypeExtension> { .proceed }
    public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction<InterfaceTypeExtension> { .proceed }
    public mutating func leave(_ node: InterfaceTypeExtension) -> VisitAction<InterfaceTypeExtension> { .proceed }
    public mutating func enter(_ node: UnionTypeExtension) -> VisitAction<UnionTypeExtension> { .proceed }
    public mutating func leave(_ node: UnionTypeExtension) -> VisitAction<UnionTypeExtension> { .proceed }
    public mutating func enter(_ node: EnumTypeExtension) -> VisitAction<EnumTypeExtension> { .proceed }
    public mutating func leave(_ node: EnumTypeExtension) -> VisitAction<EnumTypeExtension> { .proceed }
    public mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction<InputObjectTypeExtension> { .proceed }
    public mutating func leave(_ node: InputObjectTypeExtension) -> VisitAction<InputObjectTypeExtension> { .proceed }
    public mutating func enter(_ node: Name) -> VisitAction<Name> { .proceed }
    public mutating func leave(_ node: Name) -> VisitAction<Name> { .proceed }
    public mutating func enter(_ node: Definition) -> VisitAction<Definition> { .proceed }
    public mutating func leave(_ node: Definition) -> VisitAction<Definition> { .proceed }
    public mutating func enter(_ node: Selection) -> VisitAction<Selection> { .proceed }
    public mutating func leave(_ node: Selection) -> VisitAction<Selection> { .proceed }
    public mutating func enter(_ node: Value) -> VisitAction<Value> { .proceed }
    public mutating func leave(_ node: Value) -> VisitAction<Value> { .proceed }
    public mutating func enter(_ node: TypeReference) -> VisitAction<TypeReference> { .proceed }
    public mutating func leave(_ node: TypeReference) -> VisitAction<TypeReference> { .proceed }
}
