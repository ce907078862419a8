/// One validation rule (GraphQL specification, section 5): a visitor the ``DocumentWalker``
/// calls while it walks a document once for all rules, as graphql-js's `visitInParallel` does.
///
/// Each hook has a default that does nothing; a rule implements the ones it needs and lists
/// them in ``events`` so the walker calls only those. An `enter` hook returning ``ValidationAction/skip``
/// stops this rule (only) from seeing the node's children and its `leave` hook.
public protocol ValidationRule: AnyObject {
    /// The hooks this rule implements.
    var events: ValidationEvents { get }

    func enterDocument(_ node: Document, _ context: ValidationContext) -> ValidationAction
    func leaveDocument(_ node: Document, _ context: ValidationContext)
    func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction
    func leaveOperation(_ node: OperationDefinition, _ context: ValidationContext)
    func enterVariableDefinition(_ node: VariableDefinition, _ context: ValidationContext) -> ValidationAction
    func enterSelectionSet(_ node: SelectionSet, _ context: ValidationContext) -> ValidationAction
    func enterField(_ node: Field, _ context: ValidationContext) -> ValidationAction
    func leaveField(_ node: Field, _ context: ValidationContext)
    func enterArgument(_ node: Argument, _ context: ValidationContext) -> ValidationAction
    func enterFragmentSpread(_ node: FragmentSpread, _ context: ValidationContext) -> ValidationAction
    func enterInlineFragment(_ node: InlineFragment, _ context: ValidationContext) -> ValidationAction
    func enterFragmentDefinition(_ node: FragmentDefinition, _ context: ValidationContext) -> ValidationAction
    func enterDirective(_ node: Directive, _ context: ValidationContext) -> ValidationAction
    func leaveDirective(_ node: Directive, _ context: ValidationContext)
    func enterNamedType(_ node: NamedType, _ context: ValidationContext) -> ValidationAction
    /// A list literal.
    func enterListValue(_ node: ListValue, _ context: ValidationContext) -> ValidationAction
    func enterObjectValue(_ node: ObjectValue, _ context: ValidationContext) -> ValidationAction
    func leaveObjectValue(_ node: ObjectValue, _ context: ValidationContext)
    func enterObjectField(_ node: ObjectField, _ context: ValidationContext) -> ValidationAction
    /// An int, float, string, boolean or enum literal (`value` is the whole literal).
    func enterLeafValue(_ value: Value, _ context: ValidationContext) -> ValidationAction
    func enterNullValue(_ node: NullValue, _ context: ValidationContext) -> ValidationAction
    /// A type-system definition or extension met in an executable document, with its directives.
    func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction
}

/// Whether the walker should go into a node's children for this rule.
public enum ValidationAction: Sendable {
    case proceed
    /// Don't visit the children (nor call the leave hook) for this rule.
    case skip
}

extension ValidationRule {
    public func enterDocument(_ node: Document, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func leaveDocument(_ node: Document, _ context: ValidationContext) {}
    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func leaveOperation(_ node: OperationDefinition, _ context: ValidationContext) {}
    public func enterVariableDefinition(_ node: VariableDefinition, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterSelectionSet(_ node: SelectionSet, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterField(_ node: Field, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func leaveField(_ node: Field, _ context: ValidationContext) {}
    public func enterArgument(_ node: Argument, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterFragmentSpread(_ node: FragmentSpread, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterInlineFragment(_ node: InlineFragment, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterFragmentDefinition(_ node: FragmentDefinition, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterDirective(_ node: Directive, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func leaveDirective(_ node: Directive, _ context: ValidationContext) {}
    public func enterNamedType(_ node: NamedType, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterListValue(_ node: ListValue, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterObjectValue(_ node: ObjectValue, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func leaveObjectValue(_ node: ObjectValue, _ context: ValidationContext) {}
    public func enterObjectField(_ node: ObjectField, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterLeafValue(_ value: Value, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterNullValue(_ node: NullValue, _ context: ValidationContext) -> ValidationAction { .proceed }
    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction { .proceed }
}
