/// Schema (GraphQL specification 3.3): an SDL document defines at most one schema, and none
/// when it extends a schema that already has one (or has root types).
public final class LoneSchemaDefinitionRule: ValidationRule {
    public let events: ValidationEvents = [.enterTypeSystemNode]
    private let alreadyDefined: Bool
    private var count = 0

    public init(context: ValidationContext) {
        let old = context.extendedSchema
        alreadyDefined = old?.astNode != nil || old?.queryType != nil || old?.mutationType != nil || old?.subscriptionType != nil
    }

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        guard case .schema(let schema)? = node.definition else { return .proceed }
        if alreadyDefined {
            context.report("Cannot define a new schema within a schema extension.", node: schema.location)
            return .proceed
        }
        if count > 0 { context.report("Must provide only one schema definition.", node: schema.location) }
        count += 1
        return .proceed
    }
}
