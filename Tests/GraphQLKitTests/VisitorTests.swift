import Testing
@testable import GraphQLKit

/// Records every enter and leave, by node kind, as graphql-js's visit would.
struct Recorder: ASTVisitor {
    var events: [String] = []
    mutating func record(_ sign: String, _ kind: String) { events.append(sign + kind) }
    mutating func enter(_ node: Document) -> VisitAction<Document> { record("+", "Document"); return .proceed }
    mutating func leave(_ node: Document) -> VisitAction<Document> { record("-", "Document"); return .proceed }
    mutating func enter(_ node: OperationDefinition) -> VisitAction<OperationDefinition> { record("+", "OperationDefinition"); return .proceed }
    mutating func leave(_ node: OperationDefinition) -> VisitAction<OperationDefinition> { record("-", "OperationDefinition"); return .proceed }
    mutating func enter(_ node: VariableDefinition) -> VisitAction<VariableDefinition> { record("+", "VariableDefinition"); return .proceed }
    mutating func leave(_ node: VariableDefinition) -> VisitAction<VariableDefinition> { record("-", "VariableDefinition"); return .proceed }
    mutating func enter(_ node: Variable) -> VisitAction<Variable> { record("+", "Variable"); return .proceed }
    mutating func leave(_ node: Variable) -> VisitAction<Variable> { record("-", "Variable"); return .proceed }
    mutating func enter(_ node: SelectionSet) -> VisitAction<SelectionSet> { record("+", "SelectionSet"); return .proceed }
    mutating func leave(_ node: SelectionSet) -> VisitAction<SelectionSet> { record("-", "SelectionSet"); return .proceed }
    mutating func enter(_ node: Field) -> VisitAction<Field> { record("+", "Field"); return .proceed }
    mutating func leave(_ node: Field) -> VisitAction<Field> { record("-", "Field"); return .proceed }
    mutating func enter(_ node: Argument) -> VisitAction<Argument> { record("+", "Argument"); return .proceed }
    mutating func leave(_ node: Argument) -> VisitAction<Argument> { record("-", "Argument"); return .proceed }
    mutating func enter(_ node: FragmentSpread) -> VisitAction<FragmentSpread> { record("+", "FragmentSpread"); return .proceed }
    mutating func leave(_ node: FragmentSpread) -> VisitAction<FragmentSpread> { record("-", "FragmentSpread"); return .proceed }
    mutating func enter(_ node: InlineFragment) -> VisitAction<InlineFragment> { record("+", "InlineFragment"); return .proceed }
    mutating func leave(_ node: InlineFragment) -> VisitAction<InlineFragment> { record("-", "InlineFragment"); return .proceed }
    mutating func enter(_ node: FragmentDefinition) -> VisitAction<FragmentDefinition> { record("+", "FragmentDefinition"); return .proceed }
    mutating func leave(_ node: FragmentDefinition) -> VisitAction<FragmentDefinition> { record("-", "FragmentDefinition"); return .proceed }
    mutating func enter(_ node: IntValue) -> VisitAction<IntValue> { record("+", "IntValue"); return .proceed }
    mutating func leave(_ node: IntValue) -> VisitAction<IntValue> { record("-", "IntValue"); return .proceed }
    mutating func enter(_ node: StringValue) -> VisitAction<StringValue> { record("+", "StringValue"); return .proceed }
    mutating func leave(_ node: StringValue) -> VisitAction<StringValue> { record("-", "StringValue"); return .proceed }
    mutating func enter(_ node: EnumValue) -> VisitAction<EnumValue> { record("+", "EnumValue"); return .proceed }
    mutating func leave(_ node: EnumValue) -> VisitAction<EnumValue> { record("-", "EnumValue"); return .proceed }
    mutating func enter(_ node: ListValue) -> VisitAction<ListValue> { record("+", "ListValue"); return .proceed }
    mutating func leave(_ node: ListValue) -> VisitAction<ListValue> { record("-", "ListValue"); return .proceed }
    mutating func enter(_ node: ObjectValue) -> VisitAction<ObjectValue> { record("+", "ObjectValue"); return .proceed }
    mutating func leave(_ node: ObjectValue) -> VisitAction<ObjectValue> { record("-", "ObjectValue"); return .proceed }
    mutating func enter(_ node: ObjectField) -> VisitAction<ObjectField> { record("+", "ObjectField"); return .proceed }
    mutating func leave(_ node: ObjectField) -> VisitAction<ObjectField> { record("-", "ObjectField"); return .proceed }
    mutating func enter(_ node: Directive) -> VisitAction<Directive> { record("+", "Directive"); return .proceed }
    mutating func leave(_ node: Directive) -> VisitAction<Directive> { record("-", "Directive"); return .proceed }
    mutating func enter(_ node: NamedType) -> VisitAction<NamedType> { record("+", "NamedType"); return .proceed }
    mutating func leave(_ node: NamedType) -> VisitAction<NamedType> { record("-", "NamedType"); return .proceed }
    mutating func enter(_ node: ListType) -> VisitAction<ListType> { record("+", "ListType"); return .proceed }
    mutating func leave(_ node: ListType) -> VisitAction<ListType> { record("-", "ListType"); return .proceed }
    mutating func enter(_ node: NonNullType) -> VisitAction<NonNullType> { record("+", "NonNullType"); return .proceed }
    mutating func leave(_ node: NonNullType) -> VisitAction<NonNullType> { record("-", "NonNullType"); return .proceed }
    mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction<ObjectTypeDefinition> { record("+", "ObjectTypeDefinition"); return .proceed }
    mutating func leave(_ node: ObjectTypeDefinition) -> VisitAction<ObjectTypeDefinition> { record("-", "ObjectTypeDefinition"); return .proceed }
    mutating func enter(_ node: FieldDefinition) -> VisitAction<FieldDefinition> { record("+", "FieldDefinition"); return .proceed }
    mutating func leave(_ node: FieldDefinition) -> VisitAction<FieldDefinition> { record("-", "FieldDefinition"); return .proceed }
    mutating func enter(_ node: InputValueDefinition) -> VisitAction<InputValueDefinition> { record("+", "InputValueDefinition"); return .proceed }
    mutating func leave(_ node: InputValueDefinition) -> VisitAction<InputValueDefinition> { record("-", "InputValueDefinition"); return .proceed }
    mutating func enter(_ node: UnionTypeExtension) -> VisitAction<UnionTypeExtension> { record("+", "UnionTypeExtension"); return .proceed }
    mutating func leave(_ node: UnionTypeExtension) -> VisitAction<UnionTypeExtension> { record("-", "UnionTypeExtension"); return .proceed }
    mutating func enter(_ node: Name) -> VisitAction<Name> { record("+", "Name"); return .proceed }
    mutating func leave(_ node: Name) -> VisitAction<Name> { record("-", "Name"); return .proceed }
}

