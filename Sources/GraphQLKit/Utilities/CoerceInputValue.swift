/// A problem found while coercing an input value: where in the value (`path`), the offending
/// part of the value, and the error.
public struct InputCoercionFailure: Sendable {
    public var path: [PathComponent]
    public var invalidValue: JSONValue
    public var error: GraphQLError
}

extension GraphQLSchema {
    /// Coerces an external (JSON) value to `type`'s internal form, as graphql-js's
    /// `coerceInputValue` does for variables: lists accept a single item, input objects get
    /// their field defaults, enums and scalars parse. Every problem is reported through
    /// `onError` (coercion goes on to find the others); the result is meaningful only when
    /// none was reported.
    ///
    /// ```swift
    /// var problems: [InputCoercionFailure] = []
    /// let value = schema.coerceInputValue(.int(4), type: .list(.named("ID"))) { problems.append($0) }
    /// // ["4"]
    /// ```
    public func coerceInputValue(_ value: JSONValue, type: GraphQLType, onError: (InputCoercionFailure) -> Void) -> JSONValue {
        var path: [PathComponent] = []
        return coerce(value, type: type, path: &path, onError: onError)
    }

    /// The deepest nesting of lists and input objects coerced (deeper values are an error,
    /// never a stack overflow; JSON from a request is limited to 128 levels by its parser).
    public static let maxInputDepth = 512

    private func coerce(_ value: JSONValue, type: GraphQLType, path: inout [PathComponent], onError: (InputCoercionFailure) -> Void) -> JSONValue {
        if path.count > Self.maxInputDepth {
            onError(InputCoercionFailure(path: path, invalidValue: .null,
                                         error: GraphQLError(message: "The value is nested more than \(Self.maxInputDepth) levels deep.")))
            return .null
        }
        switch type {
        case .nonNull(let inner):
            if !value.isNull { return coerce(value, type: inner, path: &path, onError: onError) }
            onError(InputCoercionFailure(path: path, invalidValue: value,
                                         error: GraphQLError(message: "Expected non-nullable type \"\(type)\" not to be null.")))
            return .null
        case .list(let itemType):
            if value.isNull { return .null }
            if case .array(let items) = value {
                var coerced: [JSONValue] = []
                coerced.reserveCapacity(items.count)
                for (index, item) in items.enumerated() {
                    path.append(.index(index))
                    coerced.append(coerce(item, type: itemType, path: &path, onError: onError))
                    path.removeLast()
                }
                return .array(coerced)
            }
            return .array([coerce(value, type: itemType, path: &path, onError: onError)])
        case .named(let name):
            if value.isNull { return .null }
            switch namedType(name) {
            case .inputObject(let inputType)?:
                guard case .object(let object) = value else {
                    onError(InputCoercionFailure(path: path, invalidValue: value,
                                                 error: GraphQLError(message: "Expected type \"\(name)\" to be an object.")))
                    return .null
                }
                var coerced = JSONObject()
                for field in inputType.fields {
                    guard let fieldValue = object[field.name] else {
                        if let defaultValue = field.defaultValue {
                            coerced.appendNew(field.name, defaultValue)
                        } else if field.type.isNonNull {
                            onError(InputCoercionFailure(path: path, invalidValue: value,
                                                         error: GraphQLError(message: "Field \"\(field.name)\" of required type \"\(field.type)\" was not provided.")))
                        }
                        continue
                    }
                    path.append(.key(field.name))
                    coerced.appendNew(field.name, coerce(fieldValue, type: field.type, path: &path, onError: onError))
                    path.removeLast()
                }
                for key in javaScriptPropertyOrder(object).map(\.0) where !inputType.fields.contains(name: key) {
                    let suggestions = suggestionList(key, options: inputType.fields.names)
                    onError(InputCoercionFailure(path: path, invalidValue: value,
                                                 error: GraphQLError(message: "Field \"\(key)\" is not defined by type \"\(name)\"." + didYouMean(suggestions))))
                }
                if inputType.isOneOf {
                    if coerced.count != 1 {
                        onError(InputCoercionFailure(path: path, invalidValue: value,
                                                     error: GraphQLError(message: "Exactly one key must be specified for OneOf type \"\(name)\".")))
                    } else if coerced.values[0].isNull {
                        onError(InputCoercionFailure(path: path + [.key(coerced.keys[0])], invalidValue: .null,
                                                     error: GraphQLError(message: "Field \"\(coerced.keys[0])\" must be non-null.")))
                    }
                }
                return .object(coerced)
            case .scalar(let scalar)?:
                do {
                    return try scalar.coercion.parseValue(value)
                } catch {
                    onError(InputCoercionFailure(path: path, invalidValue: value, error: leafError(error, typeName: name)))
                    return .null
                }
            case .enum(let enumType)?:
                guard case .string(let string) = value else {
                    let shown = inspect(value)
                    onError(InputCoercionFailure(path: path, invalidValue: value, error: GraphQLError(
                        message: "Enum \"\(name)\" cannot represent non-string value: \(shown)." + didYouMean("the enum value", suggestionList(shown, options: enumType.values.names)))))
                    return .null
                }
                guard enumType.values.contains(name: string) else {
                    onError(InputCoercionFailure(path: path, invalidValue: value, error: GraphQLError(
                        message: "Value \"\(string)\" does not exist in \"\(name)\" enum." + didYouMean("the enum value", suggestionList(string, options: enumType.values.names)))))
                    return .null
                }
                return value
            default:
                onError(InputCoercionFailure(path: path, invalidValue: value, error: GraphQLError(message: "Expected type \"\(name)\".")))
                return .null
            }
        }
    }
}

/// A scalar hook's failure as coercion reports it: a ``GraphQLError`` as it is, anything else
/// as `Expected type "Name". <message>`.
func leafError(_ error: any Error, typeName: String) -> GraphQLError {
    if let graphQLError = error as? GraphQLError { return graphQLError }
    return GraphQLError(message: "Expected type \"\(typeName)\". \(errorMessage(error))")
}

/// The message of any error: a ``GraphQLError``'s message, else its description.
func errorMessage(_ error: any Error) -> String {
    if let graphQLError = error as? GraphQLError { return graphQLError.message }
    return String(describing: error)
}

/// `"name.field[0]"`-style path text, as graphql-js's `printPathArray` appends it.
func printPathArray(_ path: [PathComponent]) -> String {
    var text = ""
    for component in path {
        switch component {
        case .key(let key): text += "." + key
        case .index(let index): text += "[\(index)]"
        }
    }
    return text
}
