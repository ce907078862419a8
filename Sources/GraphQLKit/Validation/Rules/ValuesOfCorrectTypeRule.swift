/// Values of Correct Type (GraphQL specification 5.6.1) and Input Object Required Fields
/// (5.6.4): every literal fits the input type of its position, scalars and enums by their
/// literal parsers (with their messages); object literals give every required field, name only
/// defined fields and, for a `@oneOf` input object, exactly one non-null field.
public final class ValuesOfCorrectTypeRule: ValidationRule {
    public let events: ValidationEvents = [.enterOperation, .enterVariableDefinition, .enterListValue, .enterObjectValue,
                                           .enterObjectField, .enterNullValue, .enterLeafValue]
    private var variableDefinitions: [String: VariableDefinition] = [:]
    public init() {}

    public func enterOperation(_ node: OperationDefinition, _ context: ValidationContext) -> ValidationAction {
        variableDefinitions = [:]
        return .proceed
    }

    public func enterVariableDefinition(_ node: VariableDefinition, _ context: ValidationContext) -> ValidationAction {
        variableDefinitions[node.variable.name.value] = node
        return .proceed
    }

    public func enterListValue(_ node: ListValue, _ context: ValidationContext) -> ValidationAction {
        if case .list? = context.parentInputType?.nullable { return .proceed }
        Self.checkLeaf(.list(node), context)
        return .skip
    }

    public func enterObjectValue(_ node: ObjectValue, _ context: ValidationContext) -> ValidationAction {
        guard let inputType = context.inputType, case .inputObject(let type)? = context.schema.namedType(inputType) else {
            Self.checkLeaf(.object(node), context)
            return .skip
        }
        var given: [String: ObjectField] = [:]
        var keys: [String] = []
        for field in node.fields {
            if given[field.name.value] == nil { keys.append(field.name.value) }
            given[field.name.value] = field
        }
        for definition in type.fields where given[definition.name] == nil && definition.isRequired {
            context.report("Field \"\(type.name).\(definition.name)\" of required type \"\(definition.type)\" was not provided.",
                           node: node.location)
        }
        if type.isOneOf { checkOneOf(node, type, keys, given, context) }
        return .proceed
    }

    private func checkOneOf(_ node: ObjectValue, _ type: GraphQLInputObjectType, _ keys: [String], _ given: [String: ObjectField],
                            _ context: ValidationContext) {
        guard keys.count == 1 else {
            context.report("OneOf Input Object \"\(type.name)\" must specify exactly one key.", node: node.location)
            return
        }
        switch given[keys[0]]!.value {
        case .null:
            context.report("Field \"\(type.name).\(keys[0])\" must be non-null.", node: node.location)
        case .variable(let variable):
            if let definition = variableDefinitions[variable.name.value], !Self.isNonNull(definition.type) {
                context.report("Variable \"\(variable.name.value)\" must be non-nullable to be used for OneOf Input Object \"\(type.name)\".",
                               node: node.location)
            }
        default:
            break
        }
    }

    private static func isNonNull(_ type: TypeReference) -> Bool {
        if case .nonNull = type { return true }
        return false
    }

    public func enterObjectField(_ node: ObjectField, _ context: ValidationContext) -> ValidationAction {
        guard context.inputType == nil, let parent = context.parentInputType,
              case .inputObject(let parentType)? = context.schema.namedType(parent) else { return .proceed }
        let suggestions = suggestionList(node.name.value, options: parentType.fields.names)
        context.report("Field \"\(node.name.value)\" is not defined by type \"\(parentType.name)\"." + didYouMean(suggestions), node: node.location)
        return .proceed
    }

    public func enterNullValue(_ node: NullValue, _ context: ValidationContext) -> ValidationAction {
        if let type = context.inputType, type.isNonNull {
            context.report("Expected value of type \"\(type)\", found null.", node: node.location)
        }
        return .proceed
    }

    public func enterLeafValue(_ value: Value, _ context: ValidationContext) -> ValidationAction {
        Self.checkLeaf(value, context)
        return .proceed
    }

    /// Whether a literal parses as the leaf type at its position (graphql-js `isValidValueNode`).
    static func checkLeaf(_ value: Value, _ context: ValidationContext) {
        guard let locationType = context.inputType else { return }
        switch context.schema.namedType(locationType) {
        case .enum(let enumType)?:
            guard case .enumValue(let literal) = value else {
                let printed = Printer.print(value)
                context.report("Enum \"\(enumType.name)\" cannot represent non-enum value: \(printed)."
                               + didYouMean("the enum value", suggestionList(printed, options: enumType.values.names)), node: value.location)
                return
            }
            if enumType.values[literal.value] == nil {
                context.report("Value \"\(literal.value)\" does not exist in \"\(enumType.name)\" enum."
                               + didYouMean("the enum value", suggestionList(literal.value, options: enumType.values.names)), node: value.location)
            }
        case .scalar(let scalar)?:
            do {
                _ = try scalar.coercion.parseLiteral(value, variables: nil)
            } catch let error as GraphQLError {
                context.report(error, node: value.location)
            } catch {
                context.report("Expected value of type \"\(locationType)\", found \(Printer.print(value)); \(error)", node: value.location)
            }
        default:
            context.report("Expected value of type \"\(locationType)\", found \(Printer.print(value)).", node: value.location)
        }
    }
}
