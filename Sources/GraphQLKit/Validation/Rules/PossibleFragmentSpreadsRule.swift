/// Fragment Spread Is Possible (GraphQL specification 5.5.2.3): a fragment's type can overlap
/// the type it is spread into.
public final class PossibleFragmentSpreadsRule: ValidationRule {
    public let events: ValidationEvents = [.enterInlineFragment, .enterFragmentSpread]
    public init() {}

    public func enterInlineFragment(_ node: InlineFragment, _ context: ValidationContext) -> ValidationAction {
        guard let fragmentType = context.type, let fragmentNamed = context.schema.namedType(fragmentType), fragmentNamed.isCompositeType,
              case .named = fragmentType, let parentType = context.parentType, parentType.isCompositeType,
              !context.schema.doTypesOverlap(fragmentNamed.name, parentType.name) else { return .proceed }
        context.report("Fragment cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentNamed.name)\".",
                       node: node.location)
        return .proceed
    }

    public func enterFragmentSpread(_ node: FragmentSpread, _ context: ValidationContext) -> ValidationAction {
        let name = node.name.value
        guard let fragment = context.fragment(name), let fragmentType = context.schema.namedType(fragment.typeCondition.name.value),
              fragmentType.isCompositeType, let parentType = context.parentType,
              !context.schema.doTypesOverlap(fragmentType.name, parentType.name) else { return .proceed }
        context.report("Fragment \"\(name)\" cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentType.name)\".",
                       node: node.location)
        return .proceed
    }
}
