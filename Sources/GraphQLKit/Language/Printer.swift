/// Prints AST nodes back to GraphQL text, byte-identical to graphql-js 16's `print`.
///
/// ```swift
/// let document = try Parser.parse("query Q($id:ID!){node(id:$id){...on User{name}}}")
/// Printer.print(document)
/// // query Q($id: ID!) {
/// //   node(id: $id) {
/// //     ... on User {
/// //       name
/// //     }
/// //   }
/// // }
/// ```
public enum Printer {
    public static func print(_ document: Document) -> String {
        var writer = ASTWriter()
        writer.write(document)
        return writer.result
    }

    public static func print(_ definition: Definition) -> String {
        var writer = ASTWriter()
        writer.write(definition)
        return writer.result
    }

    public static func print(_ selectionSet: SelectionSet) -> String {
        var writer = ASTWriter()
        writer.write(selectionSet)
        return writer.result
    }

    public static func print(_ selection: Selection) -> String {
        var writer = ASTWriter()
        writer.write(selection)
        return writer.result
    }

    public static func print(_ value: Value) -> String {
        var writer = ASTWriter()
        writer.write(value)
        return writer.result
    }

    public static func print(_ type: TypeReference) -> String {
        var writer = ASTWriter()
        writer.write(type)
        return writer.result
    }

    public static func print(_ directive: Directive) -> String {
        var writer = ASTWriter()
        writer.write(directive)
        return writer.result
    }
}

/// The streaming printer behind ``Printer``. graphql-js builds strings bottom-up and indents a
/// block's contents by inserting two spaces after every line break inside it (block strings
/// included); writing straight into one buffer and emitting the current indentation after every
/// line break gives the same bytes without the intermediate strings.
struct ASTWriter {
    var output: [UInt8] = []
    /// Number of open indented blocks.
    var level = 0

    var result: String { String(decoding: output, as: UTF8.self) }

