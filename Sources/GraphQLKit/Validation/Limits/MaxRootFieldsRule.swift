/// Limits how many fields an operation selects at its root (``ValidationLimits/maxRootFields``),
/// counting fields of inline fragments and fragment spreads at the root.
public final class MaxRootFieldsRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation]
    private let maximum: Int
    private let fragments = FragmentMeasures()

    public init(maximum: Int) { self.maximum = maximum }

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        let count = rootFields(in: node.selectionSet, context)
        if count > maximum {
            context.report("\(node.limitDescription) selects \(SaturatingCount.describe(count)) root fields, more than the allowed maximum of \(maximum).",
                           node: node.location)
        }
        return .skip
    }

    private func rootFields(in selectionSet: SelectionSet, _ context: ValidationContext) -> Int {
        var count = 0
        for selection in selectionSet.selections {
            switch selection {
            case .field: count = SaturatingCount.add(count, 1)
            case .inlineFragment(let inline): count = SaturatingCount.add(count, rootFields(in: inline.selectionSet, context))
            case .fragmentSpread(let spread):
                count = SaturatingCount.add(count, fragments.measure(spread.name.value, context) { rootFields(in: $0.selectionSet, context) })
            }
        }
        return count
    }
}
