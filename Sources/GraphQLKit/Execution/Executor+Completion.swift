// Value completion (GraphQL specification 6.4.3, graphql-js `completeValue`): a resolved value
// becomes response JSON according to the field's type.

extension Executor {
    /// Writes `value` completed as `completion` at the current position, or returns the
    /// failure that makes this position null (the caller decides whether it stops there).
    mutating func complete(_ completion: Completion, _ value: ResolvedValue, _ field: FieldPlan) -> FieldFailure? {
        switch completion {
        case .nonNull(let inner):
            if value.isNull {
                return fieldFailure("Cannot return null for non-nullable field \(field.parentTypeName).\(field.fieldName).", field)
            }
            return complete(inner, value, field)
        case .builtInScalar(let kind):
            return writeBuiltInScalar(kind, value, field)
        case .list(let itemCompletion):
            return completeList(itemCompletion, value, field)
        case .object(let typeName):
            if let special = completeSpecial(value, field) { return special }
            return completeObject(typeName, value, field)
        case .abstract(let typeName):
            if let special = completeSpecial(value, field) { return special }
            return completeAbstract(typeName, value, field)
        case .enumType(let enumType):
            let name: String
            switch value {
            case .string(let string): name = string
            case .json(.string(let string)): name = string
            default:
                if let special = completeSpecial(value, field) { return special }
                return fieldFailure("Enum \"\(enumType.name)\" cannot represent value: \(inspect(value))", field)
            }
            guard enumType.values.contains(name: name) else {
                return fieldFailure("Enum \"\(enumType.name)\" cannot represent value: \(inspect(value))", field)
            }
            output.appendJSONString(name)
            return nil
        case .customScalar(let scalar):
            if let special = completeSpecial(value, field) { return special }
            do {
                let serialized = try scalar.coercion.serialize(value, scalarName: scalar.name)
                if serialized.isNull {
                    return fieldFailure("Expected `\(scalar.name).serialize(\(inspect(value)))` to return non-nullable value, returned: null", field)
                }
                output.append(json: serialized)
                return nil
            } catch {
                return FieldFailure(located(error, field))
            }
        }
    }

    /// Null and errors, the same for every nullable type: `.some(nil)` when `value` was written
    /// as null, `.some(failure)` for an error, nil when `value` is neither.
    @inline(__always)
    private mutating func completeSpecial(_ value: ResolvedValue, _ field: FieldPlan) -> FieldFailure?? {
        switch value {
        case .null, .json(.null):
            output.append(nullBytes)
            return .some(nil)
        case .error(let error):
            return .some(FieldFailure(located(error, field)))
        default:
            return nil
        }
    }

    /// The specified scalars, written without building intermediate JSON values.
    private mutating func writeBuiltInScalar(_ kind: ScalarCoercion.BuiltIn, _ value: ResolvedValue, _ field: FieldPlan) -> FieldFailure? {
        switch (kind, value) {
        case (.string, .string(let string)), (.id, .string(let string)):
            output.appendJSONString(string)
        case (.int, .int(let int)) where int <= BuiltInScalarCoercion.maxInt && int >= BuiltInScalarCoercion.minInt:
            output.appendInteger(int)
        case (.float, .double(let double)) where double.isFinite:
            output.appendNumber(double)
        case (.float, .int(let int)):
            output.appendInteger(int)
        case (.boolean, .bool(let bool)):
            output.append(bool ? trueBytes : falseBytes)
        default:
            if let special = completeSpecial(value, field) { return special }
            do {
                output.append(json: try BuiltInScalarCoercion.serialize(value, as: kind))
            } catch {
                return FieldFailure(located(error, field))
            }
        }
        return nil
    }

    private mutating func completeList(_ itemCompletion: Completion, _ value: ResolvedValue, _ field: FieldPlan) -> FieldFailure? {
        switch value {
        case .objects(let objects):
            return completeObjectList(itemCompletion, objects, field)
        case .strings(let strings):
            // A list of Swift strings: String and ID items need no per-item work.
            if case .builtInScalar(let kind) = itemCompletion.nullable, kind == .string || kind == .id {
                output.append(0x5B)
                for index in strings.indices {
                    if index > 0 { output.append(0x2C) }
                    output.appendJSONString(strings[index])
                }
                output.append(0x5D)
                return nil
            }
            return completeItems(itemCompletion, count: strings.count, field) { .string(strings[$0]) }
        case .list(let items):
            return completeItems(itemCompletion, count: items.count, field) { items[$0] }
        case .json(.array(let items)):
            return completeItems(itemCompletion, count: items.count, field) { .json(items[$0]) }
        default:
            if let special = completeSpecial(value, field) { return special }
            return fieldFailure("Expected Iterable, but did not find one for field \"\(field.parentTypeName).\(field.fieldName)\".", field)
        }
    }

