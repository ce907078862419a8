/// Limits how deep an operation nests fields (``ValidationLimits/maxDepth``), following
/// fragments; each fragment's depth is computed once.
public final class MaxDepthRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation]
    private let maximum: Int
    private let fragments = FragmentMeasures()

    public init(maximum: Int) { self.maximum = maximum }

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        let depth = depth(of: node.selectionSet, context)
        if depth > maximum {
            context.report("\(node.limitDescription) is \(depth) fields deep, more than the allowed maximum depth of \(maximum).",
                           node: node.location)
        }
        return .skip
    }

    /// The depth of the deepest field in a selection set (1 for leaf fields only).
    private func depth(of selectionSet: SelectionSet, _ context: ValidationContext) -> Int {
        var deepest = 0
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                deepest = max(deepest, 1 + (field.selectionSet.map { depth(of: $0, context) } ?? 0))
            case .inlineFragment(let inline):
                deepest = max(deepest, depth(of: inline.selectionSet, context))
            case .fragmentSpread(let spread):
                deepest = max(deepest, fragments.measure(spread.name.value, context) { depth(of: $0.selectionSet, context) })
            }
        }
        return deepest
    }
}
