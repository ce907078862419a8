extension ASTWriter {
    mutating func write(_ node: SchemaDefinition) {
        description(node.description)
        raw("schema")
        spacedDirectives(node.directives)
        operationTypes(node.operationTypes)
    }

    mutating func operationTypes(_ list: [OperationTypeDefinition]) {
        guard !list.isEmpty else { return }
        raw(" ")
        block(list) { writer, operationType in
            writer.text(operationType.operation.rawValue)
            writer.raw(": ")
            writer.text(operationType.type.name.value)
        }
    }

    mutating func write(_ node: TypeDefinition) {
        switch node {
        case .scalar(let node):
            description(node.description)
            raw("scalar ")
            text(node.name.value)
            spacedDirectives(node.directives)
        case .object(let node):
            description(node.description)
            raw("type ")
            objectLike(node.name, node.interfaces, node.directives, node.fields)
        case .interface(let node):
            description(node.description)
            raw("interface ")
            objectLike(node.name, node.interfaces, node.directives, node.fields)
        case .union(let node):
            description(node.description)
            raw("union ")
            unionBody(node.name, node.directives, node.types)
        case .enum(let node):
            description(node.description)
            raw("enum ")
            enumBody(node.name, node.directives, node.values)
        case .inputObject(let node):
            description(node.description)
            raw("input ")
            inputObjectBody(node.name, node.directives, node.fields)
        }
    }

    /// `Name implements A & B @directives { fields }` (each part only when present).
    mutating func objectLike(_ name: Name, _ interfaces: [NamedType], _ directives: [Directive], _ fields: [FieldDefinition]) {
        text(name.value)
        if !interfaces.isEmpty {
            raw(" implements ")
            join(interfaces, " & ") { $0.text($1.name.value) }
        }
        spacedDirectives(directives)
        if !fields.isEmpty {
            raw(" ")
            block(fields) { $0.write($1) }
        }
    }

    mutating func unionBody(_ name: Name, _ directives: [Directive], _ types: [NamedType]) {
        text(name.value)
        spacedDirectives(directives)
        if !types.isEmpty {
            raw(" = ")
            join(types, " | ") { $0.text($1.name.value) }
        }
    }

    mutating func enumBody(_ name: Name, _ directives: [Directive], _ values: [EnumValueDefinition]) {
        text(name.value)
        spacedDirectives(directives)
        if !values.isEmpty {
            raw(" ")
            block(values) { writer, value in
                writer.description(value.description)
                writer.text(value.name.value)
                writer.spacedDirectives(value.directives)
            }
        }
    }

    mutating func inputObjectBody(_ name: Name, _ directives: [Directive], _ fields: [InputValueDefinition]) {
        text(name.value)
        spacedDirectives(directives)
        if !fields.isEmpty {
            raw(" ")
            block(fields) { $0.write($1) }
        }
    }

    mutating func write(_ node: FieldDefinition) {
        description(node.description)
        text(node.name.value)
        argumentDefinitions(node.arguments)
        raw(": ")
        write(node.type)
        spacedDirectives(node.directives)
    }

    /// `(a: Int, b: String)`, or one per line when any printed argument spans several lines
    /// (graphql-js `hasMultilineItems`).
    mutating func argumentDefinitions(_ arguments: [InputValueDefinition]) {
        guard !arguments.isEmpty else { return }
        let start = output.count
        raw("(")
        join(arguments, ", ") { $0.write($1) }
        raw(")")
        if output[start...].contains(0x0A) {
            output.removeSubrange(start...)
            indentedParenthesized(arguments) { $0.write($1) }
        }
    }

    mutating func write(_ node: InputValueDefinition) {
        description(node.description)
        text(node.name.value)
        raw(": ")
        write(node.type)
        if let defaultValue = node.defaultValue {
            raw(" = ")
            write(defaultValue)
        }
        spacedDirectives(node.directives)
    }

    mutating func write(_ node: DirectiveDefinition) {
        description(node.description)
        raw("directive @")
        text(node.name.value)
        argumentDefinitions(node.arguments)
        if node.repeatable { raw(" repeatable") }
        raw(" on ")
        join(node.locations, " | ") { $0.text($1.value) }
    }

    mutating func write(_ node: SchemaExtension) {
        raw("extend schema")
        spacedDirectives(node.directives)
        operationTypes(node.operationTypes)
    }

    mutating func write(_ node: TypeExtension) {
        switch node {
        case .scalar(let node):
            raw("extend scalar ")
            text(node.name.value)
            spacedDirectives(node.directives)
        case .object(let node):
            raw("extend type ")
            objectLike(node.name, node.interfaces, node.directives, node.fields)
        case .interface(let node):
            raw("extend interface ")
            objectLike(node.name, node.interfaces, node.directives, node.fields)
        case .union(let node):
            raw("extend union ")
            unionBody(node.name, node.directives, node.types)
        case .enum(let node):
            raw("extend enum ")
            enumBody(node.name, node.directives, node.values)
        case .inputObject(let node):
            raw("extend input ")
            inputObjectBody(node.name, node.directives, node.fields)
        }
    }
}