    private mutating func completeItems(_ itemCompletion: Completion, count: Int, _ field: FieldPlan,
                                        _ item: (Int) -> ResolvedValue) -> FieldFailure? {
        output.append(0x5B)
        let itemIsNonNull = itemCompletion.isNonNull
        for index in 0..<count {
            if index > 0 { output.append(0x2C) }
            path.append(.index(index))
            let start = output.count
            if tracksHoles && !itemIsNonNull { holes.enterNullable(at: start) }
            if let failure = complete(itemCompletion, item(index), field) {
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

    /// A list of Swift objects: each element is a source referring into the array, and for a
    /// concrete object type the child plan is looked up once for the whole list.
    private mutating func completeObjectList(_ itemCompletion: Completion, _ objects: ObjectList, _ field: FieldPlan) -> FieldFailure? {
        guard case .object(let typeName) = itemCompletion.nullable else {
            return completeItems(itemCompletion, count: objects.count, field) { .object(objects[$0]) }
        }
        let plan: SelectionPlan
        switch compiler.childSelection(of: field, for: typeName) {
        case .plan(let selection): plan = selection
        case .failure(let error):
            // Every element fails the same way (collecting the subfields fails for each).
            return completeItems(itemCompletion, count: objects.count, field) { _ in .error(error) }
        }
        let itemIsNonNull = itemCompletion.isNonNull
        output.append(0x5B)
        for index in 0..<objects.count {
            if index > 0 { output.append(0x2C) }
            path.append(.index(index))
            let start = output.count
            if tracksHoles && !itemIsNonNull { holes.enterNullable(at: start) }
            if let failure = completeObject(plan, .object(objects[index]), field) {
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

    private mutating func completeObject(_ typeName: String, _ value: ResolvedValue, _ field: FieldPlan) -> FieldFailure? {
        switch compiler.childSelection(of: field, for: typeName) {
        case .plan(let plan): return completeObject(plan, value, field)
        case .failure(let error): return FieldFailure(located(error, field))
        }
    }

    private mutating func completeObject(_ plan: SelectionPlan, _ value: ResolvedValue, _ field: FieldPlan) -> FieldFailure? {
        if let isTypeOf = plan.isTypeOf, !isTypeOf(value, request) {
            return fieldFailure("Expected value of type \"\(plan.typeName)\" but got: \(inspect(value)).", field)
        }
        return executeSelection(plan, source: value)
    }

    /// graphql-js `completeAbstractValue` + `ensureValidRuntimeType`.
    private mutating func completeAbstract(_ abstractName: String, _ value: ResolvedValue, _ field: FieldPlan) -> FieldFailure? {
        let engine = request.engine
        let runtimeName: String?
        do {
            runtimeName = try engine.resolveType(of: value, abstractType: abstractName, request: request)
        } catch {
            return FieldFailure(located(error, field))
        }
        guard let runtimeName else {
            return fieldFailure("Abstract type \"\(abstractName)\" must resolve to an Object type at runtime for field \"\(field.parentTypeName).\(field.fieldName)\". Either the \"\(abstractName)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.", field)
        }
        let schema = engine.schema
        guard let runtimeType = schema.namedType(runtimeName) else {
            return fieldFailure("Abstract type \"\(abstractName)\" was resolved to a type \"\(runtimeName)\" that does not exist inside the schema.", field)
        }
        guard case .object = runtimeType else {
            return fieldFailure("Abstract type \"\(abstractName)\" was resolved to a non-object type \"\(runtimeName)\".", field)
        }
        guard schema.isSubType(abstractName, runtimeName) else {
            return fieldFailure("Runtime Object type \"\(runtimeName)\" is not a possible type for \"\(abstractName)\".", field)
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

let trueBytes: [UInt8] = [0x74, 0x72, 0x75, 0x65]
let falseBytes: [UInt8] = [0x66, 0x61, 0x6C, 0x73, 0x65]

