/// Walks a document once for all rules, in graphql-js's traversal order, keeping the
/// ``TypeInfo`` of the context up to date and calling each rule's hooks in rule order (as
/// graphql-js's `visitInParallel` with `visitWithTypeInfo`). A rule that skips a node is not
/// called again until the walker leaves that node.
struct DocumentWalker {
    private let context: ValidationContext
    private let rules: [any ValidationRule]
    /// For each event (bit index of ``ValidationEvents``), the rules that implement it, in order.
    private let listeners: [[Int]]
    /// For each rule, the serial of the node it skipped (0: not skipping).
    private var skippedAt: [Int]
    private var activeSkips = 0
    private var serial = 0

    init(context: ValidationContext, rules: [any ValidationRule]) {
        self.context = context
        self.rules = rules
        var listeners = [[Int]](repeating: [], count: ValidationEvents.count)
        for (index, rule) in rules.enumerated() {
            let events = rule.events.rawValue
            for bit in 0..<ValidationEvents.count where events & (1 << UInt32(bit)) != 0 { listeners[bit].append(index) }
        }
        self.listeners = listeners
        self.skippedAt = [Int](repeating: 0, count: rules.count)
    }

    // MARK: Dispatch

    private static func bit(_ event: ValidationEvents) -> Int { event.rawValue.trailingZeroBitCount }

    /// Calls `call` for the rules listening to `event`; returns the node's serial.
    @inline(__always)
    private mutating func enter(_ event: ValidationEvents, _ call: (any ValidationRule) -> ValidationAction) -> Int {
        serial += 1
        let mine = serial
        for index in listeners[Self.bit(event)] where skippedAt[index] == 0 {
            if call(rules[index]) == .skip {
                skippedAt[index] = mine
                activeSkips += 1
            }
        }
        return mine
    }

    /// Calls `call` for the rules listening to `event` that are not skipping, then ends the
    /// skips that started at the node.
    @inline(__always)
    private mutating func leave(_ serial: Int, _ event: ValidationEvents?, _ call: (any ValidationRule) -> Void) {
        if let event {
            for index in listeners[Self.bit(event)] where skippedAt[index] == 0 { call(rules[index]) }
        }
        if activeSkips > 0 { endSkips(serial) }
    }

    private mutating func endSkips(_ serial: Int) {
        for index in skippedAt.indices where skippedAt[index] == serial {
            skippedAt[index] = 0
            activeSkips -= 1
        }
    }

    // MARK: Executable definitions

    mutating func walk(_ document: Document) {
        let context = self.context
        let mine = enter(.enterDocument) { $0.enterDocument(document, context) }
        for definition in document.definitions {
            if context.aborted { return }
            context.inTypeSystemDefinition = !definition.isExecutable
            defer { context.inTypeSystemDefinition = false }
            switch definition {
            case .operation(let operation): walk(operation)
            case .fragment(let fragment): walk(fragment)
            case .schema(let node):
                typeSystemNode(nil, isSchema: true, node.directives, .schema, definition: definition, after: { walker in
                    for operationType in node.operationTypes { walker.namedType(operationType.type) }
                })
            case .schemaExtension(let node):
                typeSystemNode(nil, isSchema: true, node.directives, .schema, definition: definition, after: { walker in
                    for operationType in node.operationTypes { walker.namedType(operationType.type) }
                })
            case .type(let node): walk(node, definition)
            case .typeExtension(let node): walk(node, definition)
            case .directive(let node):
                typeSystemNode(nil, isSchema: false, [], .schema, definition: definition) { walker in
                    for argument in node.arguments { walker.inputValueDefinition(argument, .argumentDefinition) }
                }
            }
        }
        if context.aborted { return }
        leave(mine, .leaveDocument) { $0.leaveDocument(document, context) }
    }

    private mutating func walk(_ operation: OperationDefinition) {
        let context = self.context
        context.typeInfo.enter(operation)
        let mine = enter(.enterOperation) { $0.enterOperation(operation, context) }
        for definition in operation.variableDefinitions { walk(definition) }
        let location: DirectiveLocation
        switch operation.operation {
        case .query: location = .query
        case .mutation: location = .mutation
        case .subscription: location = .subscription
        }
        directives(operation.directives, location)
        selectionSet(operation.selectionSet)
        leave(mine, .leaveOperation) { $0.leaveOperation(operation, context) }
        context.typeInfo.leaveTypeCondition()
    }

    private mutating func walk(_ definition: VariableDefinition) {
        let context = self.context
        context.typeInfo.enter(definition)
        let mine = enter(.enterVariableDefinition) { $0.enterVariableDefinition(definition, context) }
        typeReference(definition.type)
        if let defaultValue = definition.defaultValue { value(defaultValue) }
        directives(definition.directives, .variableDefinition)
        leave(mine, nil) { _ in }
        context.typeInfo.leaveVariableDefinition()
    }

