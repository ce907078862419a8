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

/// The hooks a ``ValidationRule`` implements.
public struct ValidationEvents: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let enterDocument = ValidationEvents(rawValue: 1 << 0)
    public static let leaveDocument = ValidationEvents(rawValue: 1 << 1)
    public static let enterOperation = ValidationEvents(rawValue: 1 << 2)
    public static let leaveOperation = ValidationEvents(rawValue: 1 << 3)
    public static let enterVariableDefinition = ValidationEvents(rawValue: 1 << 4)
    public static let enterSelectionSet = ValidationEvents(rawValue: 1 << 5)
    public static let enterField = ValidationEvents(rawValue: 1 << 6)
    public static let leaveField = ValidationEvents(rawValue: 1 << 7)
    public static let enterArgument = ValidationEvents(rawValue: 1 << 8)
    public static let enterFragmentSpread = ValidationEvents(rawValue: 1 << 9)
    public static let enterInlineFragment = ValidationEvents(rawValue: 1 << 10)
    public static let enterFragmentDefinition = ValidationEvents(rawValue: 1 << 11)
    public static let enterDirective = ValidationEvents(rawValue: 1 << 12)
    public static let leaveDirective = ValidationEvents(rawValue: 1 << 13)
    public static let enterNamedType = ValidationEvents(rawValue: 1 << 14)
    public static let enterListValue = ValidationEvents(rawValue: 1 << 15)
    public static let enterObjectValue = ValidationEvents(rawValue: 1 << 16)
    public static let leaveObjectValue = ValidationEvents(rawValue: 1 << 17)
    public static let enterObjectField = ValidationEvents(rawValue: 1 << 18)
    public static let enterLeafValue = ValidationEvents(rawValue: 1 << 19)
    public static let enterNullValue = ValidationEvents(rawValue: 1 << 20)
    public static let enterTypeSystemNode = ValidationEvents(rawValue: 1 << 21)

    static let count = 22
}

/// A type-system node met while validating: its directives (what directive rules look at) and,
/// for a top-level definition or extension, the definition itself (what the SDL rules look at).
public struct TypeSystemNodeDirectives: Sendable {
    /// The top-level definition or extension this node is (nil for fields, arguments, enum values).
    public var definition: Definition?
    /// The type the node defines or extends; nil for schema definitions and extensions and for
    /// nodes inside a type (fields, arguments, enum values).
    public var typeName: String?
    /// Whether this is a schema definition or extension.
    public var isSchema: Bool
    public var directives: [Directive]
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

/// Makes a fresh rule instance for one validation (rules keep per-document state).
public struct ValidationRuleFactory: Sendable {
    /// The rule's name (graphql-js's, without the `Rule` suffix).
    public let name: String
    public let make: @Sendable (ValidationContext) -> any ValidationRule

    public init(name: String, make: @escaping @Sendable (ValidationContext) -> any ValidationRule) {
        self.name = name
        self.make = make
    }
}
