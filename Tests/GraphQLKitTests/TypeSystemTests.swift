import Testing
@testable import GraphQLKit

@Suite struct BuildSchemaTests {
    @Test func buildsEveryKindOfType() throws {
        let schema = try buildSchema("""
            "Root" type Query { node(id: ID!): Node pets: [Pet!]! color(c: Color = RED): Color search(f: Filter): String }
            interface Node { id: ID! }
            interface Named implements Node { id: ID! name: String }
            type Cat implements Node & Named { id: ID! name: String lives: Int @deprecated(reason: "cats") }
            type Dog implements Node & Named { id: ID! name: String }
            union Pet = Cat | Dog
            enum Color { RED GREEN @deprecated BLUE }
            input Filter { term: String! limit: Int = 10 }
            scalar Date @specifiedBy(url: "https://example.com")
            """)
        #expect(schema.queryTypeName == "Query")
        #expect(schema.mutationTypeName == nil)
        #expect(schema.objectType("Query")?.description == "Root")
        #expect(schema.possibleTypes(of: "Node").map(\.name) == ["Cat", "Dog"])
        #expect(schema.possibleTypes(of: "Pet").map(\.name) == ["Cat", "Dog"])
        #expect(schema.implementations(of: "Node").interfaces == ["Named"])
        #expect(schema.isSubType("Node", "Cat") && schema.isSubType("Node", "Named") && !schema.isSubType("Pet", "Named"))
        #expect(schema.objectType("Cat")?.fields["lives"]?.deprecationReason == "cats")
        guard case .enum(let color)? = schema.namedType("Color") else { Issue.record("no enum"); return }
        #expect(color.values["GREEN"]?.deprecationReason == "No longer supported")
        #expect(schema.inputObjectType("Filter")?.fields["limit"]?.defaultValue == .int(10))
        #expect(schema.objectType("Query")?.fields["color"]?.argument("c")?.defaultValue == .string("RED"))
        guard case .scalar(let date)? = schema.namedType("Date") else { Issue.record("no scalar"); return }
        #expect(date.specifiedByURL == "https://example.com")
        #expect(schema.directives.map(\.name) == ["include", "skip", "deprecated", "specifiedBy", "oneOf"])
        #expect(schema.validationErrors.isEmpty)
    }

