/// Fragments on Composite Types (GraphQL specification 5.5.1.3): a fragment's type condition
/// is an object, interface or union type.
public final class FragmentsOnCompositeTypesRule: ValidationRule {
    public let events: ValidationEvents = [.enterInlineFragment, .enterFragmentDefinition]
    public init() {}

    public func enterInlineFragment(_ node: InlineFragment, _ context: ValidationContext) -> ValidationAction {
        if let condition = node.typeCondition, let type = context.schema.namedType(condition.name.value), !type.isCompositeType {
            context.report("Fragment cannot condition on non composite type \"\(condition.name.value)\".", node: condition.location)
        }
        return .proceed
    }

    public func enterFragmentDefinition(_ node: FragmentDefinition, _ context: ValidationContext) -> ValidationAction {
        let condition = node.typeCondition
        if let type = context.schema.namedType(condition.name.value), !type.isCompositeType {
            context.report("Fragment \"\(node.name.value)\" cannot condition on non composite type \"\(condition.name.value)\".",
                           node: condition.location)
        }
        return .proceed
    }
}
