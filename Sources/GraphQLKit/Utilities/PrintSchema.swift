/// Prints a schema as SDL exactly as graphql-js's `printSchema` does: the schema definition
/// (only when the root types are not named `Query`, `Mutation`, `Subscription` or the schema
/// has a description), the custom directives, then the types in type-map order, without the
/// built-in scalars, directives and introspection types. Applied directives other than
/// `@deprecated`, `@specifiedBy` and `@oneOf` are not printed (as in graphql-js).
///
/// ```swift
/// let schema = try buildSchema("type Query { a(x: Int = 1): [String!] @deprecated }")
/// printSchema(schema)
/// // type Query {
/// //   a(x: Int = 1): [String!] @deprecated
/// // }
/// ```
///
/// Throws when a default value cannot be written as a literal (a custom scalar's object
/// default, say), where graphql-js throws too.
public func printSchema(_ schema: GraphQLSchema) throws(GraphQLError) -> String {
    let directives = schema.directives.filter { !GraphQLDirective.isSpecified($0.name) }
    let types = schema.types.filter { type in
        if Introspection.isIntrospectionTypeName(type.name) { return false }
        if case .scalar(let scalar) = type, scalar.isSpecified { return false }
        return true
    }
    return try SchemaPrinter(schema: schema).print(directives: directives, types: types)
}

/// Prints the built-in directives and the introspection types (graphql-js
/// `printIntrospectionSchema`).
public func printIntrospectionSchema(_ schema: GraphQLSchema) throws(GraphQLError) -> String {
    let directives = schema.directives.filter { GraphQLDirective.isSpecified($0.name) }
    let types = schema.types.filter { Introspection.isIntrospectionTypeName($0.name) }
    return try SchemaPrinter(schema: schema).print(directives: directives, types: types)
}

/// Prints one named type as SDL (graphql-js `printType`).
public func printType(_ type: GraphQLNamedType, in schema: GraphQLSchema) throws(GraphQLError) -> String {
    try SchemaPrinter(schema: schema).printType(type)
}

private struct SchemaPrinter {
    let schema: GraphQLSchema

    func print(directives: [GraphQLDirective], types: [GraphQLNamedType]) throws(GraphQLError) -> String {
        var parts: [String] = []
        if let definition = schemaDefinition() { parts.append(definition) }
        for directive in directives { parts.append(try printDirective(directive)) }
        for type in types { parts.append(try printType(type)) }
        return parts.joined(separator: "\n\n")
    }

    func schemaDefinition() -> String? {
        let commonNames = (schema.queryTypeName == nil || schema.queryTypeName == "Query")
            && (schema.mutationTypeName == nil || schema.mutationTypeName == "Mutation")
            && (schema.subscriptionTypeName == nil || schema.subscriptionTypeName == "Subscription")
        if schema.description == nil && commonNames { return nil }
        var operationTypes: [String] = []
        if let query = schema.queryTypeName { operationTypes.append("  query: \(query)") }
        if let mutation = schema.mutationTypeName { operationTypes.append("  mutation: \(mutation)") }
        if let subscription = schema.subscriptionTypeName { operationTypes.append("  subscription: \(subscription)") }
        return description(schema.description) + "schema {\n" + operationTypes.joined(separator: "\n") + "\n}"
    }

    func printType(_ type: GraphQLNamedType) throws(GraphQLError) -> String {
        switch type {
        case .scalar(let scalar):
            return description(scalar.description) + "scalar \(scalar.name)" + specifiedBy(scalar.specifiedByURL)
        case .object(let object):
            return description(object.description) + "type \(object.name)" + implements(object.interfaces) + (try fields(object.fields))
        case .interface(let interface):
            return description(interface.description) + "interface \(interface.name)" + implements(interface.interfaces) + (try fields(interface.fields))
        case .union(let union):
            let members = union.types.isEmpty ? "" : " = " + union.types.joined(separator: " | ")
            return description(union.description) + "union \(union.name)" + members
        case .enum(let enumType):
            let values = enumType.values.enumerated().map { index, value in
                description(value.description, indentation: "  ", firstInBlock: index == 0) + "  " + value.name + deprecated(value.deprecationReason)
            }
            return description(enumType.description) + "enum \(enumType.name)" + block(values)
        case .inputObject(let input):
            var lines: [String] = []
            for (index, field) in input.fields.enumerated() {
                lines.append(description(field.description, indentation: "  ", firstInBlock: index == 0) + "  " + (try inputValue(field)))
            }
            return description(input.description) + "input \(input.name)" + (input.isOneOf ? " @oneOf" : "") + block(lines)
        }
    }