    /// graphql-js's type-map order: each given type followed by the built-in scalars it first
    /// mentions, then the directives' argument types, then the introspection types.
    @Test func typeMapOrderFollowsGraphQLJS() throws {
        let schema = try buildSchema("type Query { b: B a: Int } type B { s: String f: Float } enum E { X }")
        #expect(schema.types.map(\.name) == [
            "Query", "Int", "B", "String", "Float", "E", "Boolean",
            "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation",
        ])
    }

    @Test func extensionsOfEveryKind() throws {
        let schema = try buildSchema("""
            type Query { a: Int }
            extend type Query implements HasB { b: String }
            interface HasB { b: String }
            interface Base { x: Int }
            extend interface Base { y: Int }
            type T implements Base { x: Int y: Int }
            union U = T
            extend union U = Query
            enum E { A }
            extend enum E { B }
            input I { p: Int }
            extend input I { q: Int = 2 }
            scalar S
            type M { ok: Boolean }
            extend schema { mutation: M }
            """)
        #expect(schema.objectType("Query")?.fields.names == ["a", "b"])
        #expect(schema.objectType("Query")?.interfaces == ["HasB"])
        #expect(schema.interfaceType("Base")?.fields.names == ["x", "y"])
        guard case .union(let union)? = schema.namedType("U"), case .enum(let enumType)? = schema.namedType("E") else {
            Issue.record("missing types")
            return
        }
        #expect(union.types == ["T", "Query"])
        #expect(enumType.values.names == ["A", "B"])
        #expect(schema.inputObjectType("I")?.fields["q"]?.defaultValue == .int(2))
        #expect(schema.mutationTypeName == "M")
    }

    @Test func extendSchemaAddsToAnExistingSchema() throws {
        let schema = try buildSchema("type Query { a: Int } scalar S enum E { A }")
        let extended = try extendSchema(schema, with: try Parser.parse("""
            extend type Query { b: E }
            extend scalar S @specifiedBy(url: "https://s")
            extend enum E { B }
            type Mutation { m: Int }
            extend schema { mutation: Mutation }
            directive @flag on FIELD
            """))
        #expect(extended.objectType("Query")?.fields.names == ["a", "b"])
        guard case .scalar(let scalar)? = extended.namedType("S") else { Issue.record("no S"); return }
        #expect(scalar.specifiedByURL == "https://s")
        #expect(extended.mutationTypeName == "Mutation")
        #expect(extended.directive("flag") != nil)
        #expect(schema.objectType("Query")?.fields.names == ["a"], "the original schema is unchanged")
        #expect(try extendSchema(schema, with: try Parser.parse("{ a }")) === schema, "nothing to add: the same schema")
    }

    @Test func unbuildableSDLThrows() {
        // The SDL rules run first (graphql-js's message); without them the builder reports it.
        #expect(throws: GraphQLError(message: "Unknown type \"Missing\".")) { try buildSchema("type Query { a: Missing }") }
        #expect(throws: GraphQLError(message: "Unknown type: \"Missing\".")) {
            try buildSchema("type Query { a: Missing }", options: BuildSchemaOptions(assumeValidSDL: true))
        }
        #expect(throws: GraphQLError.self) { try buildSchema("type Query { a: Int } extend type Nope { b: Int }") }
        #expect(throws: GraphQLError.self) { try buildSchema("type Query { a: Int } type Query { b: Int }") }
        #expect(throws: GraphQLError.self) { try buildSchema("type Query { a: Int } enum E { A } extend input E { b: Int }") }
        #expect(throws: GraphQLError.self) { try buildSchema("type Query { a(x: Int @deprecated(reason: 5)): Int }") }
        #expect(throws: GraphQLError.self) { try buildSchema("type Query { a: Int } scalar S @specifiedBy") }
        #expect(throws: GraphQLError.self) { try buildSchema("type Query { a: Int") }
    }

    @Test func invalidDefaultValuesAreDroppedAsInGraphQLJS() throws {
        let schema = try buildSchema("type Query { a(x: Int = \"no\", y: Int = 3000000000, z: [Int] = 4, w: Float = 1): Int }")
        let arguments = try #require(schema.objectType("Query")?.fields["a"]?.arguments)
        #expect(arguments.map(\.defaultValue) == [nil, nil, .array([.int(4)]), .int(1)])
    }

    @Test func inputDefaultsFillNestedFieldDefaults() throws {
        let schema = try buildSchema("""
            type Query { f(p: Point = {x: 1}): Int }
            input Point { x: Int! y: Int = 7 z: Inner = {} }
            input Inner { q: String = "q" }
            """)
        #expect(schema.objectType("Query")?.fields["f"]?.argument("p")?.defaultValue
                == .object(["x": 1, "y": 7, "z": .object(["q": "q"])]))
        #expect(try printSchema(schema).contains("f(p: Point = {x: 1, y: 7, z: {q: \"q\"}}): Int"))
    }

    /// Defaults that need their own type's defaults would recurse forever in graphql-js (a
    /// stack overflow); GraphQLKit reports the cycle.
    @Test func cyclicInputDefaultsAreAnError() {
        #expect(throws: GraphQLError.self) {
            try buildSchema("type Query { f(a: A): Int } input A { b: B = {} } input B { a: A = {} }")
        }
        #expect(throws: GraphQLError.self) {
            try buildSchema("type Query { f(a: A): Int } input A { x: Int = 1 me: A = {} }")
        }
    }

    /// A hostile schema: a 20,000-type chain and a 5,000-member union build without recursion
    /// trouble.
    @Test func longTypeChainsBuild() throws {
        var sdl = "type Query { t0: T0 }\n"
        for index in 0..<20_000 { sdl += "type T\(index) { next: T\(index + 1) }\n" }
        sdl += "type T20000 { end: Int }\n"
        sdl += "input I0 { next: I1! }\n"
        for index in 1..<5_000 { sdl += "input I\(index) { next: I\(index + 1)! }\n" }
        sdl += "input I5000 { back: I0! }\n"
        sdl += "union Big = " + (0..<5_000).map { "T\($0)" }.joined(separator: " | ") + "\n"
        let schema = try buildSchema(sdl)
        #expect(schema.types.count > 25_000)
        let errors = schema.validationErrors
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("Cannot reference Input Object \"I0\" within itself through a series of non-null fields: \"next.next.") == true)
        #expect(try printSchema(schema).count > 100_000)
    }
}

