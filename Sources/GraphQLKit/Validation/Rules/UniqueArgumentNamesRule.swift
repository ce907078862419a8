/// Argument Uniqueness (GraphQL specification 5.4.2): a field or directive is given each
/// argument once.
public final class UniqueArgumentNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterField, .enterDirective]
    public init() {}

    public func enterField(_ node: Field, _ context: ValidationContext) -> ValidationAction {
        check(node.arguments, context)
        return .proceed
    }

    public func enterDirective(_ node: Directive, _ context: ValidationContext) -> ValidationAction {
        check(node.arguments, context)
        return .proceed
    }

    static func check(_ arguments: [Argument], _ context: ValidationContext) {
        guard arguments.count > 1 else { return }
        var order: [String] = []
        var groups: [String: [Location?]] = [:]
        for argument in arguments {
            if groups[argument.name.value] == nil { order.append(argument.name.value) }
            groups[argument.name.value, default: []].append(argument.name.location)
        }
        for name in order where groups[name]!.count > 1 {
            context.report("There can be only one argument named \"\(name)\".", nodes: groups[name]!)
        }
    }

    private func check(_ arguments: [Argument], _ context: ValidationContext) { Self.check(arguments, context) }
}
