import GraphQLKit

/// Writes the client's `data` from the merged subgraph data, walking the client's operation:
/// only the fields it selected, in its order and with its aliases, `@skip`/`@include`
/// evaluated, `__typename` answered, and nulls propagated to the nearest nullable parent.
struct ResponseShaper {
    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinition]
    let variables: JSONObject
    /// Whether a null in a non-null position should add an error (none when a subgraph
    /// already reported why data is missing).
    let reportsNullErrors: Bool
    private(set) var output: [UInt8] = []
    private(set) var errors: [GraphQLError] = []
    /// The response path of the value being written (kept as a stack: no copies per field).
    private var path: [PathComponent] = []

    init(schema: GraphQLSchema, fragments: [String: FragmentDefinition], variables: JSONObject, reportsNullErrors: Bool) {
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.reportsNullErrors = reportsNullErrors
        output.reserveCapacity(4096)
    }

    /// Writes the data object; false when a root field's null propagated to `data` itself.
    mutating func writeRoot(_ data: JSONObject, selections: SelectionList, rootTypeName: String) -> Bool {
        writeObject(data, selections: selections, typeName: rootTypeName)
    }

    /// Writes the data object from a precomputed shape (operations without `@skip`/`@include`).
    mutating func writeRoot(_ data: JSONObject, shape: ResponseShape, rootTypeName: String) -> Bool {
        writeObject(data, shape: shape, typeName: rootTypeName)
    }

    private mutating func writeObject(_ object: JSONObject, shape: ResponseShape, typeName: String) -> Bool {
        guard let fields = shape.fields(for: typeName) else {
            output.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
            return true
        }
        output.append(UInt8(ascii: "{"))
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: field.keyBytes)
            switch field.kind {
            case .typename:
                JSONValue.string(typeName).write(to: &output)
            case .introspection:
                (object[field.responseKey] ?? .null).write(to: &output)
            case .field(let name, let type, let child):
                path.append(.key(field.responseKey))
                let written = writeShaped(object[field.responseKey], type: type, child: child, parent: typeName, field: name)
                path.removeLast()
                if !written { return false }
            }
        }
        output.append(UInt8(ascii: "}"))
        return true
    }

    /// ``writeValue`` for the shaped path.
    private mutating func writeShaped(_ value: JSONValue?, type: GraphQLType, child: ResponseShape?, parent: String, field: String) -> Bool {
        if case .nonNull(let inner) = type {
            guard let value, !value.isNull else {
                if reportsNullErrors {
                    errors.append(GraphQLError(message: "Cannot return null for non-nullable field \(parent).\(field).", path: path))
                }
                return false
            }
            return writeShapedNonNull(value, type: inner, child: child, parent: parent, field: field)
        }
        guard let value, !value.isNull else {
            output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return true
        }
        let checkpoint = output.count
        if !writeShapedNonNull(value, type: type, child: child, parent: parent, field: field) {
            output.removeSubrange(checkpoint...)
            output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        }
        return true
    }

    private mutating func writeShapedNonNull(_ value: JSONValue, type: GraphQLType, child: ResponseShape?, parent: String, field: String) -> Bool {
        switch type {
        case .list(let elementType):
            guard case .array(let elements) = value else {
                value.write(to: &output)
                return true
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                path.append(.index(index))
                let written = writeShaped(element, type: elementType, child: child, parent: parent, field: field)
                path.removeLast()
                if !written { return false }
            }
            output.append(UInt8(ascii: "]"))
            return true
        case .named(let typeName):
            if let child, case .object(let object) = value {
                let runtime = object["__typename"]?.stringValue ?? typeName
                return writeObject(object, shape: child, typeName: runtime)
            }
            value.write(to: &output)
            return true
        case .nonNull(let inner):
            return writeShapedNonNull(value, type: inner, child: child, parent: parent, field: field)
        }
    }

    private func isIncluded(_ directives: [Directive]) -> Bool {
        for directive in directives {
            let name = directive.name.value
            guard name == "skip" || name == "include", let argument = directive.argument("if") else { continue }
            let value: Bool
            switch argument {
            case .boolean(let literal): value = literal.value
            case .variable(let variable):
                if case .bool(let bound)? = variables[variable.name.value] { value = bound } else { value = false }
            default: value = false
            }
            if name == "skip" && value { return false }
            if name == "include" && !value { return false }
        }
        return true
    }

    private func applies(_ typeCondition: String?, to typeName: String) -> Bool {
        guard let typeCondition, typeCondition != typeName else { return true }
        return schema.isPossibleType(typeCondition, typeName)
    }

    /// Fields by response key in first-seen order; same-key selection sets concatenated.
    private func collect(_ selections: SelectionList, typeName: String, into fields: inout [(String, Field, SelectionList)], positions: inout [String: Int]) {
        for selection in selections {
            guard isIncluded(selection.directives) else { continue }
            switch selection {
            case .field(let field):
                let key = field.responseKey
                if let position = positions[key] {
                    fields[position].2.append(contentsOf: field.selectionSet?.selections ?? [])
                } else {
                    positions[key] = fields.count
                    fields.append((key, field, field.selectionSet?.selections ?? []))
                }
            case .inlineFragment(let fragment):
                guard applies(fragment.typeCondition?.name.value, to: typeName) else { continue }
                collect(fragment.selectionSet.selections, typeName: typeName, into: &fields, positions: &positions)
            case .fragmentSpread(let spread):
                // Fragment cycles never get here: documents are validated before planning.
                guard let fragment = fragments[spread.name.value], applies(fragment.typeCondition.name.value, to: typeName) else { continue }
                collect(fragment.selectionSet.selections, typeName: typeName, into: &fields, positions: &positions)
            }
        }
    }

    private mutating func writeObject(_ object: JSONObject, selections: SelectionList, typeName: String) -> Bool {
        var fields: [(String, Field, SelectionList)] = []
        var positions: [String: Int] = [:]
        collect(selections, typeName: typeName, into: &fields, positions: &positions)
        output.append(UInt8(ascii: "{"))
        for (index, (key, field, subselections)) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            JSONValue.string(key).write(to: &output)
            output.append(UInt8(ascii: ":"))
            let name = field.name.value
            if name == "__typename" {
                JSONValue.string(typeName).write(to: &output)
                continue
            }
            if name == "__schema" || name == "__type" {
                (object[key] ?? .null).write(to: &output)
                continue
            }
            guard let definition = schema.field(name, on: typeName) else {
                output.append(contentsOf: Array("null".utf8))
                continue
            }
            path.append(.key(key))
            let written = writeValue(object[key], type: definition.type, selections: subselections, parent: typeName, field: name)
            path.removeLast()
            if !written { return false }
        }
        output.append(UInt8(ascii: "}"))
        return true
    }

    /// Writes `value` as `type`; false when it is null in a non-null position (the caller nulls
    /// its own nearest nullable position).
    private mutating func writeValue(_ value: JSONValue?, type: GraphQLType, selections: SelectionList,
                                     parent: String, field: String) -> Bool {
        if case .nonNull(let inner) = type {
            guard let value, !value.isNull else {
                if reportsNullErrors {
                    errors.append(GraphQLError(message: "Cannot return null for non-nullable field \(parent).\(field).", path: path))
                }
                return false
            }
            return writeNonNull(value, type: inner, selections: selections, parent: parent, field: field)
        }
        guard let value, !value.isNull else {
            output.append(contentsOf: Array("null".utf8))
            return true
        }
        let checkpoint = output.count
        if !writeNonNull(value, type: type, selections: selections, parent: parent, field: field) {
            output.removeSubrange(checkpoint...)
            output.append(contentsOf: Array("null".utf8))
        }
        return true
    }

    /// Writes a non-null `value` of a list or named `type`; false when a null propagates up to it.
    private mutating func writeNonNull(_ value: JSONValue, type: GraphQLType, selections: SelectionList,
                                       parent: String, field: String) -> Bool {
        switch type {
        case .list(let elementType):
            guard case .array(let elements) = value else {
                value.write(to: &output)
                return true
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                path.append(.index(index))
                let written = writeValue(element, type: elementType, selections: selections, parent: parent, field: field)
                path.removeLast()
                if !written { return false }
            }
            output.append(UInt8(ascii: "]"))
            return true
        case .named(let typeName):
            if case .object(let object) = value, let namedType = schema.namedType(typeName), namedType.isCompositeType {
                let runtime = object["__typename"]?.stringValue ?? typeName
                return writeObject(object, selections: selections, typeName: runtime)
            }
            value.write(to: &output)
            return true
        case .nonNull(let inner):
            return writeNonNull(value, type: inner, selections: selections, parent: parent, field: field)
        }
    }
}