    private mutating func walk(_ fragment: FragmentDefinition) {
        let context = self.context
        context.typeInfo.enterTypeCondition(fragment.typeCondition)
        let mine = enter(.enterFragmentDefinition) { $0.enterFragmentDefinition(fragment, context) }
        for definition in fragment.variableDefinitions { walk(definition) }
        namedType(fragment.typeCondition)
        directives(fragment.directives, .fragmentDefinition)
        selectionSet(fragment.selectionSet)
        leave(mine, nil) { _ in }
        context.typeInfo.leaveTypeCondition()
    }

    private mutating func selectionSet(_ node: SelectionSet) {
        let context = self.context
        if context.aborted { return }
        context.typeInfo.enterSelectionSet()
        let mine = enter(.enterSelectionSet) { $0.enterSelectionSet(node, context) }
        for selection in node.selections {
            switch selection {
            case .field(let field): walk(field)
            case .fragmentSpread(let spread):
                let spreadSerial = enter(.enterFragmentSpread) { $0.enterFragmentSpread(spread, context) }
                directives(spread.directives, .fragmentSpread)
                leave(spreadSerial, nil) { _ in }
            case .inlineFragment(let inline):
                context.typeInfo.enterTypeCondition(inline.typeCondition)
                let inlineSerial = enter(.enterInlineFragment) { $0.enterInlineFragment(inline, context) }
                if let condition = inline.typeCondition { namedType(condition) }
                directives(inline.directives, .inlineFragment)
                selectionSet(inline.selectionSet)
                leave(inlineSerial, nil) { _ in }
                context.typeInfo.leaveTypeCondition()
            }
        }
        leave(mine, nil) { _ in }
        context.typeInfo.leaveSelectionSet()
    }

    private mutating func walk(_ field: Field) {
        let context = self.context
        context.typeInfo.enter(field)
        let mine = enter(.enterField) { $0.enterField(field, context) }
        for argument in field.arguments { walk(argument) }
        directives(field.directives, .field)
        if let child = field.selectionSet { selectionSet(child) }
        leave(mine, .leaveField) { $0.leaveField(field, context) }
        context.typeInfo.leaveField()
    }

    private mutating func walk(_ argument: Argument) {
        let context = self.context
        context.typeInfo.enter(argument)
        let mine = enter(.enterArgument) { $0.enterArgument(argument, context) }
        value(argument.value)
        leave(mine, nil) { _ in }
        context.typeInfo.leaveArgument()
    }

    private mutating func directives(_ nodes: [Directive], _ location: DirectiveLocation) {
        let context = self.context
        for directive in nodes {
            context.typeInfo.enter(directive)
            context.directiveLocation = location
            let mine = enter(.enterDirective) { $0.enterDirective(directive, context) }
            for argument in directive.arguments { walk(argument) }
            context.directiveLocation = location
            leave(mine, .leaveDirective) { $0.leaveDirective(directive, context) }
            context.directiveLocation = nil
            context.typeInfo.leaveDirective()
        }
    }

    private mutating func value(_ node: Value) {
        let context = self.context
        switch node {
        case .variable:
            break
        case .null(let null):
            let mine = enter(.enterNullValue) { $0.enterNullValue(null, context) }
            leave(mine, nil) { _ in }
        case .int, .float, .string, .boolean, .enumValue:
            let mine = enter(.enterLeafValue) { $0.enterLeafValue(node, context) }
            leave(mine, nil) { _ in }
        case .list(let list):
            context.typeInfo.enterListValue()
            let mine = enter(.enterListValue) { $0.enterListValue(list, context) }
            for item in list.values { value(item) }
            leave(mine, nil) { _ in }
            context.typeInfo.leaveListValue()
        case .object(let object):
            let mine = enter(.enterObjectValue) { $0.enterObjectValue(object, context) }
            for field in object.fields {
                context.typeInfo.enter(field)
                let fieldSerial = enter(.enterObjectField) { $0.enterObjectField(field, context) }
                value(field.value)
                leave(fieldSerial, nil) { _ in }
                context.typeInfo.leaveObjectField()
            }
            leave(mine, .leaveObjectValue) { $0.leaveObjectValue(object, context) }
        }
    }

    private mutating func typeReference(_ node: TypeReference) {
        switch node {
        case .named(let named): namedType(named)
        case .list(let list): typeReference(list.type)
        case .nonNull(let nonNull): typeReference(nonNull.type)
        }
    }

    private mutating func namedType(_ node: NamedType) {
        let context = self.context
        let mine = enter(.enterNamedType) { $0.enterNamedType(node, context) }
        leave(mine, nil) { _ in }
    }