@Suite struct SchemaValidationTests {
    func messages(_ sdl: String) throws -> [String] {
        try buildSchema(sdl).validationErrors.map(\.message)
    }

    @Test func rootTypes() throws {
        #expect(try messages("type Foo { a: Int }") == ["Query root type must be provided."])
        #expect(try messages("schema { query: Q } scalar Q") == ["Query root type must be Object type, it cannot be Q."])
        let errors = try buildSchema("schema { query: Q } scalar Q").validationErrors
        #expect(errors.first?.locations == [SourceLocation(line: 1, column: 17)])
    }

    @Test func interfacesAndFields() throws {
        #expect(try messages("type Query { a: Int } interface I { a: Int } type T implements I { b: Int }") == [
            "Interface field I.a expected but T does not provide it.",
        ])
        #expect(try messages("type Query { a: Int } interface I { a: Int } type T implements I { a: String }") == [
            "Interface field I.a expects type Int but T.a is type String.",
        ])
        #expect(try messages("type Query { a: Int } interface I implements J { a: Int } interface J implements I { a: Int }") == [
            "Type I cannot implement J because it would create a circular reference.",
            "Type J cannot implement I because it would create a circular reference.",
        ])
        #expect(try messages("type Query { __a: Int }") == [
            "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.",
        ])
        #expect(try messages("type Query { a(x: Int! @deprecated): Int }") == ["Required argument Query.a(x:) cannot be deprecated."])
        #expect(try messages("type Query { a: Int } union U = Query | Query") == ["Union type U can only include type Query once."])
        #expect(try messages("type Query { a: Int } type Empty") == ["Type Empty must define one or more fields."])
        #expect(try messages("type Query { a: I } input I { x: Int }") == ["The type of Query.a must be Output Type but got: I."])
    }

    @Test func oneOfRules() throws {
        #expect(try messages("type Query { a(i: O): Int } input O @oneOf { a: Int! b: String = \"x\" }") == [
            "OneOf input field O.a must be nullable.",
            "OneOf input field O.b cannot have a default value.",
        ])
    }
}

@Suite struct ValueCoercionTests {
    let schema: GraphQLSchema = try! buildSchema("""
        type Query { a: Int }
        input Point { x: Int! y: Float = 1.5 tags: [String] }
        enum Color { RED BLUE }
        input Choice @oneOf { id: ID name: String }
        """)

    func variableErrors(_ type: String, _ value: JSONValue) -> [String] {
        let document = try! Parser.parse("query($v: \(type)) { a }")
        guard case .operation(let operation) = document.definitions[0] else { return [] }
        return schema.coerceVariableValues(operation.variableDefinitions, inputs: ["v": value]).errors.map(\.message)
    }

