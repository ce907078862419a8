/// Fragment Spread Target Defined (GraphQL specification 5.5.2.1): a spread names a fragment
/// the document defines.
public final class KnownFragmentNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterFragmentSpread]
    public init() {}

    public func enterFragmentSpread(_ node: FragmentSpread, _ context: ValidationContext) -> ValidationAction {
        if context.fragment(node.name.value) == nil {
            context.report("Unknown fragment \"\(node.name.value)\".", node: node.name.location)
        }
        return .proceed
    }
}
