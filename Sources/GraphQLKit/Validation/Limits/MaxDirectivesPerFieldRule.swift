/// Limits how many directives one field carries (``ValidationLimits/maxDirectivesPerField``).
public final class MaxDirectivesPerFieldRule: ValidationRule {
    public let events: ValidationEvents = [.enterField]
    private let maximum: Int

    public init(maximum: Int) { self.maximum = maximum }

    public func enterField(_ node: Field, _ context: ValidationContext) -> ValidationAction {
        if node.directives.count > maximum {
            context.report("Field \"\(node.responseKey)\" has \(node.directives.count) directives, more than the allowed maximum of \(maximum) per field.",
                           node: node.location)
        }
        return .proceed
    }
}
