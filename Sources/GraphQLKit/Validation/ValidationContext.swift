/// What the validation rules share while one document is validated against one schema: the
/// document, the schema, the types at the current position (``TypeInfo``), lookups computed
/// once per document (fragments, spreads, variable usages) and the errors found so far
/// (graphql-js `ValidationContext`).
public final class ValidationContext {
    public let schema: GraphQLSchema
    /// For SDL validation: the schema the document extends (nil when it builds a new one).
    public let extendedSchema: GraphQLSchema?
    public let document: Document
    /// The text the document's locations point into.
    public let source: Source?
    /// The types at the walker's current position.
    var typeInfo: ValidationTypeInfo
    /// Whether the walker is inside a type-system definition or extension.
    public internal(set) var inTypeSystemDefinition = false
    /// Where the directive being visited is applied (nil outside directives).
    public internal(set) var directiveLocation: DirectiveLocation?
    /// The errors so far, in the order the rules reported them.
    public private(set) var errors: [GraphQLError] = []
    /// Set once ``maxErrors`` is exceeded: the walk stops.
    public private(set) var aborted = false
    let maxErrors: Int

    /// Fragment definitions by name (the last of a name wins, as in graphql-js).
    public let fragments: [String: FragmentDefinition]
    private var spreadsCache: [Int: [FragmentSpread]] = [:]
    private var referencedFragmentsCache: [Int: [FragmentDefinition]] = [:]
    private var usagesCache: [Int: [VariableUsage]] = [:]
    private var recursiveUsagesCache: [Int: [VariableUsage]] = [:]
    /// Byte offsets of the `$` characters of the document (computed on first need).
    private var dollarOffsets: [Int]?

    init(schema: GraphQLSchema, document: Document, maxErrors: Int, extendedSchema: GraphQLSchema? = nil) {
        self.schema = schema
        self.extendedSchema = extendedSchema
        self.document = document
        self.source = document.source
        self.typeInfo = ValidationTypeInfo(schema: schema)
        self.maxErrors = maxErrors
        var fragments: [String: FragmentDefinition] = [:]
        for case .fragment(let fragment) in document.definitions { fragments[fragment.name.value] = fragment }
        self.fragments = fragments
    }

    // MARK: Reporting

    /// Records an error about `nodes` (located at each node's start).
    public func report(_ message: String, nodes: [Location?]) {
        append { nodes.count > 1 ? GraphQLError.about(message, nodes: nodes, source: source)
                                 : GraphQLError(message: message, nodes: nodes, source: source) }
    }

    /// Records an error about one node.
    public func report(_ message: String, node: Location?) {
        report(message, nodes: [node])
    }

    /// Records an error made elsewhere (a scalar's literal parser); one without locations is
    /// located at `node`.
    public func report(_ error: GraphQLError, node: Location?) {
        if error.locations == nil {
            report(error.message, node: node)
        } else {
            append { error }
        }
    }

