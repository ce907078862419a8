/// The three kinds of operation.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query, mutation, subscription
}

/// `query Name($var: Type) @directive { … }`, or the `{ … }` shorthand (an anonymous query).
public struct OperationDefinition: Sendable, Hashable {
    public var operation: OperationType
    public var name: Name?
    public var variableDefinitions: [VariableDefinition]
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    /// A description (September 2025 specification; parsed only with
    /// ``ParseOptions/allowExecutableDescriptions``).
    public var description: StringValue?
    public var location: Location?

    public init(operation: OperationType, name: Name? = nil, variableDefinitions: [VariableDefinition] = [], directives: [Directive] = [],
                selectionSet: SelectionSet, description: StringValue? = nil, location: Location? = nil) {
        self.operation = operation
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.directives = directives
        self.selectionSet = selectionSet
        self.description = description
        self.location = location
    }
}

/// `$name: Type = default @directive` in an operation's variable list.
public struct VariableDefinition: Sendable, Hashable {
    public var variable: Variable
    public var type: TypeReference
    public var defaultValue: Value?
    public var directives: [Directive]
    /// A description (September 2025 specification; parsed only with
    /// ``ParseOptions/allowExecutableDescriptions``).
    public var description: StringValue?
    public var location: Location?

    public init(variable: Variable, type: TypeReference, defaultValue: Value? = nil, directives: [Directive] = [],
                description: StringValue? = nil, location: Location? = nil) {
        self.variable = variable
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.description = description
        self.location = location
    }
}

/// `$name`, in a variable definition or as a value.
public struct Variable: Sendable, Hashable {
    public var name: Name
    public var location: Location?

    public init(name: Name, location: Location? = nil) {
        self.name = name
        self.location = location
    }
}

/// `{ selection … }`.
public struct SelectionSet: Sendable, Hashable {
    public var selections: SelectionList
    public var location: Location?

    public init(selections: SelectionList, location: Location? = nil) {
        self.selections = selections
        self.location = location
    }

    public init(selections: [Selection], location: Location? = nil) {
        self.selections = SelectionList(selections)
        self.location = location
    }
}

/// One entry of a selection set.
public enum Selection: Sendable, Hashable {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)

    public var location: Location? {
        switch self {
        case .field(let node): return node.location
        case .fragmentSpread(let node): return node.location
        case .inlineFragment(let node): return node.location
        }
    }

    public var directives: [Directive] {
        switch self {
        case .field(let node): return node.directives
        case .fragmentSpread(let node): return node.directives
        case .inlineFragment(let node): return node.directives
        }
    }
}

/// `alias: name(arguments) @directives { selections }`.
///
/// Most fields have no alias, arguments or directives: those three are kept together in one
/// shared box that a plain field does not have, so a plain field is smaller and cheaper to build,
/// copy and free. They read and write like stored properties.
public struct Field: Sendable, Hashable {
    public var name: Name
    public var selectionSet: SelectionSet?
    public var location: Location?
    /// The alias, arguments and directives; nil when the field has none of them.
    private var extras: FieldExtras?

    public init(alias: Name? = nil, name: Name, arguments: [Argument] = [], directives: [Directive] = [],
                selectionSet: SelectionSet? = nil, location: Location? = nil) {
        self.name = name
        self.selectionSet = selectionSet
        self.location = location
        self.extras = FieldExtras.make(alias: alias, arguments: arguments, directives: directives)
    }

    /// A field from its parts as the parser has them.
    @inline(__always)
    init(name: consuming Name, extras: consuming FieldExtras?, selectionSet: consuming SelectionSet?, location: Location?) {
        self.name = name
        self.selectionSet = selectionSet
        self.location = location
        self.extras = extras
    }

    public var alias: Name? {
        get { extras?.alias }
        set { extras = FieldExtras.make(alias: newValue, arguments: arguments, directives: directives) }
    }

    public var arguments: [Argument] {
        get { extras?.arguments ?? [] }
        set { extras = FieldExtras.make(alias: alias, arguments: newValue, directives: directives) }
    }

    public var directives: [Directive] {
        get { extras?.directives ?? [] }
        set { extras = FieldExtras.make(alias: alias, arguments: arguments, directives: newValue) }
    }

    /// The key this field's value has in the response: the alias, or else the name.
    public var responseKey: String { extras?.alias?.value ?? name.value }

    public static func == (lhs: Field, rhs: Field) -> Bool {
        lhs.name == rhs.name && lhs.location == rhs.location && lhs.selectionSet == rhs.selectionSet
            && (lhs.extras === rhs.extras
                || (lhs.alias == rhs.alias && lhs.arguments == rhs.arguments && lhs.directives == rhs.directives))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(alias)
        hasher.combine(name)
        hasher.combine(arguments)
        hasher.combine(directives)
        hasher.combine(selectionSet)
        hasher.combine(location)
    }
}

/// The rarely present parts of a ``Field``, immutable (a change makes a new box).
final class FieldExtras: Sendable {
    let alias: Name?
    let arguments: [Argument]
    let directives: [Directive]

    private init(alias: Name?, arguments: [Argument], directives: [Directive]) {
        self.alias = alias
        self.arguments = arguments
        self.directives = directives
    }

    /// A box for the parts, or nil when there is nothing to keep.
    @inline(__always)
    static func make(alias: consuming Name?, arguments: consuming [Argument], directives: consuming [Directive]) -> FieldExtras? {
        if alias == nil && arguments.isEmpty && directives.isEmpty { return nil }
        return FieldExtras(alias: alias, arguments: arguments, directives: directives)
    }
}

/// `name: value` in a field's or directive's argument list.
public struct Argument: Sendable, Hashable {
    public var name: Name
    public var value: Value
    public var location: Location?

    public init(name: Name, value: Value, location: Location? = nil) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// `...FragmentName @directives`.
public struct FragmentSpread: Sendable, Hashable {
    public var name: Name
    public var directives: [Directive]
    public var location: Location?

    public init(name: Name, directives: [Directive] = [], location: Location? = nil) {
        self.name = name
        self.directives = directives
        self.location = location
    }
}

/// `... on Type @directives { selections }` (the type condition is optional).
public struct InlineFragment: Sendable, Hashable {
    public var typeCondition: NamedType?
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var location: Location?

    public init(typeCondition: NamedType? = nil, directives: [Directive] = [], selectionSet: SelectionSet, location: Location? = nil) {
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.location = location
    }
}

/// `fragment Name on Type @directives { selections }`.
public struct FragmentDefinition: Sendable, Hashable {
    public var name: Name
    /// Legacy fragment variables (graphql-js `allowLegacyFragmentVariables`); empty otherwise.
    public var variableDefinitions: [VariableDefinition]
    public var typeCondition: NamedType
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    /// A description (September 2025 specification; parsed only with
    /// ``ParseOptions/allowExecutableDescriptions``).
    public var description: StringValue?
    public var location: Location?

    public init(name: Name, variableDefinitions: [VariableDefinition] = [], typeCondition: NamedType, directives: [Directive] = [],
                selectionSet: SelectionSet, description: StringValue? = nil, location: Location? = nil) {
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.description = description
        self.location = location
    }
}

/// `@name(arguments)`.
public struct Directive: Sendable, Hashable {
    public var name: Name
    public var arguments: [Argument]
    public var location: Location?

    public init(name: Name, arguments: [Argument] = [], location: Location? = nil) {
        self.name = name
        self.arguments = arguments
        self.location = location
    }
}
