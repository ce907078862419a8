/// Introspection queries may nest the list fields of `__Type` (`fields`, `interfaces`,
/// `possibleTypes`, `inputFields`) at most three deep (graphql-js 16.9+ and graphql-core 3.2.8
/// `MaxIntrospectionDepthRule`; not in the specification). Fragments are followed once per
/// path; results per fragment and depth are remembered, so fragment fan-out stays linear.
public final class MaxIntrospectionDepthRule: ValidationRule {
    public let events: ValidationEvents = [.enterField]
    private static let maxListDepth = 3
    private var visiting: Set<String> = []
    private var memo: [String: [Int: Bool]] = [:]
    public init() {}

    public func enterField(_ node: Field, _ context: ValidationContext) -> ValidationAction {
        let name = node.name.value
        guard name == "__schema" || name == "__type" else { return .proceed }
        if exceeds(.field(node), depth: 0, context) {
            context.report("Maximum introspection depth exceeded", node: node.location)
            return .skip
        }
        return .proceed
    }

    private func exceeds(_ selection: Selection, depth: Int, _ context: ValidationContext) -> Bool {
        var depth = depth
        let selectionSet: SelectionSet?
        switch selection {
        case .fragmentSpread(let spread):
            let name = spread.name.value
            if visiting.contains(name) { return false }
            guard let fragment = context.fragment(name) else { return false }
            if let known = memo[name]?[depth] { return known }
            visiting.insert(name)
            let result = fragment.selectionSet.selections.contains { exceeds($0, depth: depth, context) }
            visiting.remove(name)
            memo[name, default: [:]][depth] = result
            return result
        case .field(let field):
            switch field.name.value {
            case "fields", "interfaces", "possibleTypes", "inputFields":
                depth += 1
                if depth >= Self.maxListDepth { return true }
            default: break
            }
            selectionSet = field.selectionSet
        case .inlineFragment(let inline):
            selectionSet = inline.selectionSet
        }
        guard let selectionSet else { return false }
        return selectionSet.selections.contains { exceeds($0, depth: depth, context) }
    }
}
