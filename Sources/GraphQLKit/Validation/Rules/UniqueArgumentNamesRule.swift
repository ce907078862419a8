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
        context.reportRepeatedNames(arguments.lazy.map(\.name)) { "There can be only one argument named \"\($0)\"." }
    }

    private func check(_ arguments: [Argument], _ context: ValidationContext) { Self.check(arguments, context) }
}
