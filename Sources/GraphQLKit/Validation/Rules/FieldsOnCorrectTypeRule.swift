/// Field Selections (GraphQL specification 5.3.1): every selected field is defined on the
/// parent type; the error suggests types (for abstract parents) or similarly named fields.
public final class FieldsOnCorrectTypeRule: ValidationRule {
    public let events: ValidationEvents = [.enterField]
    public init() {}

    public func enterField(_ node: Field, _ context: ValidationContext) -> ValidationAction {
        guard context.fieldEntry == nil, let parentType = context.parentType else { return .proceed }
        let fieldName = node.name.value
        var suggestion = didYouMean("to use an inline fragment on", Self.suggestedTypeNames(context.schema, parentType, fieldName))
        if suggestion.isEmpty, let fields = parentType.fields {
            suggestion = didYouMean(suggestionList(fieldName, options: fields.names))
        }
        context.report("Cannot query field \"\(fieldName)\" on type \"\(parentType.name)\"." + suggestion, node: node.location)
        return .proceed
    }

    /// The possible types of an abstract type that have the field, and their interfaces that
    /// have it, most used first, interfaces before their subtypes, then by name.
    static func suggestedTypeNames(_ schema: GraphQLSchema, _ type: GraphQLNamedType, _ fieldName: String) -> [String] {
        guard type.isAbstractType else { return [] }
        var suggested: [String] = []
        var usageCount: [String: Int] = [:]
        for possibleType in schema.possibleTypes(of: type.name) {
            guard possibleType.fields[fieldName] != nil else { continue }
            if usageCount[possibleType.name] == nil { suggested.append(possibleType.name) }
            usageCount[possibleType.name] = 1
            for interfaceName in possibleType.interfaces {
                guard let interface = schema.interfaceType(interfaceName), interface.fields[fieldName] != nil else { continue }
                if usageCount[interfaceName] == nil { suggested.append(interfaceName) }
                usageCount[interfaceName, default: 0] += 1
            }
        }
        return suggested.sorted { a, b in
            let difference = usageCount[b]! - usageCount[a]!
            if difference != 0 { return difference < 0 }
            if schema.interfaceType(a) != nil && schema.isSubType(a, b) { return true }
            if schema.interfaceType(b) != nil && schema.isSubType(b, a) { return false }
            return naturalCompare(a, b) < 0
        }
    }
}
