extension GraphQLSchema {
    /// The literal that denotes an internal value of `type` (graphql-js `astFromValue`): what
    /// printing and introspection show for default values. Nil when the value cannot be
    /// written for the type (`null` for a non-null type); throws when a custom scalar's value
    /// has no literal form (an object, say).
    ///
    /// ```swift
    /// let literal = try schema.astFromValue(.int(1), type: .named("Float"))
    /// Printer.print(literal!)     // "1"
    /// ```
    public func astFromValue(_ value: JSONValue, type: GraphQLType) throws(GraphQLError) -> Value? {
        switch type {
        case .nonNull(let inner):
            let literal = try astFromValue(value, type: inner)
            if case .null? = literal { return nil }
            return literal
        case .list(let itemType):
            if case .null = value { return .null(NullValue()) }
            if case .array(let items) = value {
                var values: [Value] = []
                for item in items {
                    if let literal = try astFromValue(item, type: itemType) { values.append(literal) }
                }
                return .list(ListValue(values: values))
            }
            return try astFromValue(value, type: itemType)
        case .named(let name):
            if case .null = value { return .null(NullValue()) }
            switch namedType(name) {
            case .inputObject(let inputType)?:
                guard case .object(let object) = value else { return nil }
                var fields: [ObjectField] = []
                for field in inputType.fields {
                    guard let fieldValue = object[field.name], let literal = try astFromValue(fieldValue, type: field.type) else { continue }
                    fields.append(ObjectField(name: Name(field.name), value: literal))
                }
                return .object(ObjectValue(fields: fields))
            case .enum(let enumType)?:
                guard case .string(let string) = value, enumType.values.contains(name: string) else {
                    throw GraphQLError(message: "Enum \"\(name)\" cannot represent value: \(inspect(value))")
                }
                return .enumValue(EnumValue(string))
            case .scalar(let scalar)?:
                let serialized: JSONValue
                do {
                    serialized = try scalar.coercion.serialize(.json(value), scalarName: name)
                } catch {
                    throw leafError(error, typeName: name)
                }
                switch serialized {
                case .null: return nil
                case .bool(let bool): return .boolean(BooleanValue(bool))
                case .int(let int): return .int(IntValue(String(int)))
                case .double(let double) where double.isFinite:
                    let text = formatECMAScriptNumber(double)
                    return isIntegerLiteral(text) ? .int(IntValue(text)) : .float(FloatValue(text))
                case .string(let string):
                    if name == "ID" && isIntegerLiteral(string) { return .int(IntValue(string)) }
                    return .string(StringValue(string))
                default:
                    throw GraphQLError(message: "Cannot convert value to AST: \(inspect(serialized)).")
                }
            default:
                return nil
            }
        }
    }
}

/// `/^-?(?:0|[1-9][0-9]*)$/`.
func isIntegerLiteral(_ text: String) -> Bool {
    var bytes = text.utf8[...]
    if bytes.first == 0x2D { bytes = bytes.dropFirst() }
    guard let first = bytes.first, first >= 0x30, first <= 0x39 else { return false }
    if first == 0x30 { return bytes.count == 1 }
    return bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
}
