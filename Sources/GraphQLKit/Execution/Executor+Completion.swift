// Value completion (GraphQL specification 6.4.3, graphql-js `completeValue`): a resolved value
// becomes response JSON according to the field's type.

extension Executor {
    /// Writes `value` completed as `completion` at the current position, or returns the error
    /// that makes this position null (the caller decides whether it stops here).
    mutating func complete(_ completion: Completion, _ value: ResolvedValue, _ field: FieldPlan) -> GraphQLError? {
        if case .error(let error) = value { return located(error, field) }
        switch completion {
        case .nonNull(let inner):
            if value.isNull {
                return fieldError("Cannot return null for non-nullable field \(field.parentTypeName).\(field.fieldName).", field)
            }
            return complete(inner, value, field)
        case _ where value.isNull:
            output.append(contentsOf: nullBytes)
            return nil
        case .builtInScalar(let kind):
            return writeBuiltInScalar(kind, value, field)
        case .list(let itemCompletion):
            return completeList(itemCompletion, value, field)
        case .object(let typeName):
            return completeObject(typeName, value, field)
        case .abstract(let typeName):
            return completeAbstract(typeName, value, field)
        case .enumType(let enumType):
            let name: String
            switch value {
            case .string(let string): name = string
            case .json(.string(let string)): name = string
            default: return fieldError("Enum \"\(enumType.name)\" cannot represent value: \(inspect(value))", field)
            }
            guard enumType.values.contains(name: name) else {
                return fieldError("Enum \"\(enumType.name)\" cannot represent value: \(inspect(value))", field)
            }
            writeJSONString(name, to: &output)
            return nil
        case .customScalar(let scalar):
            do {
                let serialized = try scalar.coercion.serialize(value, scalarName: scalar.name)
                if serialized.isNull {
                    return fieldError("Expected `\(scalar.name).serialize(\(inspect(value)))` to return non-nullable value, returned: null", field)
                }
                serialized.write(to: &output)
                return nil
            } catch {
                return located(error, field)
            }
        }
    }

    /// The specified scalars, written without building intermediate JSON values.
    private mutating func writeBuiltInScalar(_ kind: ScalarCoercion.BuiltIn, _ value: ResolvedValue, _ field: FieldPlan) -> GraphQLError? {
        switch (kind, value) {
        case (.string, .string(let string)), (.id, .string(let string)):
            writeJSONString(string, to: &output)
        case (.int, .int(let int)) where int <= BuiltInScalarCoercion.maxInt && int >= BuiltInScalarCoercion.minInt:
            writeInteger(int, to: &output)
        case (.float, .double(let double)) where double.isFinite:
            writeNumber(double, to: &output)
        case (.float, .int(let int)):
            writeInteger(int, to: &output)
        case (.boolean, .bool(let bool)):
            output.append(contentsOf: bool ? trueBytes : falseBytes)
        default:
            do {
                try BuiltInScalarCoercion.serialize(value, as: kind).write(to: &output)
            } catch {
                return located(error, field)
            }
        }
        return nil
    }

    private mutating func completeList(_ itemCompletion: Completion, _ value: ResolvedValue, _ field: FieldPlan) -> GraphQLError? {
        switch value {
        case .list(let items):
            return completeItems(itemCompletion, count: items.count, field) { items[$0] }
        case .json(.array(let items)):
            return completeItems(itemCompletion, count: items.count, field) { .json(items[$0]) }
        default:
            return fieldError("Expected Iterable, but did not find one for field \"\(field.parentTypeName).\(field.fieldName)\".", field)
        }
    }

