/// Fragments Must Be Used (GraphQL specification 5.5.1.4): every fragment is spread, directly
/// or through other fragments, by some operation.
public final class NoUnusedFragmentsRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .enterFragmentDefinition, .leaveDocument]
    private var operations: [OperationDefinition] = []
    private var fragments: [FragmentDefinition] = []
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        operations.append(node)
        return .skip
    }

    public func enterFragmentDefinition(_ node: FragmentDefinition, _ context: ValidationContext) -> ValidationAction {
        fragments.append(node)
        return .skip
    }

    public func leaveDocument(_ node: Document, _ context: ValidationContext) {
        var used: Set<String> = []
        for operation in operations {
            for fragment in context.recursivelyReferencedFragments(operation) { used.insert(fragment.name.value) }
        }
        for fragment in fragments where !used.contains(fragment.name.value) {
            context.report("Fragment \"\(fragment.name.value)\" is never used.", node: fragment.location)
        }
    }
}
