import Testing
@testable import GraphQLKit

@Suite struct ParserTests {
    @Test func operationShape() throws {
        let document = try Parser.parse("query Q($id: ID! = 4 @v) @op { me: user(id: $id) @f { ...F ... on User { name } } }")
        guard case .operation(let operation) = document.definitions.first else {
            Issue.record("expected an operation")
            return
        }
        #expect(operation.operation == .query)
        #expect(operation.name?.value == "Q")
        #expect(operation.variableDefinitions.count == 1)
        let variable = operation.variableDefinitions[0]
        #expect(variable.variable.name.value == "id")
        #expect(variable.type == .nonNull(NonNullType(type: .named(NamedType(name: Name("ID", location: variable.type.namedType.name.location),
                                                                             location: variable.type.namedType.location)),
                                                      location: variable.type.location)))
        #expect(variable.defaultValue.map { Printer.print($0) } == "4")
        #expect(variable.directives.map(\.name.value) == ["v"])
        #expect(operation.directives.map(\.name.value) == ["op"])
        guard case .field(let field) = operation.selectionSet.selections[0] else {
            Issue.record("expected a field")
            return
        }
        #expect(field.alias?.value == "me")
        #expect(field.name.value == "user")
        #expect(field.responseKey == "me")
        #expect(field.arguments[0].value == .variable(Variable(name: Name("id", location: field.arguments[0].value.location.map {
            Location(start: $0.start + 1, end: $0.end)
        }), location: field.arguments[0].value.location)))
        let kinds = field.selectionSet?.selections.map { selection -> String in
            switch selection {
            case .field: return "field"
            case .fragmentSpread(let spread): return "spread \(spread.name.value)"
            case .inlineFragment(let inline): return "inline \(inline.typeCondition?.name.value ?? "-")"
            }
        }
        #expect(kinds == ["spread F", "inline User"])
    }

    @Test func locationsAreByteRangesAndCanBeOmitted() throws {
        let source = Source(body: "{ a(b: \"é\") c }")  // é is two bytes
        let document = try Parser.parse(source)
        guard case .operation(let operation) = document.definitions[0], case .field(let field) = operation.selectionSet.selections[1] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(document.location == Location(start: 0, end: 16))
        #expect(document.source === source)
        #expect(field.location == Location(start: 13, end: 14))
        #expect(field.location.map(source.location(of:)) == SourceLocation(line: 1, column: 13))
        let bare = try Parser.parse("{ a }", options: ParseOptions(noLocation: true))
        #expect(bare.location == nil)
        #expect(bare.definitions == [.operation(OperationDefinition(operation: .query, selectionSet: SelectionSet(selections: [
            .field(Field(name: "a")),
        ])))])
    }

    @Test func fieldLocationSpansItsTokens() throws {
        let document = try Parser.parse("{  alias: field(a: 1) @d  }")
        guard case .operation(let operation) = document.definitions[0], case .field(let field) = operation.selectionSet.selections[0] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(field.location?.start == 3)
        #expect(field.location?.end == 24)
        #expect(field.location.map { document.source!.location(of: $0) } == SourceLocation(line: 1, column: 4))
        #expect(operation.location?.start == 0 && operation.location?.end == 27)
    }

    @Test func typeSystemShapes() throws {
        let document = try Parser.parse("""
        "d" type T implements A & B @k { f(x: Int = 1): [T!]! }
        interface I implements A { f: Int }
        union U = A | B
        enum E { X Y }
        input In { a: Int = 1 }
        scalar S
        directive @d(a: Int) repeatable on FIELD | QUERY
        schema { query: T }
        extend type T { g: Int }
        extend schema @k
        """)
        #expect(document.definitions.count == 10)
        guard case .type(.object(let object)) = document.definitions[0] else {
            Issue.record("expected an object type")
            return
        }
        #expect(object.description?.value == "d")
        #expect(object.interfaces.map(\.name.value) == ["A", "B"])
        #expect(object.fields[0].arguments[0].defaultValue.map { Printer.print($0) } == "1")
        guard case .directive(let directive) = document.definitions[6] else {
            Issue.record("expected a directive definition")
            return
        }
        #expect(directive.repeatable)
        #expect(directive.directiveLocations == [.field, .query])
        guard case .typeExtension(.object(let extensionNode)) = document.definitions[8] else {
            Issue.record("expected an extension")
            return
        }
        #expect(extensionNode.fields.map(\.name.value) == ["g"])
    }

    @Test func maxTokensMatchesGraphQLJS() {
        let error = syntaxError("{ a }", options: ParseOptions(maxTokens: 2))
        #expect(error?.message == "Syntax Error: Document contains more that 2 tokens. Parsing aborted.")
        #expect(error?.locations == [SourceLocation(line: 1, column: 5)])
        #expect(syntaxError("{ a }", options: ParseOptions(maxTokens: 3)) == nil)
        // Comments are not tokens.
        #expect(syntaxError("# one\n# two\n{ a }", options: ParseOptions(maxTokens: 3)) == nil)
    }

    @Test func descriptionsOnExecutableDefinitionsAreOptIn() throws {
        let text = "\"Operation\" query Q(\"The id\" $id: ID) { a }\n\"\"\"Fragment\"\"\" fragment F on T { b }"
        #expect(syntaxError(text)?.message == "Syntax Error: Unexpected description, descriptions are supported only on type definitions.")
        let options = ParseOptions(allowExecutableDescriptions: true)
        let document = try Parser.parse(text, options: options)
        guard case .operation(let operation) = document.definitions[0], case .fragment(let fragment) = document.definitions[1] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(operation.description?.value == "Operation")
        #expect(operation.variableDefinitions[0].description?.value == "The id")
        #expect(fragment.description?.block == true)
        let printed = Printer.print(document)
        #expect(printed == "\"Operation\"\nquery Q(\n  \"The id\"\n  $id: ID\n) {\n  a\n}\n\n\"\"\"Fragment\"\"\"\nfragment F on T {\n  b\n}")
        #expect(Printer.print(try Parser.parse(printed, options: options)) == printed)
        // Never on the shorthand form, and never on extensions.
        #expect(syntaxError("\"d\" { a }", options: options)?.message == "Syntax Error: Unexpected \"{\".")
        #expect(syntaxError("\"d\" extend type T @k", options: options) != nil)
    }

    @Test func legacyFragmentVariables() throws {
        let text = "fragment F($a: Int = 1) on T { f(a: $a) }"
        #expect(syntaxError(text)?.message == "Syntax Error: Expected \"on\", found \"(\".")
        let document = try Parser.parse(text, options: ParseOptions(allowLegacyFragmentVariables: true))
        #expect(Printer.print(document) == "fragment F($a: Int = 1) on T {\n  f(a: $a)\n}")
    }

    @Test func valueAndTypeEntryPoints() throws {
        #expect(Printer.print(try Parser.parseValue("[1, 2.5, \"s\", E, null, true, {a: $v}]")) == "[1, 2.5, \"s\", E, null, true, {a: $v}]")
        #expect(throws: GraphQLError.self) { try Parser.parseConstValue("{a: $v}") }
        do { _ = try Parser.parseConstValue("{a: $v}") } catch {
            #expect(error.message == "Syntax Error: Unexpected variable \"$v\" in constant value.")
        }
        #expect(Printer.print(try Parser.parseType("[[Int!]]!")) == "[[Int!]]!")
        #expect(throws: GraphQLError.self) { try Parser.parseType("[Int") }
        #expect(try Parser.parseType("[User!]").namedType.name.value == "User")
    }

    @Test(arguments: [
        ("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2),
        ("query", "Syntax Error: Expected \"{\", found <EOF>.", 1, 6),
        ("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9),
        ("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10),
        ("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10),
        ("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14),
        ("directive @d on FIELDS", "Syntax Error: Unexpected Name \"FIELDS\".", 1, 17),
        ("notAKeyword { a }", "Syntax Error: Unexpected Name \"notAKeyword\".", 1, 1),
        ("{ a(b: \"\"\"x\"\"\" c) }", "Syntax Error: Expected \":\", found \")\".", 1, 17),
        ("\"desc\" \"more\"", "Syntax Error: Unexpected String \"more\".", 1, 8),
    ] as [(String, String, Int, Int)])
    func errorsMatchGraphQLJS(text: String, message: String, line: Int, column: Int) {
        let error = syntaxError(text)
        #expect(error?.message == message)
        #expect(error?.locations == [SourceLocation(line: line, column: column)])
    }

    /// A field's alias, arguments and directives live in a shared box (see `Field`): they must
    /// still read, write, compare and hash like stored properties, with value semantics.
    @Test func fieldPartsBehaveLikeStoredProperties() throws {
        let document = try Parser.parse("{ a: b(x: 1) @d c }")
        guard case .operation(let operation) = document.definitions.first,
              case .field(var field) = operation.selectionSet.selections.first,
              case .field(let plain) = operation.selectionSet.selections.last else {
            Issue.record("expected two fields")
            return
        }
        #expect(field.alias?.value == "a" && field.name.value == "b" && field.responseKey == "a")
        #expect(field.arguments.map(\.name.value) == ["x"] && field.directives.map(\.name.value) == ["d"])
        #expect(plain.alias == nil && plain.arguments.isEmpty && plain.directives.isEmpty && plain.responseKey == "c")
        let original = field
        field.arguments = []
        #expect(field != original)
        #expect(original.arguments.count == 1)
        field.arguments = original.arguments
        #expect(field == original && field.hashValue == original.hashValue)
        field.alias = nil
        field.directives = []
        field.arguments.append(Argument(name: "y", value: .boolean(BooleanValue(true))))
        #expect(field.responseKey == "b" && field.arguments.map(\.name.value) == ["x", "y"] && field.directives.isEmpty)
        field.arguments = []
        let rebuilt = Field(name: original.name, selectionSet: original.selectionSet, location: original.location)
        #expect(field == rebuilt && field.hashValue == rebuilt.hashValue)
        #expect(field != original && original.alias?.value == "a")
    }

    /// The scratch stacks are reused across parses (`ParserScratch`): a parse that fails half way
    /// through a selection set or an argument list must not leave anything behind for the next.
    @Test func failedParseLeavesNothingForTheNext() throws {
        #expect(throws: GraphQLError.self) { try Parser.parse("{ a b(x: 1, y: ") }
        #expect(throws: GraphQLError.self) { try Parser.parse("{ a { b c { d") }
        let document = try Parser.parse("{ e(z: 2) f }")
        guard case .operation(let operation) = document.definitions.first else {
            Issue.record("expected an operation")
            return
        }
        let fields = operation.selectionSet.selections.compactMap { selection -> Field? in
            if case .field(let field) = selection { return field }
            return nil
        }
        #expect(fields.map(\.name.value) == ["e", "f"])
        #expect(fields.first?.arguments.map(\.name.value) == ["z"])
        #expect(Printer.print(document) == "{\n  e(z: 2)\n  f\n}")
    }
}