    // MARK: Type-system definitions (reported by ExecutableDefinitions; walked for names and directives)

    /// A type-system node: the enter hook, then `children`, then its directives.
    private mutating func typeSystemNode(_ typeName: String?, isSchema: Bool, _ directives: [Directive], _ location: DirectiveLocation,
                                         definition: Definition? = nil, children: (inout DocumentWalker) -> Void = { _ in },
                                         after: (inout DocumentWalker) -> Void = { _ in }) {
        let context = self.context
        let node = TypeSystemNodeDirectives(definition: definition, typeName: typeName, isSchema: isSchema, directives: directives)
        let mine = enter(.enterTypeSystemNode) { $0.enterTypeSystemNode(node, context) }
        children(&self)
        self.directives(directives, location)
        after(&self)
        leave(mine, nil) { _ in }
    }

    private mutating func walk(_ node: TypeDefinition, _ definition: Definition) {
        switch node {
        case .scalar(let scalar):
            typeSystemNode(scalar.name.value, isSchema: false, scalar.directives, .scalar, definition: definition)
        case .object(let object):
            objectLike(object.name.value, object.interfaces, object.directives, object.fields, .object, definition)
        case .interface(let interface):
            objectLike(interface.name.value, interface.interfaces, interface.directives, interface.fields, .interface, definition)
        case .union(let union):
            unionLike(union.name.value, union.directives, union.types, definition)
        case .enum(let enumType):
            enumLike(enumType.name.value, enumType.directives, enumType.values, definition)
        case .inputObject(let input):
            inputLike(input.name.value, input.directives, input.fields, definition)
        }
    }

    private mutating func walk(_ node: TypeExtension, _ definition: Definition) {
        switch node {
        case .scalar(let scalar):
            typeSystemNode(scalar.name.value, isSchema: false, scalar.directives, .scalar, definition: definition)
        case .object(let object):
            objectLike(object.name.value, object.interfaces, object.directives, object.fields, .object, definition)
        case .interface(let interface):
            objectLike(interface.name.value, interface.interfaces, interface.directives, interface.fields, .interface, definition)
        case .union(let union):
            unionLike(union.name.value, union.directives, union.types, definition)
        case .enum(let enumType):
            enumLike(enumType.name.value, enumType.directives, enumType.values, definition)
        case .inputObject(let input):
            // graphql-js 16 places directives on an input extension's fields at ARGUMENT_DEFINITION.
            inputLike(input.name.value, input.directives, input.fields, definition, fieldLocation: .argumentDefinition)
        }
    }

    private mutating func objectLike(_ name: String, _ interfaces: [NamedType], _ directives: [Directive], _ fields: [FieldDefinition],
                                     _ location: DirectiveLocation, _ definition: Definition) {
        let context = self.context
        let node = TypeSystemNodeDirectives(definition: definition, typeName: name, isSchema: false, directives: directives)
        let mine = enter(.enterTypeSystemNode) { $0.enterTypeSystemNode(node, context) }
        for interface in interfaces { namedType(interface) }
        self.directives(directives, location)
        for field in fields { fieldDefinition(field) }
        leave(mine, nil) { _ in }
    }

    private mutating func unionLike(_ name: String, _ directives: [Directive], _ types: [NamedType], _ definition: Definition) {
        typeSystemNode(name, isSchema: false, directives, .union, definition: definition, after: { walker in
            for member in types { walker.namedType(member) }
        })
    }

    private mutating func enumLike(_ name: String, _ directives: [Directive], _ values: [EnumValueDefinition], _ definition: Definition) {
        typeSystemNode(name, isSchema: false, directives, .enum, definition: definition, after: { walker in
            for value in values { walker.typeSystemNode(nil, isSchema: false, value.directives, .enumValue) }
        })
    }

    private mutating func inputLike(_ name: String, _ directives: [Directive], _ fields: [InputValueDefinition], _ definition: Definition,
                                    fieldLocation: DirectiveLocation = .inputFieldDefinition) {
        typeSystemNode(name, isSchema: false, directives, .inputObject, definition: definition, after: { walker in
            for field in fields { walker.inputValueDefinition(field, fieldLocation) }
        })
    }

    private mutating func fieldDefinition(_ node: FieldDefinition) {
        typeSystemNode(nil, isSchema: false, node.directives, .fieldDefinition) { walker in
            for argument in node.arguments { walker.inputValueDefinition(argument, .argumentDefinition) }
            walker.typeReference(node.type)
        }
    }

    private mutating func inputValueDefinition(_ node: InputValueDefinition, _ location: DirectiveLocation) {
        typeSystemNode(nil, isSchema: false, node.directives, location) { walker in
            walker.typeReference(node.type)
            if let defaultValue = node.defaultValue { walker.value(defaultValue) }
        }
    }
}
