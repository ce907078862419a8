/// Leaf Field Selections (GraphQL specification 5.3.3): fields of scalar and enum type have no
/// selection set; fields of object, interface and union type have one.
public final class ScalarLeafsRule: ValidationRule {
    public let events: ValidationEvents = [.enterField]
    public init() {}

    public func enterField(_ node: Field, _ context: ValidationContext) -> ValidationAction {
        guard let type = context.type, let named = context.namedTypeEntry else { return .proceed }
        if named.isLeaf {
            if let selectionSet = node.selectionSet {
                context.report("Field \"\(node.name.value)\" must not have a selection since type \"\(type)\" has no subfields.",
                               node: selectionSet.location)
            }
        } else if node.selectionSet == nil {
            let name = node.name.value
            context.report("Field \"\(name)\" of type \"\(type)\" must have a selection of subfields. Did you mean \"\(name) { ... }\"?",
                           node: node.location)
        }
        return .proceed
    }
}
