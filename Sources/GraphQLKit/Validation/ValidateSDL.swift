/// Validates an SDL document (graphql-js `validateSDL`): the type-system rules that need no
/// built schema, such as unique names, known types and directives, extensions of existing
/// types. `extending` is the schema the document extends, if any. ``buildSchema(_:options:)``
/// and ``extendSchema(_:with:options:)`` run it first and throw its messages.
///
/// ```swift
/// let document = try Parser.parse("type Query { a: Strin }")
/// validateSDL(document).map(\.message)   // ["Unknown type \"Strin\". Did you mean \"String\"?"]
/// ```
public func validateSDL(_ document: Document, extending schema: GraphQLSchema? = nil,
                        rules: [ValidationRuleFactory] = specifiedSDLRules) -> [GraphQLError] {
    let context = ValidationContext(schema: schema ?? emptySchema, document: document, maxErrors: Int.max, extendedSchema: schema)
    var walker = DocumentWalker(context: context, rules: rules.map { $0.make(context) })
    walker.walk(document)
    return context.errors
}

/// What SDL validation checks against when no schema is extended: the built-in scalars,
/// directives and introspection types only.
private let emptySchema: GraphQLSchema = try! GraphQLSchema(query: nil, types: [])

/// graphql-js 16's `specifiedSDLRules`, in its order.
public let specifiedSDLRules: [ValidationRuleFactory] = [
    ValidationRuleFactory(name: "LoneSchemaDefinition") { LoneSchemaDefinitionRule(context: $0) },
    ValidationRuleFactory(name: "UniqueOperationTypes") { UniqueOperationTypesRule(context: $0) },
    ValidationRuleFactory(name: "UniqueTypeNames") { _ in UniqueTypeNamesRule() },
    ValidationRuleFactory(name: "UniqueEnumValueNames") { _ in UniqueEnumValueNamesRule() },
    ValidationRuleFactory(name: "UniqueFieldDefinitionNames") { _ in UniqueFieldDefinitionNamesRule() },
    ValidationRuleFactory(name: "UniqueArgumentDefinitionNames") { _ in UniqueArgumentDefinitionNamesRule() },
    ValidationRuleFactory(name: "UniqueDirectiveNames") { _ in UniqueDirectiveNamesRule() },
    ValidationRuleFactory(name: "KnownTypeNames") { KnownTypeNamesRule(context: $0) },
    ValidationRuleFactory(name: "KnownDirectives") { KnownDirectivesRule(context: $0) },
    ValidationRuleFactory(name: "UniqueDirectivesPerLocation") { UniqueDirectivesPerLocationRule(context: $0) },
    ValidationRuleFactory(name: "PossibleTypeExtensions") { PossibleTypeExtensionsRule(context: $0) },
    // The directive half of KnownArgumentNames and ProvidedRequiredArguments (fields have no
    // definitions in SDL, so their field half never reports).
    ValidationRuleFactory(name: "KnownArgumentNamesOnDirectives") { KnownArgumentNamesRule(context: $0) },
    ValidationRuleFactory(name: "UniqueArgumentNames") { _ in UniqueArgumentNamesRule() },
    ValidationRuleFactory(name: "UniqueInputFieldNames") { _ in UniqueInputFieldNamesRule() },
    ValidationRuleFactory(name: "ProvidedRequiredArgumentsOnDirectives") { ProvidedRequiredArgumentsRule(context: $0) },
]
