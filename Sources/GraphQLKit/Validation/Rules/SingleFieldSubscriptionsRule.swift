/// Single Root Field (GraphQL specification 5.2.3.1): a subscription selects exactly one root
/// field (after `@skip`/`@include` and fragments are applied), and not an introspection field.
public final class SingleFieldSubscriptionsRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation]
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        guard node.operation == .subscription, let subscriptionType = context.schema.subscriptionType else { return .proceed }
        var keys: [String] = []
        var groups: [String: [Field]] = [:]
        var visitedFragments: Set<String> = []
        collect(node.selectionSet, subscriptionType.name, context, &keys, &groups, &visitedFragments)
        let prefix = node.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
        if keys.count > 1 {
            let extra = keys.dropFirst().flatMap { groups[$0]! }.map(\.location)
            context.report("\(prefix) must select only one top level field.", nodes: extra)
        }
        for key in keys {
            let fields = groups[key]!
            if fields[0].name.value.hasPrefix("__") {
                context.report("\(prefix) must not select an introspection top level field.", nodes: fields.map(\.location))
            }
        }
        return .proceed
    }

    /// The root fields by response key, as execution collects them (no variables are known).
    private func collect(_ selectionSet: SelectionSet, _ typeName: String, _ context: ValidationContext,
                         _ keys: inout [String], _ groups: inout [String: [Field]], _ visitedFragments: inout Set<String>) {
        for selection in selectionSet.selections {
            guard Self.isIncluded(selection.directives) else { continue }
            switch selection {
            case .field(let field):
                let key = field.responseKey
                if groups[key] == nil { keys.append(key) }
                groups[key, default: []].append(field)
            case .inlineFragment(let inline):
                if let condition = inline.typeCondition, !Self.conditionMatches(condition.name.value, typeName, context.schema) { continue }
                collect(inline.selectionSet, typeName, context, &keys, &groups, &visitedFragments)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard visitedFragments.insert(name).inserted, let fragment = context.fragment(name),
                      Self.conditionMatches(fragment.typeCondition.name.value, typeName, context.schema) else { continue }
                collect(fragment.selectionSet, typeName, context, &keys, &groups, &visitedFragments)
            }
        }
    }

    static func conditionMatches(_ condition: String, _ typeName: String, _ schema: GraphQLSchema) -> Bool {
        if condition == typeName { return true }
        guard let conditional = schema.namedType(condition), conditional.isAbstractType else { return false }
        return schema.isSubType(condition, typeName)
    }

    /// `@skip(if: true)` excludes, `@include(if: false)` excludes; a variable counts as not given.
    static func isIncluded(_ directives: [Directive]) -> Bool {
        for directive in directives {
            guard directive.name.value == "skip" || directive.name.value == "include" else { continue }
            guard let argument = directive.arguments.first(where: { $0.name.value == "if" }),
                  case .boolean(let flag) = argument.value else { continue }
            if directive.name.value == "skip" && flag.value { return false }
            if directive.name.value == "include" && !flag.value { return false }
        }
        return true
    }
}
