import Testing
@testable import GraphQLKit

/// Hostile schemas, documents and values give errors (or bounded work), never a crash, a hang
/// or a blow-up.
@Suite struct HostileExecutionTests {
    static let sdl = """
        type Query { node: Node tree(input: Tree): Int numbers(values: [Int!]!): Int echo(value: String): String }
        type Node { id: ID child: Node children: [Node] }
        input Tree { value: Int child: Tree children: [Tree] }
        """

    static func executable(validator: DocumentValidator = .specified) throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("tree") { args, _ in
                var depth = 0
                var current = args["input"]
                while case .object(let object)? = current {
                    depth += 1
                    current = object["child"]
                }
                return depth
            }
            query.field("numbers") { args, _ in args["values"]?.arrayValue?.count ?? -1 }
            query.field("echo") { args, _ in args.optionalString("value") }
        }
        return try ExecutableSchema(sdl: sdl, resolvers: resolvers, options: ExecutionOptions(validator: validator))
    }

    /// A chain of `depth` nested `{"child": …}` objects.
    static func chain(_ depth: Int) -> JSONValue {
        var value: JSONValue = ["value": 1]
        for _ in 0..<depth { value = ["child": value] }
        return value
    }

    @Test func deeplyNestedInputValuesAreBounded() async throws {
        let executable = try Self.executable()
        let fine = await executable.execute(GraphQLRequest(query: "query($t: Tree) { tree(input: $t) }", variables: ["t": Self.chain(100)]), context: ())
        #expect(fine.dataValue == ["tree": 101])
        let deep = await executable.execute(GraphQLRequest(query: "query($t: Tree) { tree(input: $t) }", variables: ["t": Self.chain(2000)]), context: ())
        #expect(deep.data == nil)
        #expect(deep.errors.first?.message.contains("nested more than 512 levels deep") == true)
        // Literals are limited by the parser's depth limit: a syntax error, not a stack overflow.
        let literal = String(repeating: "{child: ", count: 5000) + "{value: 1}" + String(repeating: "}", count: 5000)
        let parsed = await executable.execute(GraphQLRequest(query: "{ tree(input: \(literal)) }"), context: ())
        #expect(parsed.data == nil && parsed.errors.first?.message.hasPrefix("Syntax Error") == true)
    }

    @Test func hugeListsAreCoercedAndProduced() async throws {
        let executable = try Self.executable()
        let values = JSONValue.array((0..<200_000).map { .int($0) })
        let response = await executable.execute(GraphQLRequest(query: "query($v: [Int!]!) { numbers(values: $v) }", variables: ["v": values]), context: ())
        #expect(response.dataValue == ["numbers": 200_000])
        var resolvers = Resolvers<Void>()
        resolvers.query { query in query.field("many") { _, _ in ResolvedValue.list(Array(repeating: .error(GraphQLError(message: "x")), count: 50_000)) } }
        let errors = try ExecutableSchema<Void>(sdl: "type Query { many: [Int] }", resolvers: resolvers)
        let failed = await errors.execute(GraphQLRequest(query: "{ many }"), context: ())
        #expect(failed.errors.count == 50_000)
        let expectedLength = "{\"many\":[".utf8.count + 50_000 * 5 - 1 + "]}".utf8.count
        #expect(failed.data?.count == expectedLength)
    }

    /// Fragments that double the selection at every level: planning stays bounded (children
    /// are compiled when data reaches them), so with no data it answers at once.
    @Test func fragmentFanOutDoesNotExplodePlanning() async throws {
        var text = "{ node { ...F0 } }\n"
        for level in 0..<40 {
            text += "fragment F\(level) on Node { a: child { ...F\(level + 1) } b: child { ...F\(level + 1) } }\n"
        }
        text += "fragment F40 on Node { id }\n"
        let executable = try Self.executable()
        let response = await executable.execute(GraphQLRequest(query: text), context: (), rootValue: .json(["node": ["child": nil]]))
        #expect(response.dataValue == ["node": ["a": nil, "b": nil]])
    }

    /// A fragment that spreads itself (what validation rejects; here validation is off):
    /// execution is bounded by the data, and planning by its budget.
    @Test func fragmentCyclesTerminate() async throws {
        let executable = try Self.executable(validator: .none)
        let response = await executable.execute(GraphQLRequest(query: "{ node { ...F } } fragment F on Node { id child { ...F } }"), context: (),
                                                rootValue: .json(["node": ["id": "1", "child": ["id": "2"]]]))
        #expect(response.dataValue == ["node": ["id": "1", "child": ["id": "2", "child": nil]]])
    }

    /// The deepest query the parser accepts, over data as deep, executes on a small stack.
    @Test func deepQueriesExecuteOnSmallStacks() async throws {
        let depth = ParseOptions.defaultMaxDepth - 2
        let query = "{ node " + String(repeating: "{ child ", count: depth) + "{ id }" + String(repeating: " }", count: depth) + " }"
        var data: JSONValue = ["id": "leaf"]
        for _ in 0...depth { data = ["child": data] }
        let root: JSONValue = ["node": data]
        let executable = try Self.executable()
        let bytes = await onSmallStack {
            (try? executable.executeSynchronously(GraphQLRequest(query: query), context: (), rootValue: .json(root)))?.data?.count ?? -1
        }
        #expect(bytes > depth * 10)
    }

    @Test func manyAliasesAndDirectivesAreFine() async throws {
        let fields = (0..<5_000).map { "a\($0): echo(value: \"\($0)\") @include(if: true)" }.joined(separator: " ")
        let executable = try Self.executable()
        let response = await executable.execute(GraphQLRequest(query: "{ \(fields) }"), context: ())
        #expect(response.errors.isEmpty)
        #expect(response.dataValue?["a4999"] == "4999")
    }
}