    private mutating func completeItems(_ itemCompletion: Completion, count: Int, _ field: FieldPlan,
                                        _ item: (Int) -> ResolvedValue) -> GraphQLError? {
        output.append(0x5B)
        let itemIsNonNull = itemCompletion.isNonNull
        // A list of objects of one type looks its child plan up once.
        var objectPlan: SelectionPlan?
        if case .object(let typeName) = itemCompletion.nullable, count > 1,
           case .plan(let plan) = compiler.childSelection(of: field, for: typeName) {
            objectPlan = plan
        }
        for index in 0..<count {
            if index > 0 { output.append(0x2C) }
            path.append(.index(index))
            let start = output.count
            if tracksHoles && !itemIsNonNull { holes.enterNullable(at: start) }
            let value = item(index)
            let failure: GraphQLError?
            if let objectPlan, !value.isNull, !value.isError {
                failure = completeObject(objectPlan, value, field)
            } else {
                failure = complete(itemCompletion, value, field)
            }
            if let failure {
                if itemIsNonNull {
                    path.removeLast()
                    return failure
                }
                recordAndNull(failure, from: start)
            }
            if tracksHoles && !itemIsNonNull { holes.leaveNullable(at: output.count) }
            path.removeLast()
        }
        output.append(0x5D)
        return nil
    }

    private mutating func completeObject(_ typeName: String, _ value: ResolvedValue, _ field: FieldPlan) -> GraphQLError? {
        switch compiler.childSelection(of: field, for: typeName) {
        case .plan(let plan): return completeObject(plan, value, field)
        case .failure(let error): return located(error, field)
        }
    }

    private mutating func completeObject(_ plan: SelectionPlan, _ value: ResolvedValue, _ field: FieldPlan) -> GraphQLError? {
        if let isTypeOf = plan.isTypeOf, !isTypeOf(value, request) {
            return fieldError("Expected value of type \"\(plan.typeName)\" but got: \(inspect(value)).", field)
        }
        return executeSelection(plan, source: value)
    }

    /// graphql-js `completeAbstractValue` + `ensureValidRuntimeType`.
    private mutating func completeAbstract(_ abstractName: String, _ value: ResolvedValue, _ field: FieldPlan) -> GraphQLError? {
        let engine = request.engine
        let runtimeName: String?
        do {
            runtimeName = try engine.resolveType(of: value, abstractType: abstractName, request: request)
        } catch {
            return located(error, field)
        }
        guard let runtimeName else {
            return fieldError("Abstract type \"\(abstractName)\" must resolve to an Object type at runtime for field \"\(field.parentTypeName).\(field.fieldName)\". Either the \"\(abstractName)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.", field)
        }
        let schema = engine.schema
        guard let runtimeType = schema.namedType(runtimeName) else {
            return fieldError("Abstract type \"\(abstractName)\" was resolved to a type \"\(runtimeName)\" that does not exist inside the schema.", field)
        }
        guard case .object = runtimeType else {
            return fieldError("Abstract type \"\(abstractName)\" was resolved to a non-object type \"\(runtimeName)\".", field)
        }
        guard schema.isSubType(abstractName, runtimeName) else {
            return fieldError("Runtime Object type \"\(runtimeName)\" is not a possible type for \"\(abstractName)\".", field)
        }
        return completeObject(runtimeName, value, field)
    }
}

extension Completion {
    /// The completion without a non-null wrapper.
    var nullable: Completion {
        if case .nonNull(let inner) = self { return inner }
        return self
    }
}

extension ResolvedValue {
    var isError: Bool {
        if case .error = self { return true }
        return false
    }
}

let trueBytes: [UInt8] = [0x74, 0x72, 0x75, 0x65]
let falseBytes: [UInt8] = [0x66, 0x61, 0x6C, 0x73, 0x65]

/// Appends an integer's decimal digits.
@inline(__always)
func writeInteger(_ value: Int, to output: inout [UInt8]) {
    if value >= 0 && value < 10 {
        output.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
        return
    }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
        var position = buffer.count
        repeat {
            position -= 1
            buffer[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
        } while magnitude > 0
        if value < 0 {
            position -= 1
            buffer[position] = 0x2D
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        return buffer.count - position
    }
    _ = count
}

/// Appends a finite double as JavaScript prints it (integers without a fraction).
@inline(__always)
func writeNumber(_ value: Double, to output: inout [UInt8]) {
    if value.rounded(.towardZero) == value && abs(value) < 9_007_199_254_740_992 {
        writeInteger(Int(value), to: &output)
        return
    }
    // Swift's shortest round-trip digits match JavaScript's whenever Swift uses plain notation.
    let text = value.description
    if !text.utf8.contains(0x65) {
        output.append(contentsOf: text.utf8)
    } else {
        output.append(contentsOf: formatECMAScriptNumber(value).utf8)
    }
}