    @Test func variableMessagesMatchGraphQLJS() {
        #expect(variableErrors("Int", 1.5) == ["Variable \"$v\" got invalid value 1.5; Int cannot represent non-integer value: 1.5"])
        #expect(variableErrors("Int!", nil) == ["Variable \"$v\" of non-null type \"Int!\" must not be null."])
        #expect(variableErrors("Point", ["x": "a", "z": 1]) == [
            "Variable \"$v\" got invalid value \"a\" at \"v.x\"; Int cannot represent non-integer value: \"a\"",
            "Variable \"$v\" got invalid value { x: \"a\", z: 1 }; Field \"z\" is not defined by type \"Point\". Did you mean \"x\" or \"y\"?",
        ])
        #expect(variableErrors("Color", "REED") == [
            "Variable \"$v\" got invalid value \"REED\"; Value \"REED\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?",
        ])
        #expect(variableErrors("[Int]", [1, "x"]) == ["Variable \"$v\" got invalid value \"x\" at \"v[1]\"; Int cannot represent non-integer value: \"x\""])
        #expect(variableErrors("Choice", ["id": "1", "name": "n"]) == [
            "Variable \"$v\" got invalid value { id: \"1\", name: \"n\" }; Exactly one key must be specified for OneOf type \"Choice\".",
        ])
    }

    @Test func coercedVariablesFillDefaults() {
        let document = try! Parser.parse("query($p: Point, $ids: [ID], $missing: Int, $d: Int = 3) { a }")
        guard case .operation(let operation) = document.definitions[0] else { return }
        let result = schema.coerceVariableValues(operation.variableDefinitions, inputs: ["p": ["x": 1], "ids": 7])
        #expect(result.errors.isEmpty)
        #expect(result.values == ["p": .object(["x": 1, "y": 1.5]), "ids": ["7"], "d": 3])
    }

    @Test func literalsCoerceLikeValueFromAST() throws {
        #expect(schema.valueFromAST(try Parser.parseValue("{x: 2}"), type: .named("Point")) == .object(["x": 2, "y": 1.5]))
        #expect(schema.valueFromAST(try Parser.parseValue("{y: 2}"), type: .named("Point")) == nil)
        #expect(schema.valueFromAST(try Parser.parseValue("$v"), type: .named("Int"), variables: ["v": 3]) == .int(3))
        #expect(schema.valueFromAST(try Parser.parseValue("[1, $missing]"), type: .list(.named("Int")), variables: [:]) == .array([1, nil]))
        #expect(schema.valueFromAST(try Parser.parseValue("{id: \"1\", name: \"x\"}"), type: .named("Choice")) == nil)
        #expect(schema.valueFromAST(try Parser.parseValue("BLUE"), type: .named("Color")) == .string("BLUE"))
        #expect(schema.valueFromAST(try Parser.parseValue("\"BLUE\""), type: .named("Color")) == nil)
    }

    @Test func astFromValuePrintsDefaults() throws {
        #expect(try schema.astFromValue(.int(1), type: .named("Float")).map(Printer.print) == "1")
        #expect(try schema.astFromValue(.double(1.5e30), type: .named("Float")).map(Printer.print) == "1.5e+30")
        #expect(try schema.astFromValue(.string("123"), type: .named("ID")).map(Printer.print) == "123")
        #expect(try schema.astFromValue(.string("RED"), type: .list(.named("Color"))).map(Printer.print) == "RED")
        #expect(try schema.astFromValue(.null, type: .nonNull(.named("Int"))) == nil)
    }

    @Test func builtInScalarResultCoercion() throws {
        func serialize(_ value: ResolvedValue, _ scalar: GraphQLScalarType) -> String {
            do { return try scalar.coercion.serialize(value, scalarName: scalar.name).serialized() } catch { return "error: \((error as? GraphQLError)?.message ?? "\(error)")" }
        }
        #expect(serialize(.string(" 12 "), .int) == "12")
        #expect(serialize(.string("0x10"), .int) == "16")
        #expect(serialize(.double(1.5), .int) == "error: Int cannot represent non-integer value: 1.5")
        #expect(serialize(.int(1 << 40), .int) == "error: Int cannot represent non 32-bit signed integer value: 1099511627776")
        #expect(serialize(.bool(true), .float) == "1")
        #expect(serialize(.string("abc"), .float) == "error: Float cannot represent non numeric value: \"abc\"")
        #expect(serialize(.double(1e21), .string) == "\"1e+21\"")
        #expect(serialize(.json(["a": 1]), .string) == "error: String cannot represent value: { a: 1 }")
        #expect(serialize(.int(0), .boolean) == "false")
        #expect(serialize(.string("true"), .boolean) == "error: Boolean cannot represent a non boolean value: \"true\"")
        #expect(serialize(.int(7), .id) == "\"7\"")
        #expect(serialize(.double(1.5), .id) == "error: ID cannot represent value: 1.5")
    }

    @Test func helpersBehaveLikeJavaScript() {
        #expect(javaScriptNumber("  1e3\n") == 1000)
        #expect(javaScriptNumber("") == 0)
        #expect(javaScriptNumber("0b101") == 5)
        #expect(javaScriptNumber("-0x10").isNaN)
        #expect(javaScriptNumber("1_000").isNaN)
        #expect(javaScriptNumber("-Infinity") == -.infinity)
        #expect(inspect(JSONValue.array(Array(repeating: 1, count: 12))) == "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ... 2 more items]")
        #expect(inspect(["a": ["b": ["c": 1]]]) == "{ a: { b: [Object] } }")
        #expect(inspect(["b": 1, "2": 2, "1": 1]) == "{ 1: 1, 2: 2, b: 1 }")
        #expect(suggestionList("nmae", options: ["name", "names", "id", "NAME"]) == ["NAME", "name", "names"])
        #expect(didYouMean(["a", "b", "c", "d", "e", "f"]) == " Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?")
        #expect(naturalCompare("item10", "item9") > 0)
    }
}

