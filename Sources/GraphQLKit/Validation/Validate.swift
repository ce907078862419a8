/// Validates an executable document against a schema (GraphQL specification section 5), as
/// graphql-js's `validate`: the errors of every rule, in the order a single walk over the
/// document finds them; after `maxErrors` errors one more, "Too many validation errors, error
/// limit reached. Validation aborted.", ends the walk.
///
/// ```swift
/// let schema = try buildSchema("type Query { name: String }")
/// let document = try Parser.parse("{ nmae }")
/// validate(schema: schema, document: document).map(\.message)
/// // ["Cannot query field \"nmae\" on type \"Query\". Did you mean \"name\"?"]
/// ```
public func validate(schema: GraphQLSchema, document: Document, rules: [ValidationRuleFactory] = specifiedRules,
                     maxErrors: Int = 100) -> [GraphQLError] {
    let context = ValidationContext(schema: schema, document: document, maxErrors: maxErrors)
    var walker = DocumentWalker(context: context, rules: rules.map { $0.make(context) })
    walker.walk(document)
    return context.errors
}

/// graphql-js 16's `specifiedRules` in its order, then MaxIntrospectionDepth (graphql-js 16.9+).
public let specifiedRules: [ValidationRuleFactory] = [
    ValidationRuleFactory(name: "ExecutableDefinitions") { _ in ExecutableDefinitionsRule() },
    ValidationRuleFactory(name: "UniqueOperationNames") { _ in UniqueOperationNamesRule() },
    ValidationRuleFactory(name: "LoneAnonymousOperation") { _ in LoneAnonymousOperationRule() },
    ValidationRuleFactory(name: "SingleFieldSubscriptions") { _ in SingleFieldSubscriptionsRule() },
    ValidationRuleFactory(name: "KnownTypeNames") { KnownTypeNamesRule(context: $0) },
    ValidationRuleFactory(name: "FragmentsOnCompositeTypes") { _ in FragmentsOnCompositeTypesRule() },
    ValidationRuleFactory(name: "VariablesAreInputTypes") { _ in VariablesAreInputTypesRule() },
    ValidationRuleFactory(name: "ScalarLeafs") { _ in ScalarLeafsRule() },
    ValidationRuleFactory(name: "FieldsOnCorrectType") { _ in FieldsOnCorrectTypeRule() },
    ValidationRuleFactory(name: "UniqueFragmentNames") { _ in UniqueFragmentNamesRule() },
    ValidationRuleFactory(name: "KnownFragmentNames") { _ in KnownFragmentNamesRule() },
    ValidationRuleFactory(name: "NoUnusedFragments") { _ in NoUnusedFragmentsRule() },
    ValidationRuleFactory(name: "PossibleFragmentSpreads") { _ in PossibleFragmentSpreadsRule() },
    ValidationRuleFactory(name: "NoFragmentCycles") { _ in NoFragmentCyclesRule() },
    ValidationRuleFactory(name: "UniqueVariableNames") { _ in UniqueVariableNamesRule() },
    ValidationRuleFactory(name: "NoUndefinedVariables") { _ in NoUndefinedVariablesRule() },
    ValidationRuleFactory(name: "NoUnusedVariables") { _ in NoUnusedVariablesRule() },
    ValidationRuleFactory(name: "KnownDirectives") { KnownDirectivesRule(context: $0) },
    ValidationRuleFactory(name: "UniqueDirectivesPerLocation") { UniqueDirectivesPerLocationRule(context: $0) },
    ValidationRuleFactory(name: "KnownArgumentNames") { KnownArgumentNamesRule(context: $0) },
    ValidationRuleFactory(name: "UniqueArgumentNames") { _ in UniqueArgumentNamesRule() },
    ValidationRuleFactory(name: "ValuesOfCorrectType") { _ in ValuesOfCorrectTypeRule() },
    ValidationRuleFactory(name: "ProvidedRequiredArguments") { ProvidedRequiredArgumentsRule(context: $0) },
    ValidationRuleFactory(name: "VariablesInAllowedPosition") { _ in VariablesInAllowedPositionRule() },
    ValidationRuleFactory(name: "OverlappingFieldsCanBeMerged") { _ in OverlappingFieldsCanBeMergedRule() },
    ValidationRuleFactory(name: "UniqueInputFieldNames") { _ in UniqueInputFieldNamesRule() },
    ValidationRuleFactory(name: "MaxIntrospectionDepth") { _ in MaxIntrospectionDepthRule() },
]

extension DocumentValidator {
    /// The specified rules (``specifiedRules``): what execution runs by default.
    public static let specified = DocumentValidator { schema, document in GraphQLKit.validate(schema: schema, document: document) }

    /// The given rules (for example ``specifiedRules`` plus ``ValidationLimits`` rules).
    public static func rules(_ rules: [ValidationRuleFactory], maxErrors: Int = 100) -> DocumentValidator {
        DocumentValidator { schema, document in GraphQLKit.validate(schema: schema, document: document, rules: rules, maxErrors: maxErrors) }
    }
}
