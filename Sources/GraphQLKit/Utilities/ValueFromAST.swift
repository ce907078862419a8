/// Where value coercion looks up named input types: a schema, or the types being built from SDL.
protocol InputTypeLookup {
    func inputNamedType(_ name: String) -> GraphQLNamedType?
    /// The kind of the named type, without building it.
    func inputTypeKind(_ name: String) -> TypeKind?
}

extension GraphQLSchema: InputTypeLookup {
    func inputNamedType(_ name: String) -> GraphQLNamedType? { namedType(name) }
    func inputTypeKind(_ name: String) -> TypeKind? { namedType(name)?.kind }
}

extension GraphQLSchema {
    /// Coerces a literal to `type`'s internal value, as graphql-js's `valueFromAST`: nil when
    /// the literal is not valid for the type (no error message: validation explains).
    /// Variables in the literal take their coerced value from `variables`.
    ///
    /// ```swift
    /// let value = schema.valueFromAST(try Parser.parseValue("{lat: 1, lon: 2}"), type: .named("Point"))
    /// // {"lat": 1, "lon": 2, "alt": 0}  — field defaults filled in, definition order
    /// ```
    public func valueFromAST(_ value: Value, type: GraphQLType, variables: JSONObject? = nil) -> JSONValue? {
        GraphQLKit.valueFromAST(value, type: type, variables: variables, lookup: self)
    }
}

func valueFromAST(_ value: Value, type: GraphQLType, variables: JSONObject?, lookup: some InputTypeLookup) -> JSONValue? {
    if case .variable(let variable) = value {
        guard let variableValue = variables?[variable.name.value] else { return nil }
        if variableValue.isNull && type.isNonNull { return nil }
        return variableValue
    }
    switch type {
    case .nonNull(let inner):
        if case .null = value { return nil }
        return valueFromAST(value, type: inner, variables: variables, lookup: lookup)
    case .list(let itemType):
        if case .null = value { return .null }
        if case .list(let list) = value {
            var items: [JSONValue] = []
            items.reserveCapacity(list.values.count)
            for item in list.values {
                if isMissingVariable(item, variables) {
                    if itemType.isNonNull { return nil }
                    items.append(.null)
                } else {
                    guard let coerced = valueFromAST(item, type: itemType, variables: variables, lookup: lookup) else { return nil }
                    items.append(coerced)
                }
            }
            return .array(items)
        }
        guard let coerced = valueFromAST(value, type: itemType, variables: variables, lookup: lookup) else { return nil }
        return .array([coerced])
    case .named(let name):
        if case .null = value { return .null }
        // A non-object literal for an input object fails without reading the type's fields.
        if lookup.inputTypeKind(name) == .inputObject, !value.isObjectLiteral { return nil }
        switch lookup.inputNamedType(name) {
        case .inputObject(let inputType)?:
            guard case .object(let object) = value else { return nil }
            var fieldNodes: [String: ObjectField] = [:]
            for field in object.fields where fieldNodes[field.name.value] == nil { fieldNodes[field.name.value] = field }
            var coerced = JSONObject()
            for field in inputType.fields {
                guard let fieldNode = fieldNodes[field.name], !isMissingVariable(fieldNode.value, variables) else {
                    if let defaultValue = field.defaultValue {
                        coerced.appendNew(field.name, defaultValue)
                    } else if field.type.isNonNull {
                        return nil
                    }
                    continue
                }
                guard let fieldValue = valueFromAST(fieldNode.value, type: field.type, variables: variables, lookup: lookup) else { return nil }
                coerced.appendNew(field.name, fieldValue)
            }
            if inputType.isOneOf {
                guard coerced.count == 1, !coerced.values[0].isNull else { return nil }
            }
            return .object(coerced)
        case .scalar(let scalar)?:
            return try? scalar.coercion.parseLiteral(value, variables: variables)
        case .enum(let enumType)?:
            guard case .enumValue(let enumValue) = value, enumType.values.contains(name: enumValue.value) else { return nil }
            return .string(enumValue.value)
        default:
            return nil
        }
    }
}

extension Value {
    var isObjectLiteral: Bool {
        if case .object = self { return true }
        return false
    }
}

private func isMissingVariable(_ value: Value, _ variables: JSONObject?) -> Bool {
    if case .variable(let variable) = value {
        return variables?[variable.name.value] == nil
    }
    return false
}

/// A literal's JSON form without a type (graphql-js `valueFromASTUntyped`): what a custom
/// scalar receives by default. Numbers become JavaScript numbers, enum values their name,
/// variables their value (a list gets `null` for a missing one, an object leaves it out).
public func valueFromASTUntyped(_ value: Value, variables: JSONObject?) -> JSONValue {
    untypedValue(value, variables: variables) ?? .null
}

private func untypedValue(_ value: Value, variables: JSONObject?) -> JSONValue? {
    switch value {
    case .null: return .null
    case .int(let int): return BuiltInScalarCoercion.numberJSON(javaScriptParseInt(int.value))
    case .float(let float): return BuiltInScalarCoercion.numberJSON(javaScriptNumber(float.value))
    case .string(let string): return .string(string.value)
    case .boolean(let bool): return .bool(bool.value)
    case .enumValue(let enumValue): return .string(enumValue.value)
    case .list(let list): return .array(list.values.map { untypedValue($0, variables: variables) ?? .null })
    case .object(let object):
        var result = JSONObject()
        for field in object.fields {
            if let fieldValue = untypedValue(field.value, variables: variables) {
                result[field.name.value] = fieldValue
            } else {
                result[field.name.value] = nil
            }
        }
        return .object(result)
    case .variable(let variable): return variables?[variable.name.value]
    }
}

/// `parseInt(text, 10)` for an integer literal's text (digits with an optional minus sign).
func javaScriptParseInt(_ text: String) -> Double {
    if let exact = Int(text) { return Double(exact) }
    return Double(text) ?? .nan
}