@Suite struct TypeInfoTests {
    /// A visitor that records the parent type and field type at every field, driving a
    /// ``TypeInfo`` from its hooks.
    struct Recorder: ASTVisitor {
        var typeInfo: TypeInfo
        var seen: [String] = []

        mutating func enter(_ node: OperationDefinition) -> VisitAction<OperationDefinition> { typeInfo.enter(node); return .proceed }
        mutating func leave(_ node: OperationDefinition) -> VisitAction<OperationDefinition> { typeInfo.leave(node); return .proceed }
        mutating func enter(_ node: SelectionSet) -> VisitAction<SelectionSet> { typeInfo.enter(node); return .proceed }
        mutating func leave(_ node: SelectionSet) -> VisitAction<SelectionSet> { typeInfo.leave(node); return .proceed }
        mutating func enter(_ node: InlineFragment) -> VisitAction<InlineFragment> { typeInfo.enter(node); return .proceed }
        mutating func leave(_ node: InlineFragment) -> VisitAction<InlineFragment> { typeInfo.leave(node); return .proceed }
        mutating func enter(_ node: Argument) -> VisitAction<Argument> {
            typeInfo.enter(node)
            seen.append("arg \(node.name.value): \(typeInfo.inputType?.description ?? "?")")
            return .proceed
        }
        mutating func leave(_ node: Argument) -> VisitAction<Argument> { typeInfo.leave(node); return .proceed }
        mutating func enter(_ node: ObjectField) -> VisitAction<ObjectField> {
            typeInfo.enter(node)
            seen.append("field \(node.name.value): \(typeInfo.inputType?.description ?? "?")")
            return .proceed
        }
        mutating func leave(_ node: ObjectField) -> VisitAction<ObjectField> { typeInfo.leave(node); return .proceed }
        mutating func enter(_ node: Field) -> VisitAction<Field> {
            typeInfo.enter(node)
            seen.append("\(typeInfo.parentType?.name ?? "?").\(node.name.value): \(typeInfo.type?.description ?? "?")")
            return .proceed
        }
        mutating func leave(_ node: Field) -> VisitAction<Field> { typeInfo.leave(node); return .proceed }
    }

    @Test func tracksTypesThroughADocument() throws {
        let schema = try buildSchema("""
            type Query { pet(filter: F): Pet }
            union Pet = Cat | Dog
            type Cat { name: String! }
            type Dog { barks: Boolean }
            input F { kind: String nested: F }
            """)
        let document = try Parser.parse("{ pet(filter: {nested: {kind: \"x\"}}) { __typename ... on Cat { name } nope } }")
        var recorder = Recorder(typeInfo: TypeInfo(schema: schema))
        visit(document, with: &recorder)
        #expect(recorder.seen == [
            "Query.pet: Pet", "arg filter: F", "field nested: F", "field kind: String",
            "Pet.__typename: String!", "Cat.name: String!", "Pet.nope: ?",
        ])
    }
}
