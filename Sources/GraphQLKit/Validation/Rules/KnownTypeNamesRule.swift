/// Type names used in a document (variable types, fragment conditions) exist in the schema
/// (GraphQL specification 5.7.3 and 5.5.1.2).
public final class KnownTypeNamesRule: ValidationRule {
    public let events: ValidationEvents = [.enterNamedType]
    private let definedTypes: Set<String>
    private var typeNames: [String]?
    public init(context: ValidationContext) {
        var defined: Set<String> = []
        for case .type(let type) in context.document.definitions { defined.insert(type.name.value) }
        definedTypes = defined
    }

    /// The specified scalars and introspection types.
    static let standardTypeNames: [String] = GraphQLScalarType.specified.map(\.name) + Introspection.types.map(\.name)

    public func enterNamedType(_ node: NamedType, _ context: ValidationContext) -> ValidationAction {
        let name = node.name.value
        guard context.schema.namedType(name) == nil, !definedTypes.contains(name) else { return .proceed }
        let isSDL = context.inTypeSystemDefinition
        if isSDL && Self.standardTypeNames.contains(name) { return .proceed }
        if typeNames == nil {
            var names = context.schema.types.map(\.name)
            for case .type(let type) in context.document.definitions where !names.contains(type.name.value) { names.append(type.name.value) }
            typeNames = names
        }
        let suggestions = suggestionList(name, options: isSDL ? Self.standardTypeNames + typeNames! : typeNames!)
        context.report("Unknown type \"\(name)\"." + didYouMean(suggestions), node: node.location)
        return .proceed
    }
}
