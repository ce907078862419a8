import GraphQLKit

/// Writes a supergraph document in the layout Apollo's composition uses: a type's directives
/// one per line with its `{` on the next line, fields and enum values on one line each,
/// descriptions as `printSchema` writes them, a blank line between definitions.
struct SupergraphSDLWriter {
    private var output = ""

    static func write(_ document: Document) -> String {
        var writer = SupergraphSDLWriter()
        for (index, definition) in document.definitions.enumerated() {
            if index > 0 { writer.output += "\n\n" }
            writer.write(definition)
        }
        return writer.output
    }

    private mutating func write(_ definition: Definition) {
        switch definition {
        case .schema(let schema):
            output += "schema"
            directivesBlock(schema.directives)
            output += "{\n"
            for operation in schema.operationTypes { output += "  \(operation.operation.rawValue): \(operation.type.name.value)\n" }
            output += "}"
        case .directive(let directive):
            description(directive.description?.value, indent: "", first: true)
            output += Printer.print(.directive(directive))
        case .type(let type):
            description(type.description?.value, indent: "", first: true)
            switch type {
            case .scalar(let scalar):
                output += "scalar \(scalar.name.value)"
                for directive in scalar.directives { output += "\n  \(Printer.print(directive))" }
            case .object(let object):
                output += "type \(object.name.value)\(implements(object.interfaces))"
                directivesBlock(object.directives)
                fieldsBlock(object.fields)
            case .interface(let interface):
                output += "interface \(interface.name.value)\(implements(interface.interfaces))"
                directivesBlock(interface.directives)
                fieldsBlock(interface.fields)
            case .union(let union):
                output += "union \(union.name.value)"
                for directive in union.directives { output += "\n  \(Printer.print(directive))" }
                if !union.types.isEmpty {
                    output += union.directives.isEmpty ? " = " : "\n = "
                    output += union.types.map(\.name.value).joined(separator: " | ")
                }
            case .enum(let enumType):
                output += "enum \(enumType.name.value)"
                directivesBlock(enumType.directives)
                output += "{\n"
                for (index, value) in enumType.values.enumerated() {
                    description(value.description?.value, indent: "  ", first: index == 0)
                    output += "  \(value.name.value)\(inlineDirectives(value.directives))\n"
                }
                output += "}"
            case .inputObject(let input):
                output += "input \(input.name.value)"
                directivesBlock(input.directives)
                output += "{\n"
                for (index, field) in input.fields.enumerated() {
                    description(field.description?.value, indent: "  ", first: index == 0)
                    output += "  \(inputValue(field))\n"
                }
                output += "}"
            }
        default:
            output += Printer.print(definition)
        }
    }

    private func implements(_ interfaces: [NamedType]) -> String {
        interfaces.isEmpty ? "" : " implements " + interfaces.map(\.name.value).joined(separator: " & ")
    }

    /// ` {` without directives; each directive on its own line and `{` on the next otherwise.
    private mutating func directivesBlock(_ directives: [Directive]) {
        if directives.isEmpty {
            output += " "
            return
        }
        for directive in directives { output += "\n  \(Printer.print(directive))" }
        output += "\n"
    }

    private mutating func fieldsBlock(_ fields: [FieldDefinition]) {
        output += "{\n"
        for (index, field) in fields.enumerated() {
            description(field.description?.value, indent: "  ", first: index == 0)
            output += "  \(field.name.value)\(arguments(field.arguments)): \(Printer.print(field.type))\(inlineDirectives(field.directives))\n"
        }
        output += "}"
    }

    private func arguments(_ arguments: [InputValueDefinition]) -> String {
        guard !arguments.isEmpty else { return "" }
        if arguments.allSatisfy({ $0.description == nil }) {
            return "(" + arguments.map(inputValue).joined(separator: ", ") + ")"
        }
        var writer = SupergraphSDLWriter()
        writer.output = "(\n"
        for (index, argument) in arguments.enumerated() {
            writer.description(argument.description?.value, indent: "    ", first: index == 0)
            writer.output += "    \(inputValue(argument))\n"
        }
        writer.output += "  )"
        return writer.output
    }

    private func inputValue(_ value: InputValueDefinition) -> String {
        var text = "\(value.name.value): \(Printer.print(value.type))"
        if let defaultValue = value.defaultValue { text += " = \(Printer.print(defaultValue))" }
        return text + inlineDirectives(value.directives)
    }

    private func inlineDirectives(_ directives: [Directive]) -> String {
        directives.map { " " + Printer.print($0) }.joined()
    }

    /// A description as `printSchema` writes it: a block string, on several lines when long,
    /// with a blank line before it when it is not the first item of a block.
    private mutating func description(_ text: String?, indent: String, first: Bool) {
        guard let text else { return }
        if !first && !indent.isEmpty { output += "\n" }
        let escaped = text.replacing("\"\"\"", with: "\\\"\"\"")
        if escaped.count > 70 || escaped.contains("\n") {
            output += "\(indent)\"\"\"\n"
            for line in escaped.split(separator: "\n", omittingEmptySubsequences: false) {
                output += line.isEmpty ? "\n" : "\(indent)\(line)\n"
            }
            output += "\(indent)\"\"\"\n"
        } else {
            output += "\(indent)\"\"\"\(escaped)\"\"\"\n"
        }
    }
}
