// Coercion of the values an operation carries: variable values from the request, and the
// arguments of fields and directives (graphql-js `execution/values`).

/// Coerces literal arguments to the internal values the definitions describe (graphql-js
/// `getArgumentValues`): defaults filled in, variables substituted, keys in definition order.
/// `nodeLocation` is where a missing required argument is reported (the field or directive).
func coerceArgumentValues(_ definitions: [GraphQLInputValue], _ arguments: [Argument], nodeLocation: Location?, source: Source?,
                          variables: JSONObject?, lookup: some InputTypeLookup) throws(GraphQLError) -> JSONObject {
    var coerced = JSONObject()
    for definition in definitions {
        let name = definition.name
        guard let argument = arguments.first(where: { $0.name.value == name }) else {
            if let defaultValue = definition.defaultValue {
                coerced.appendNew(name, defaultValue)
            } else if definition.type.isNonNull {
                throw GraphQLError(message: "Argument \"\(name)\" of required type \"\(definition.type)\" was not provided.", nodes: [nodeLocation], source: source)
            }
            continue
        }
        let valueNode = argument.value
        var isNull: Bool
        if case .null = valueNode { isNull = true } else { isNull = false }
        if case .variable(let variable) = valueNode {
            guard let variableValue = variables?[variable.name.value] else {
                if let defaultValue = definition.defaultValue {
                    coerced.appendNew(name, defaultValue)
                } else if definition.type.isNonNull {
                    throw GraphQLError(
                        message: "Argument \"\(name)\" of required type \"\(definition.type)\" was provided the variable \"$\(variable.name.value)\" which was not provided a runtime value.",
                        nodes: [valueNode.location], source: source)
                }
                continue
            }
            isNull = variableValue.isNull
        }
        if isNull && definition.type.isNonNull {
            throw GraphQLError(message: "Argument \"\(name)\" of non-null type \"\(definition.type)\" must not be null.", nodes: [valueNode.location], source: source)
        }
        guard let value = valueFromAST(valueNode, type: definition.type, variables: variables, lookup: lookup) else {
            throw GraphQLError(message: "Argument \"\(name)\" has invalid value \(Printer.print(valueNode)).", nodes: [valueNode.location], source: source)
        }
        coerced.appendNew(name, value)
    }
    return coerced
}

extension GraphQLSchema {
    /// Coerces an operation's variable values from the request's JSON (graphql-js
    /// `getVariableValues`): every definition in order, defaults applied, at most 50 errors.
    /// Variables that are neither given nor defaulted are absent from the result; the values are
    /// meaningful only when `errors` is empty.
    public func coerceVariableValues(_ definitions: [VariableDefinition], inputs: JSONObject, source: Source? = nil,
                                     maxErrors: Int = 50) -> (values: JSONObject, errors: [GraphQLError]) {
        var errors: [GraphQLError] = []
        var coerced = JSONObject()
        var limitReached = false
        func report(_ error: GraphQLError) {
            guard !limitReached else { return }
            if errors.count >= maxErrors {
                errors.append(GraphQLError(message: "Too many errors processing variables, error limit reached. Execution aborted."))
                limitReached = true
                return
            }
            errors.append(error)
        }
        for definition in definitions {
            if limitReached { break }
            let name = definition.variable.name.value
            let type = GraphQLType(definition.type)
            guard isInputType(type) else {
                report(GraphQLError(message: "Variable \"$\(name)\" expected value of type \"\(Printer.print(definition.type))\" which cannot be used as an input type.",
                                    nodes: [definition.type.location], source: source))
                continue
            }
            guard let input = inputs[name] else {
                if let defaultValue = definition.defaultValue {
                    if let value = valueFromAST(defaultValue, type: type) { coerced[name] = value }
                } else if type.isNonNull {
                    report(GraphQLError(message: "Variable \"$\(name)\" of required type \"\(type)\" was not provided.", nodes: [definition.location], source: source))
                }
                continue
            }
            if input.isNull && type.isNonNull {
                report(GraphQLError(message: "Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.", nodes: [definition.location], source: source))
                continue
            }
            let value = coerceInputValue(input, type: type) { failure in
                var prefix = "Variable \"$\(name)\" got invalid value \(inspect(failure.invalidValue))"
                if !failure.path.isEmpty { prefix += " at \"\(name)\(printPathArray(failure.path))\"" }
                report(GraphQLError(message: prefix + "; " + failure.error.message, nodes: [definition.location], source: source))
            }
            coerced[name] = value
        }
        return (coerced, errors)
    }
}
