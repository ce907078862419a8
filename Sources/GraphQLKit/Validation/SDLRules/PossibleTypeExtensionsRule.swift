/// Type extensions (GraphQL specification 3.4.3): an extension extends a type that is defined,
/// of the same kind.
public final class PossibleTypeExtensionsRule: ValidationRule {
    public let events: ValidationEvents = [.enterTypeSystemNode]
    private var definedTypes: [String: TypeDefinition] = [:]
    private var definedOrder: [String] = []

    public init(context: ValidationContext) {
        for case .type(let type) in context.document.definitions {
            if definedTypes[type.name.value] == nil { definedOrder.append(type.name.value) }
            definedTypes[type.name.value] = type
        }
    }

    public func enterTypeSystemNode(_ node: TypeSystemNodeDirectives, _ context: ValidationContext) -> ValidationAction {
        guard case .typeExtension(let typeExtension)? = node.definition else { return .proceed }
        let name = typeExtension.name.value
        let kind = TypeKind(typeExtension)
        let definition = definedTypes[name]
        let expected: TypeKind? = definition.map(TypeKind.init) ?? context.extendedSchema?.namedType(name)?.kind
        if let expected {
            if expected != kind {
                let nodes: [Location?] = definition.map { [$0.location, typeExtension.location] } ?? [typeExtension.location]
                context.report("Cannot extend non-\(kind.word) type \"\(name)\".", nodes: nodes)
            }
        } else {
            var names = definedOrder
            for type in context.extendedSchema?.types ?? [] where definedTypes[type.name] == nil { names.append(type.name) }
            context.report("Cannot extend type \"\(name)\" because it is not defined." + didYouMean(suggestionList(name, options: names)),
                           node: typeExtension.name.location)
        }
        return .proceed
    }
}
