/// Lone Anonymous Operation (GraphQL specification 5.2.2.1): an operation without a name must
/// be the document's only operation.
public final class LoneAnonymousOperationRule: ValidationRule {
    public let events: ValidationEvents = [.enterDocument, .enterOperation]
    private var operationCount = 0
    public init() {}

    public func enterDocument(_ node: Document, _ context: ValidationContext) -> ValidationAction {
        operationCount = node.definitions.reduce(0) { count, definition in
            if case .operation = definition { return count + 1 }
            return count
        }
        return .proceed
    }

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        if node.name == nil && operationCount > 1 {
            context.report("This anonymous operation must be the only defined operation.", node: node.location)
        }
        return .proceed
    }
}