@Suite struct VisitorTests {
    /// The enter/leave sequence graphql-js 16.6's `visit` produces for the same document.
    @Test func traversalOrderMatchesGraphQLJS() throws {
        let document = try Parser.parse("""
        "d" type T implements I @x(a: 1) { "f" f(a: [Int!] = [1, {b: C}]): String }
        query Q($v: Int = 1 @d) @o { a: f(x: "s") @k { ...F ... on T { g } } }
        fragment F on T { h }
        extend union U = A
        """)
        var recorder = Recorder()
        visit(document, with: &recorder)
        let expected = """
        +Document +ObjectTypeDefinition +StringValue -StringValue +Name -Name +NamedType +Name -Name -NamedType +Directive +Name -Name +Argument +Name -Name +IntValue -IntValue -Argument -Directive +FieldDefinition +StringValue -StringValue +Name -Name +InputValueDefinition +Name -Name +ListType +NonNullType +NamedType +Name -Name -NamedType -NonNullType -ListType +ListValue +IntValue -IntValue +ObjectValue +ObjectField +Name -Name +EnumValue -EnumValue -ObjectField -ObjectValue -ListValue -InputValueDefinition +NamedType +Name -Name -NamedType -FieldDefinition -ObjectTypeDefinition +OperationDefinition +Name -Name +VariableDefinition +Variable +Name -Name -Variable +NamedType +Name -Name -NamedType +IntValue -IntValue +Directive +Name -Name -Directive -VariableDefinition +Directive +Name -Name -Directive +SelectionSet +Field +Name -Name +Name -Name +Argument +Name -Name +StringValue -StringValue -Argument +Directive +Name -Name -Directive +SelectionSet +FragmentSpread +Name -Name -FragmentSpread +InlineFragment +NamedType +Name -Name -NamedType +SelectionSet +Field +Name -Name -Field -SelectionSet -InlineFragment -SelectionSet -Field -SelectionSet -OperationDefinition +FragmentDefinition +Name -Name +NamedType +Name -Name -NamedType +SelectionSet +Field +Name -Name -Field -SelectionSet -FragmentDefinition +UnionTypeExtension +Name -Name +NamedType +Name -Name -NamedType -UnionTypeExtension -Document
        """
        #expect(recorder.events.joined(separator: " ") == expected)
    }

    @Test func readOnlyVisitReturnsTheSameDocument() throws {
        let document = try Parser.parse("{ a { b } }")
        var counter = NodeCounter()
        #expect(visit(document, with: &counter) == document)
        #expect(counter.count == 4)  // two selections, two names
    }

    struct Editor: ASTVisitor {
        mutating func enter(_ node: Selection) -> VisitAction<Selection> {
            if node.directives.contains(where: { $0.name.value == "client" }) { return .remove }
            return .proceed
        }
        mutating func enter(_ node: Value) -> VisitAction<Value> {
            if case .variable(let variable) = node, variable.name.value == "limit" { return .replace(.int(IntValue("10"))) }
            return .proceed
        }
        mutating func leave(_ node: Name) -> VisitAction<Name> {
            node.value == "old" ? .replace(Name("new")) : .proceed
        }
        mutating func enter(_ node: InlineFragment) -> VisitAction<InlineFragment> { .skipChildren }
    }

    @Test func editsReplaceRemoveAndSkip() throws {
        let document = try Parser.parse("{ old(first: $limit) local @client ... on T { old } other { old } }")
        var editor = Editor()
        let edited = visit(document, with: &editor)
        #expect(Printer.print(edited) == "{\n  new(first: 10)\n  ... on T {\n    old\n  }\n  other {\n    new\n  }\n}")
        #expect(Printer.print(document).contains("@client"))
    }

    struct StopAtSecondField: ASTVisitor {
        var seen: [String] = []
        mutating func enter(_ node: Field) -> VisitAction<Field> {
            seen.append(node.name.value)
            return seen.count == 2 ? .stop : .proceed
        }
        mutating func leave(_ node: Name) -> VisitAction<Name> { .replace(Name(node.value.uppercased())) }
    }

    @Test func stopKeepsEditsMadeSoFar() throws {
        let document = try Parser.parse("{ a b c }")
        var visitor = StopAtSecondField()
        let edited = visit(document, with: &visitor)
        #expect(visitor.seen == ["a", "b"])
        #expect(Printer.print(edited) == "{\n  A\n  b\n  c\n}")
    }
}