    private func append(_ make: () -> GraphQLError) {
        if aborted { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError(message: "Too many validation errors, error limit reached. Validation aborted."))
            aborted = true
            return
        }
        errors.append(make())
    }

    /// How many errors may still be reported before validation aborts.
    public var remainingErrorBudget: Int { aborted ? 0 : max(0, maxErrors - errors.count + 1) }

    // MARK: The position (TypeInfo)

    /// The output type at the current position (a field's type, a root type, a fragment's type).
    /// The output type at the current position (a field's type, a root type, a fragment's type).
    public var type: GraphQLType? { typeInfo.type }
    /// The composite type whose selection set is being walked.
    public var parentType: GraphQLNamedType? { typeInfo.parentType?.named }
    /// The input type expected at the current argument, list item or object field.
    public var inputType: GraphQLType? { typeInfo.inputType }
    /// The input type one level up (the list or input object containing the current value).
    public var parentInputType: GraphQLType? { typeInfo.parentInputType }
    /// The definition of the current field.
    public var fieldDefinition: GraphQLField? { typeInfo.field?.definition }
    /// The definition of the current directive.
    public var directive: GraphQLDirective? { typeInfo.directive?.definition }
    /// The definition of the current argument.
    public var argument: GraphQLInputValue? { typeInfo.argument?.definition }

    var namedTypeEntry: ValidationSchemaIndex.TypeEntry? { typeInfo.namedType }
    var parentTypeEntry: ValidationSchemaIndex.TypeEntry? { typeInfo.parentType }
    var fieldEntry: ValidationSchemaIndex.FieldEntry? { typeInfo.field }
    var argumentEntry: ValidationSchemaIndex.InputValueEntry? { typeInfo.argument }
    var index: ValidationSchemaIndex { typeInfo.index }

    // MARK: Fragments

    /// The fragment definition called `name`.
    public func fragment(_ name: String) -> FragmentDefinition? { fragments[name] }

    /// The fragment spreads in a selection set, at any depth but not through fragments, in
    /// graphql-js's order (a stack of selection sets).
    public func fragmentSpreads(_ selectionSet: SelectionSet) -> [FragmentSpread] {
        let key = selectionSet.location?.start
        if let key, let cached = spreadsCache[key] { return cached }
        var spreads: [FragmentSpread] = []
        var setsToVisit: [SelectionSet] = [selectionSet]
        while let set = setsToVisit.popLast() {
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): spreads.append(spread)
                case .field(let field): if let child = field.selectionSet { setsToVisit.append(child) }
                case .inlineFragment(let inline): setsToVisit.append(inline.selectionSet)
                }
            }
        }
        if let key { spreadsCache[key] = spreads }
        return spreads
    }

    /// Every fragment an operation uses, directly or through other fragments, in graphql-js's order.
    public func recursivelyReferencedFragments(_ operation: OperationDefinition) -> [FragmentDefinition] {
        let key = operation.location?.start
        if let key, let cached = referencedFragmentsCache[key] { return cached }
        var result: [FragmentDefinition] = []
        var collected: Set<String> = []
        var nodesToVisit: [SelectionSet] = [operation.selectionSet]
        while let node = nodesToVisit.popLast() {
            for spread in fragmentSpreads(node) {
                let name = spread.name.value
                if collected.insert(name).inserted, let fragment = fragments[name] {
                    result.append(fragment)
                    nodesToVisit.append(fragment.selectionSet)
                }
            }
        }
        if let key { referencedFragmentsCache[key] = result }
        return result
    }

    // MARK: Variable usages

    /// The variables used in an operation or fragment (not through spreads), with the input
    /// type and default value of the position each is used at.
    func variableUsages(of definition: VariableUsageScope) -> [VariableUsage] {
        let key = definition.key
        if let key, let cached = usagesCache[key] { return cached }
        if dollarOffsets == nil {
            var offsets: [Int] = []
            if let source {
                source.withUTF8 { bytes in
                    for (offset, byte) in bytes.enumerated() where byte == 0x24 /* $ */ { offsets.append(offset) }
                }
            }
            dollarOffsets = offsets
        }
        var collector = VariableUsageCollector(typeInfo: ValidationTypeInfo(schema: schema), dollarOffsets: source == nil ? nil : dollarOffsets)
        switch definition {
        case .operation(let operation): collector.collect(operation)
        case .fragment(let fragment): collector.collect(fragment)
        }
        if let key { usagesCache[key] = collector.usages }
        return collector.usages
    }

    /// The variables used in an operation and every fragment it uses.
    public func recursiveVariableUsages(_ operation: OperationDefinition) -> [VariableUsage] {
        let key = operation.location?.start
        if let key, let cached = recursiveUsagesCache[key] { return cached }
        var usages = variableUsages(of: .operation(operation))
        for fragment in recursivelyReferencedFragments(operation) {
            usages += variableUsages(of: .fragment(fragment))
        }
        if let key { recursiveUsagesCache[key] = usages }
        return usages
    }
}