    func implements(_ interfaces: [String]) -> String {
        interfaces.isEmpty ? "" : " implements " + interfaces.joined(separator: " & ")
    }

    func fields(_ fields: NamedList<GraphQLField>) throws(GraphQLError) -> String {
        var lines: [String] = []
        for (index, field) in fields.enumerated() {
            lines.append(description(field.description, indentation: "  ", firstInBlock: index == 0) + "  " + field.name
                         + (try arguments(field.arguments, indentation: "  ")) + ": " + field.type.description + deprecated(field.deprecationReason))
        }
        return block(lines)
    }

    func block(_ items: [String]) -> String {
        items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
    }

    func arguments(_ arguments: [GraphQLInputValue], indentation: String = "") throws(GraphQLError) -> String {
        if arguments.isEmpty { return "" }
        if arguments.allSatisfy({ $0.description?.isEmpty ?? true }) {
            var printed: [String] = []
            for argument in arguments { printed.append(try inputValue(argument)) }
            return "(" + printed.joined(separator: ", ") + ")"
        }
        var lines: [String] = []
        for (index, argument) in arguments.enumerated() {
            lines.append(description(argument.description, indentation: "  " + indentation, firstInBlock: index == 0)
                         + "  " + indentation + (try inputValue(argument)))
        }
        return "(\n" + lines.joined(separator: "\n") + "\n" + indentation + ")"
    }

    func inputValue(_ value: GraphQLInputValue) throws(GraphQLError) -> String {
        var declaration = value.name + ": " + value.type.description
        if let defaultValue = value.defaultValue, let literal = try schema.astFromValue(defaultValue, type: value.type) {
            declaration += " = " + Printer.print(literal)
        }
        return declaration + deprecated(value.deprecationReason)
    }

    func printDirective(_ directive: GraphQLDirective) throws(GraphQLError) -> String {
        description(directive.description) + "directive @" + directive.name + (try arguments(directive.arguments))
            + (directive.isRepeatable ? " repeatable" : "") + " on " + directive.locations.map(\.rawValue).joined(separator: " | ")
    }

    func deprecated(_ reason: String?) -> String {
        guard let reason else { return "" }
        if reason != GraphQLDirective.defaultDeprecationReason {
            return " @deprecated(reason: \(printString(reason)))"
        }
        return " @deprecated"
    }

    func specifiedBy(_ url: String?) -> String {
        guard let url else { return "" }
        return " @specifiedBy(url: \(printString(url)))"
    }

    func description(_ text: String?, indentation: String = "", firstInBlock: Bool = true) -> String {
        guard let text else { return "" }
        let printed = Printer.print(.string(StringValue(text, block: BlockString.isPrintable(text))))
        let prefix = !indentation.isEmpty && !firstInBlock ? "\n" + indentation : indentation
        return prefix + printed.indentingLineFeeds(with: indentation) + "\n"
    }
}

extension String {
    /// Every line feed (U+000A, also the one in `\r\n`) followed by `indentation`, as
    /// JavaScript's `replace(/\n/g, "\n" + indentation)` does on code units.
    func indentingLineFeeds(with indentation: String) -> String {
        guard !indentation.isEmpty, utf8.contains(0x0A) else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            output.append(byte)
            if byte == 0x0A { output.append(contentsOf: indentation.utf8) }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
