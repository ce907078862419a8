/// Limits how many aliases an operation uses (``ValidationLimits/maxAliases``), counted through
/// fragments (a fragment spread twice counts twice): what makes an alias bomb expensive.
public final class MaxAliasesRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation]
    private let maximum: Int
    private let fragments = FragmentMeasures()

    public init(maximum: Int) { self.maximum = maximum }

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        let count = aliases(in: node.selectionSet, context)
        if count > maximum {
            context.report("\(node.limitDescription) uses \(SaturatingCount.describe(count)) aliases, more than the allowed maximum of \(maximum).",
                           node: node.location)
        }
        return .skip
    }

    private func aliases(in selectionSet: SelectionSet, _ context: ValidationContext) -> Int {
        var count = 0
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if field.alias != nil { count = SaturatingCount.add(count, 1) }
                if let child = field.selectionSet { count = SaturatingCount.add(count, aliases(in: child, context)) }
            case .inlineFragment(let inline):
                count = SaturatingCount.add(count, aliases(in: inline.selectionSet, context))
            case .fragmentSpread(let spread):
                count = SaturatingCount.add(count, fragments.measure(spread.name.value, context) { aliases(in: $0.selectionSet, context) })
            }
        }
        return count
    }
}
