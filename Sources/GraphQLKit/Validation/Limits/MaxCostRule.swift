/// Limits what an operation costs (``ValidationLimits/maxCost``, computed by ``CostModel``):
/// field weights from `@cost(weight:)`, list multipliers from `@listSize(assumedSize:,
/// slicingArguments:)` or slicing arguments such as `first`. Each fragment's cost is computed
/// once per parent type, so fragment fan-out is measured, not expanded.
public final class MaxCostRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation]
    private let maximum: Int
    private let model: CostModel
    private let fragments = FragmentMeasures()
    private var variableDefaults: [String: Value] = [:]

    public init(maximum: Int, model: CostModel) {
        self.maximum = maximum
        self.model = model
    }

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        variableDefaults = [:]
        for definition in node.variableDefinitions {
            if let value = definition.defaultValue { variableDefaults[definition.variable.name.value] = value }
        }
        fragments.reset()
        guard let root = context.schema.rootTypeName(for: node.operation) else { return .skip }
        let cost = cost(of: node.selectionSet, parentType: root, context)
        if cost > maximum {
            context.report("\(node.limitDescription) costs \(SaturatingCount.describe(cost)), more than the allowed maximum cost of \(maximum).",
                           node: node.location)
        }
        return .skip
    }

    private func cost(of selectionSet: SelectionSet, parentType: String, _ context: ValidationContext) -> Int {
        var total = 0
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                total = SaturatingCount.add(total, cost(of: field, parentType: parentType, context))
            case .inlineFragment(let inline):
                total = SaturatingCount.add(total, cost(of: inline.selectionSet, parentType: inline.typeCondition?.name.value ?? parentType, context))
            case .fragmentSpread(let spread):
                total = SaturatingCount.add(total, fragments.measure(spread.name.value, context) {
                    cost(of: $0.selectionSet, parentType: $0.typeCondition.name.value, context)
                })
            }
        }
        return total
    }
    private func cost(of field: Field, parentType: String, _ context: ValidationContext) -> Int {
        let index = context.index
        guard let parent = index.type(parentType), let definition = index.field(field.name.value, on: parent) else {
            return field.selectionSet.map { cost(of: $0, parentType: "", context) } ?? 0
        }
        let directives = definition.definition.astNode?.directives ?? []
        let namedType = definition.namedType >= 0 ? index.types[definition.namedType] : nil
        var weight = namedType?.isComposite == true ? model.defaultCompositeWeight : model.defaultLeafWeight
        if let configured = model.weights["\(parentType).\(field.name.value)"] { weight = configured }
        if let costDirective = directives.first(where: { $0.name.value == "cost" }),
           let value = Self.intArgument(costDirective, "weight") { weight = value }
        var childCost = 0
        if let child = field.selectionSet, let namedType {
            childCost = cost(of: child, parentType: namedType.name, context)
        }
        var multiplier = 1
        if Self.isList(definition.type) {
            multiplier = listSize(field, directives)
        }
        return SaturatingCount.add(weight, SaturatingCount.multiply(multiplier, childCost))
    }

    /// The expected size of a list field's result.
    private func listSize(_ field: Field, _ directives: [Directive]) -> Int {
        let listSize = directives.first { $0.name.value == "listSize" }
        var slicing = model.slicingArguments
        if let listSize, let argument = listSize.arguments.first(where: { $0.name.value == "slicingArguments" }) {
            switch argument.value {
            case .list(let list): slicing = list.values.compactMap { if case .string(let s) = $0 { return s.value } else { return nil } }
            case .string(let single): slicing = [single.value]
            default: break
            }
        }
        var sizes: [Int] = []
        for argument in field.arguments where slicing.contains(argument.name.value) {
            var value = argument.value
            if case .variable(let variable) = value, let fallback = variableDefaults[variable.name.value] { value = fallback }
            if case .int(let int) = value, let size = Int(int.value) { sizes.append(max(0, size)) }
        }
        if let largest = sizes.max() { return largest }
        if let listSize, let assumed = Self.intArgument(listSize, "assumedSize") { return max(0, assumed) }
        return model.defaultListSize
    }

    private static func intArgument(_ directive: Directive, _ name: String) -> Int? {
        guard let argument = directive.arguments.first(where: { $0.name.value == name }), case .int(let int) = argument.value else { return nil }
        return Int(int.value)
    }

    private static func isList(_ type: GraphQLType) -> Bool {
        switch type {
        case .list: return true
        case .nonNull(let inner): return isList(inner)
        case .named: return false
        }
    }
}