    @inline(__always) mutating func raw(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always) mutating func text(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// A line break followed by the current indentation.
    @inline(__always) mutating func newline() {
        output.append(0x0A)
        for _ in 0..<level { output.append(0x20); output.append(0x20) }
    }

    /// Bytes that may contain line breaks, each indented.
    mutating func indentedBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        var chunkStart = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<index]))
            newline()
            chunkStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<bytes.count]))
    }

    /// `items` separated by `separator` (graphql-js `join`; items never print empty here).
    @inline(__always)
    mutating func join<Item>(_ items: [Item], _ separator: StaticString, _ writeItem: (inout ASTWriter, Item) -> Void) {
        for (index, item) in items.enumerated() {
            if index > 0 { raw(separator) }
            writeItem(&self, item)
        }
    }

    /// `{`, each item on its own indented line, `}`; nothing for no items (graphql-js `block`).
    mutating func block<Items: Collection>(_ items: Items, _ writeItem: (inout ASTWriter, Items.Element) -> Void) {
        guard !items.isEmpty else { return }
        raw("{")
        level += 1
        for item in items {
            newline()
            writeItem(&self, item)
        }
        level -= 1
        newline()
        raw("}")
    }

    /// `(`, each item on its own indented line, `)` (the multi-line argument form).
    mutating func indentedParenthesized<Item>(_ items: [Item], _ writeItem: (inout ASTWriter, Item) -> Void) {
        guard !items.isEmpty else { return }
        raw("(")
        level += 1
        for item in items {
            newline()
            writeItem(&self, item)
        }
        level -= 1
        newline()
        raw(")")
    }

    mutating func directives(_ directives: [Directive]) {
        join(directives, " ") { $0.write($1) }
    }

    /// ` @a @b` when there are directives.
    mutating func spacedDirectives(_ list: [Directive]) {
        guard !list.isEmpty else { return }
        raw(" ")
        directives(list)
    }

    /// A description and the line break after it.
    mutating func description(_ description: StringValue?) {
        guard let description else { return }
        write(description)
        newline()
    }

    // MARK: Document and executable definitions

    mutating func write(_ document: Document) {
        join(document.definitions, "\n\n") { $0.write($1) }
    }

    mutating func write(_ definition: Definition) {
        switch definition {
        case .operation(let node): write(node)
        case .fragment(let node): write(node)
        case .schema(let node): write(node)
        case .type(let node): write(node)
        case .directive(let node): write(node)
        case .schemaExtension(let node): write(node)
        case .typeExtension(let node): write(node)
        }
    }

    mutating func write(_ node: OperationDefinition) {
        description(node.description)
        let isShorthand = node.operation == .query && node.name == nil && node.variableDefinitions.isEmpty
            && node.directives.isEmpty && node.description == nil
        if !isShorthand {
            text(node.operation.rawValue)
            if node.name != nil || !node.variableDefinitions.isEmpty {
                raw(" ")
                if let name = node.name { text(name.value) }
                variableDefinitions(node.variableDefinitions)
            }
            spacedDirectives(node.directives)
            raw(" ")
        }
        write(node.selectionSet)
    }

    /// `($a: Int, $b: String)`; one per line when any carries a description (which makes it
    /// multi-line, as for field arguments).
    mutating func variableDefinitions(_ definitions: [VariableDefinition]) {
        guard !definitions.isEmpty else { return }
        if definitions.contains(where: { $0.description != nil }) {
            indentedParenthesized(definitions) { $0.write($1) }
        } else {
            raw("(")
            join(definitions, ", ") { $0.write($1) }
            raw(")")
        }
    }

    mutating func write(_ node: VariableDefinition) {
        description(node.description)
        write(node.variable)
        raw(": ")
        write(node.type)
        if let defaultValue = node.defaultValue {
            raw(" = ")
            write(defaultValue)
        }
        spacedDirectives(node.directives)
    }

    mutating func write(_ node: Variable) {
        raw("$")
        text(node.name.value)
    }

    mutating func write(_ node: SelectionSet) {
        block(node.selections) { $0.write($1) }
    }

    mutating func write(_ selection: Selection) {
        switch selection {
        case .field(let node): write(node)
        case .fragmentSpread(let node): write(node)
        case .inlineFragment(let node): write(node)
        }
    }

    mutating func write(_ node: Field) {
        let lineStart = output.count
        if let alias = node.alias {
            text(alias.value)
            raw(": ")
        }
        text(node.name.value)
        if !node.arguments.isEmpty {
            raw("(")
            join(node.arguments, ", ") { $0.write($1) }
            raw(")")
            // graphql-js breaks the arguments onto their own lines when the one-line form
            // (alias, name and arguments, measured in UTF-16 units before indentation) exceeds 80.
            if unindentedUTF16Length(from: lineStart) > 80 {
                output.removeSubrange(lineStart...)
                if let alias = node.alias {
                    text(alias.value)
                    raw(": ")
                }
                text(node.name.value)
                indentedParenthesized(node.arguments) { $0.write($1) }
            }
        }
        spacedDirectives(node.directives)
        if let selectionSet = node.selectionSet, !selectionSet.selections.isEmpty {
            raw(" ")
            write(selectionSet)
        }
    }

    /// UTF-16 length of the output since `start`, not counting the indentation this writer
    /// added after line breaks.
    func unindentedUTF16Length(from start: Int) -> Int {
        var length = 0
        for index in start..<output.count {
            let byte = output[index]
            if byte == 0x0A { length -= 2 * level }
            if byte < 0x80 || byte >= 0xC0 { length += byte >= 0xF0 ? 2 : 1 }
        }
        return length
    }

    mutating func write(_ node: Argument) {
        text(node.name.value)
        raw(": ")
        write(node.value)
    }

    mutating func write(_ node: FragmentSpread) {
        raw("...")
        text(node.name.value)
        spacedDirectives(node.directives)
    }

    mutating func write(_ node: InlineFragment) {
        raw("...")
        if let typeCondition = node.typeCondition {
            raw(" on ")
            text(typeCondition.name.value)
        }
        spacedDirectives(node.directives)
        if !node.selectionSet.selections.isEmpty {
            raw(" ")
            write(node.selectionSet)
        }
    }

    mutating func write(_ node: FragmentDefinition) {
        description(node.description)
        raw("fragment ")
        text(node.name.value)
        if !node.variableDefinitions.isEmpty {
            raw("(")
            join(node.variableDefinitions, ", ") { $0.write($1) }
            raw(")")
        }
        raw(" on ")
        text(node.typeCondition.name.value)
        raw(" ")
        if !node.directives.isEmpty {
            directives(node.directives)
            raw(" ")
        }
        write(node.selectionSet)
    }

    mutating func write(_ node: Directive) {
        raw("@")
        text(node.name.value)
        if !node.arguments.isEmpty {
            raw("(")
            join(node.arguments, ", ") { $0.write($1) }
            raw(")")
        }
    }

    // MARK: Values and types

    mutating func write(_ value: Value) {
        switch value {
        case .variable(let node): write(node)
        case .int(let node): text(node.value)
        case .float(let node): text(node.value)
        case .string(let node): write(node)
        case .boolean(let node): node.value ? raw("true") : raw("false")
        case .null: raw("null")
        case .enumValue(let node): text(node.value)
        case .list(let node):
            raw("[")
            join(node.values, ", ") { $0.write($1) }
            raw("]")
        case .object(let node):
            raw("{")
            join(node.fields, ", ") { writer, field in
                writer.text(field.name.value)
                writer.raw(": ")
                writer.write(field.value)
            }
            raw("}")
        }
    }

    mutating func write(_ node: StringValue) {
        if node.block {
            BlockString.write(node.value) { chunk in indentedBytes(chunk) }
        } else {
            writeQuotedString(node.value) { chunk in output.append(contentsOf: chunk) }
        }
    }

    mutating func write(_ type: TypeReference) {
        switch type {
        case .named(let node): text(node.name.value)
        case .list(let node):
            raw("[")
            write(node.type)
            raw("]")
        case .nonNull(let node):
            write(node.type)
            raw("!")
        }
    }
}
