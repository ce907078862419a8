import Testing
@testable import GraphQLKit

/// The resolver API and the executor's behaviour beyond what the oracle corpus covers:
/// typed Swift sources, async resolvers and their holes, mutations, abstract types.
@Suite struct ExecutionTests {
    struct Book: GraphQLObject {
        let id: String
        let title: String
        let authorID: String
        let rating: Double?
    }

    struct Author: GraphQLObject {
        let id: String
        let name: String
    }

    enum Genre: String, GraphQLEnumValueConvertible {
        case FICTION, POETRY
    }

    /// A request context: the data the resolvers read and a log of what they did.
    final class Library: Sendable {
        let books = [
            Book(id: "b1", title: "Dune", authorID: "a1", rating: 4.5),
            Book(id: "b2", title: "Emma", authorID: "a2", rating: nil),
            Book(id: "b3", title: "Ubik", authorID: "a9", rating: 3),
        ]
        let authors = ["a1": Author(id: "a1", name: "Herbert"), "a2": Author(id: "a2", name: "Austen")]
        let log = Locked<[String]>([])

        func record(_ entry: String) { log.withLock { $0.append(entry) } }
    }

    static let sdl = """
        type Query {
          books(first: Int = 10): [Book!]!
          book(id: ID!): Book
          slowBook(id: ID!): Book
          search(filter: Filter!): [Book!]!
          genre: Genre!
          echo(text: String = "hi", times: Int): String
        }
        type Mutation { add(title: String!): Book! fail: Book! }
        type Book { id: ID! title: String! author: Author rating: Float genre: Genre }
        type Author { id: ID! name: String! }
        input Filter { titlePrefix: String! minRating: Float = 0 }
        enum Genre { FICTION POETRY }
        """

    static func executable() throws -> ExecutableSchema<Library> {
        var resolvers = Resolvers<Library>()
        resolvers.query { query in
            query.field("books") { args, library in Array(library.books.prefix(args.int("first") ?? 10)) }
            query.field("book") { args, library in library.books.first { $0.id == (try? args.string("id")) } }
            query.field("slowBook") { (args: FieldArguments, library: Library) async throws -> Book? in
                try await Task.sleep(nanoseconds: 1_000_000)
                library.record("slowBook")
                return library.books.first { $0.id == (try? args.string("id")) }
            }
            query.field("search") { args, library in
                struct Filter: Decodable { let titlePrefix: String; let minRating: Double }
                let filter = try args.decode(Filter.self, "filter")
                return library.books.filter { $0.title.hasPrefix(filter.titlePrefix) && ($0.rating ?? 0) >= filter.minRating }
            }
            query.field("genre") { _, _ in Genre.POETRY }
            query.field("echo") { args, _ in
                String(repeating: args.optionalString("text") ?? "", count: args.int("times") ?? 1)
            }
        }
        resolvers.mutation { mutation in
            mutation.field("add") { (args: FieldArguments, library: Library) async throws -> Book in
                let title = try args.string("title")
                try await Task.sleep(nanoseconds: UInt64(title.count) * 1_000_000)
                library.record("add \(title)")
                return Book(id: "new", title: title, authorID: "a1", rating: nil)
            }
            mutation.field("fail") { (_: FieldArguments, _: Library) async throws -> Book in
                throw GraphQLError(message: "no", extensions: ["code": "DENIED"])
            }
        }
        resolvers.type("Book", as: Book.self) { book in
            book.field("id", \.id)
            book.field("title", \.title)
            book.field("rating", \.rating)
            book.field("author") { (book: Book, _: FieldArguments, library: Library) async throws -> Author? in
                library.authors[book.authorID]
            }
        }
        resolvers.type("Author", as: Author.self) { author in
            author.field("id", \.id)
            author.field("name", \.name)
        }
        return try ExecutableSchema(sdl: sdl, resolvers: resolvers)
    }

    func run(_ query: String, variables: JSONObject = [:], operationName: String? = nil, library: Library = Library()) async throws -> String {
        let response = try await Self.executable().execute(GraphQLRequest(query: query, operationName: operationName, variables: variables), context: library)
        return String(decoding: response.serialized(), as: UTF8.self)
    }

    @Test func typedResolversKeyPathsAndArguments() async throws {
        #expect(try await run("{ books(first: 2) { id title rating } genre echo(times: 2) }")
                == #"{"data":{"books":[{"id":"b1","title":"Dune","rating":4.5},{"id":"b2","title":"Emma","rating":null}],"genre":"POETRY","echo":"hihi"}}"#)
        #expect(try await run(#"query($p: String!) { search(filter: {titlePrefix: $p, minRating: 4}) { title } }"#, variables: ["p": "D"])
                == #"{"data":{"search":[{"title":"Dune"}]}}"#)
    }

    @Test func asyncResolversFillTheirHolesInOrder() async throws {
        #expect(try await run("{ a: book(id: \"b1\") { title author { name } } b: slowBook(id: \"b2\") { author { name } } c: book(id: \"b3\") { author { name } } }")
                == #"{"data":{"a":{"title":"Dune","author":{"name":"Herbert"}},"b":{"author":{"name":"Austen"}},"c":{"author":null}}}"#)
    }

    @Test func mutationFieldsRunOneAfterAnother() async throws {
        let library = Library()
        // "a much longer title" sleeps longer; it still runs (and is logged) first.
        let result = try await run(#"mutation { first: add(title: "a much longer title") { title } second: add(title: "b") { title } }"#, library: library)
        #expect(result == #"{"data":{"first":{"title":"a much longer title"},"second":{"title":"b"}}}"#)
        #expect(library.log.withLock { $0 } == ["add a much longer title", "add b"])
    }

    @Test func nonNullFailureInAHoleNullsTheParentAndKeepsTheError() async throws {
        let result = try await run(#"mutation { add(title: "x") { title } fail { title } }"#)
        #expect(result == #"{"errors":[{"message":"no","locations":[{"line":1,"column":38}],"path":["fail"],"extensions":{"code":"DENIED"}}],"data":null}"#)
    }

    @Test func errorsFromResolversCarryPathsAndLocations() async throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "disk on fire" } }
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("items") { _, _ in [ResolvedValue.int(1), .error(Broken()), .int(3)] }
            query.field("strict") { (_: FieldArguments, _: Void) async throws -> Int in throw Broken() }
            query.field("count") { (_: FieldArguments, _: Void) async throws -> Int in 7 }
        }
        let executable = try ExecutableSchema<Void>(sdl: "type Query { items: [Int] strict: Int! count: Int }", resolvers: resolvers)
        let partial = await executable.execute(GraphQLRequest(query: "{ items count }"), context: ())
        #expect(String(decoding: partial.serialized(), as: UTF8.self)
                == #"{"errors":[{"message":"disk on fire","locations":[{"line":1,"column":3}],"path":["items",1]}],"data":{"items":[1,null,3],"count":7}}"#)
        let failed = await executable.execute(GraphQLRequest(query: "{ count strict }"), context: ())
        #expect(String(decoding: failed.serialized(), as: UTF8.self)
                == #"{"errors":[{"message":"disk on fire","locations":[{"line":1,"column":9}],"path":["strict"]}],"data":null}"#)
    }

    @Test func resolveInfoHasThePath() async throws {
        struct Item: GraphQLObject { let number: Int }
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("list") { _, _ in [Item(number: 1), Item(number: 2)] }
        }
        resolvers.type("Item", as: Item.self) { item in
            item.field("where") { (_: Item, _: FieldArguments, _: Void, info: ResolveInfo) throws -> String in
                info.path.map(\.description).joined(separator: ".") + " on " + info.parentTypeName
            }
            item.field("later") { (_: Item, _: FieldArguments, _: Void, info: ResolveInfo) async throws -> String in
                info.path.map(\.description).joined(separator: ".")
            }
        }
        let executable = try ExecutableSchema<Void>(sdl: "type Query { list: [Item] } type Item { where: String later: String }", resolvers: resolvers)
        let response = await executable.execute(GraphQLRequest(query: "{ list { w: where later } }"), context: ())
        #expect(String(decoding: response.serialized(), as: UTF8.self)
                == #"{"data":{"list":[{"w":"list.0.w on Item","later":"list.0.later"},{"w":"list.1.w on Item","later":"list.1.later"}]}}"#)
    }

    @Test func abstractTypesResolveBySwiftTypeTypenameOrResolver() async throws {
        struct Cat: GraphQLObject { let name: String }
        struct Dog: GraphQLObject { let name: String; let barks: Bool }
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("pets") { _, _ in
                [ResolvedValue.object(ObjectSource(Cat(name: "Tom"))), Dog(name: "Rex", barks: true).resolvedValue]
            }
            query.field("json") { _, _ in JSONValue.array([["__typename": "Robot", "name": "R2"], ["__typename": "Toaster"]]) }
            query.field("named") { _, _ in [Cat(name: "Tom").resolvedValue, .object(ObjectSource(Dog(name: "Fido", barks: false), typename: "Dog"))] }
        }
        resolvers.type("Cat", as: Cat.self) { cat in cat.field("name", \.name) }
        resolvers.resolveType("Named") { value, _ in value.typename == "Toaster" ? "Robot" : nil }
        resolvers.type("Dog", as: Dog.self) { dog in
            dog.field("name", \.name)
            dog.field("barks", \.barks)
        }
        let executable = try ExecutableSchema<Void>(sdl: """
            type Query { pets: [Pet!]! named: [Named!]! json: [Named] }
            union Pet = Cat | Dog
            interface Named { name: String! }
            type Cat implements Named { name: String! }
            type Dog implements Named { name: String! barks: Boolean! }
            type Robot implements Named { name: String! }
            """, resolvers: resolvers)
        let response = await executable.execute(GraphQLRequest(query: "{ pets { __typename ... on Dog { barks } ... on Named { name } } named { name __typename } json { name } }"), context: ())
        #expect(String(decoding: response.serialized(), as: UTF8.self)
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Robot.name.","locations":[{"line":1,"column":99}],"path":["json",1,"name"]}],"data":{"pets":[{"__typename":"Cat","name":"Tom"},{"__typename":"Dog","barks":true,"name":"Rex"}],"named":[{"name":"Tom","__typename":"Cat"},{"name":"Fido","__typename":"Dog"}],"json":[{"name":"R2"},null]}}"#)
    }

    @Test func bindingChecksNamesAgainstTheSchema() {
        var unknownType = Resolvers<Void>()
        unknownType.type("Nope", as: Int.self) { _ in }
        #expect(throws: GraphQLError.self) { try ExecutableSchema(sdl: "type Query { a: Int }", resolvers: unknownType) }
        var unknownField = Resolvers<Void>()
        unknownField.query { query in query.field("b") { _, _ in 1 } }
        #expect(throws: GraphQLError.self) { try ExecutableSchema(sdl: "type Query { a: Int }", resolvers: unknownField) }
        #expect(throws: GraphQLError.self) { try ExecutableSchema<Void>(sdl: "type Query { a: I } interface I { x: Int } type T implements I { y: Int }") }
    }

    @Test func customScalarHooksCoerceResultsVariablesAndLiterals() async throws {
        var resolvers = Resolvers<Void>()
        resolvers.scalar("Upper", ScalarCoercion(
            serialize: { value in
                guard case .string(let text) = value else { throw GraphQLError(message: "Upper cannot represent \(inspect(value))") }
                return .string(text.uppercased())
            },
            parseValue: { json in
                guard case .string(let text) = json, !text.isEmpty else { throw GraphQLError(message: "Upper needs a non-empty string") }
                return .string(text.uppercased())
            }))
        resolvers.query { query in
            query.field("shout") { args, _ in args["text"].map(ResolvedValue.json) ?? .null }
            query.field("bad") { _, _ in 5 }
        }
        let executable = try ExecutableSchema<Void>(sdl: "scalar Upper type Query { shout(text: Upper = \"dflt\"): Upper bad: Upper }", resolvers: resolvers)
        func run(_ query: String, _ variables: JSONObject = [:]) async -> String {
            String(decoding: await executable.execute(GraphQLRequest(query: query, variables: variables), context: ()).serialized(), as: UTF8.self)
        }
        #expect(await run("{ shout }") == #"{"data":{"shout":"DFLT"}}"#)
        #expect(await run("{ shout(text: \"abc\") }") == #"{"data":{"shout":"ABC"}}"#)
        #expect(await run("query($t: Upper) { shout(text: $t) }", ["t": "xy"]) == #"{"data":{"shout":"XY"}}"#)
        #expect(await run("query($t: Upper) { shout(text: $t) }", ["t": ""])
                == #"{"errors":[{"message":"Variable \"$t\" got invalid value \"\"; Upper needs a non-empty string","locations":[{"line":1,"column":7}]}]}"#)
        #expect(await run("{ bad }") == #"{"errors":[{"message":"Upper cannot represent 5","locations":[{"line":1,"column":3}],"path":["bad"]}],"data":{"bad":null}}"#)
    }

    @Test func requestErrorsHaveNoData() async throws {
        #expect(try await run("{ books { ") .hasPrefix(#"{"errors":[{"message":"Syntax Error: "#))
        #expect(try await run("query A { genre } query B { genre }")
                == #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#)
        #expect(try await run("query A { genre }", operationName: "B") == #"{"errors":[{"message":"Unknown operation named \"B\"."}]}"#)
        #expect(try await run("query B { genre } query A { echo }", operationName: "A") == #"{"data":{"echo":"hi"}}"#)
        #expect(try await run("subscription { genre }")
                == #"{"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}]}],"data":null}"#)
    }

    @Test func skipAndIncludeWithVariablesUseTheirOwnPlans() async throws {
        let executable = try Self.executable()
        let query = "query($s: Boolean!, $i: Boolean = true) { genre @skip(if: $s) echo @include(if: $i) }"
        let prepared = executable.prepare(query)
        var outputs: [String] = []
        for (skip, include) in [(true, true), (false, true), (false, false), (true, true)] {
            let response = await executable.execute(prepared: prepared, variables: ["s": .bool(skip), "i": .bool(include)], context: Library())
            outputs.append(String(decoding: response.data ?? [], as: UTF8.self))
        }
        #expect(outputs == [#"{"echo":"hi"}"#, #"{"genre":"POETRY","echo":"hi"}"#, #"{"genre":"POETRY"}"#, #"{"echo":"hi"}"#])
        #expect(prepared.plans.withLock { $0.count } == 3)
    }

    @Test func synchronousExecutionRefusesAsyncResolvers() throws {
        let executable = try Self.executable()
        #expect(throws: GraphQLError(message: "GraphQL execution failed to complete synchronously.")) {
            try executable.executeSynchronously(GraphQLRequest(query: "{ slowBook(id: \"b1\") { id } }"), context: Library())
        }
        let response = try executable.executeSynchronously(GraphQLRequest(query: "{ genre }"), context: Library())
        #expect(response.dataValue == ["genre": "POETRY"])
    }
}

/// Key-path scalar fields are written directly; values the general path must judge still get
/// graphql-js's errors.
@Suite struct LeafWriterTests {
    struct Sample: GraphQLObject {
        let small: Int
        let big: Int
        let ratio: Double
        let broken: Double
        let flag: Bool
        let label: String
    }

    @Test func directWritesAndTheirFallbacks() async throws {
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("sample") { _, _ in Sample(small: 7, big: 1 << 40, ratio: 2.5, broken: .nan, flag: true, label: "a\"b") }
            query.field("wrong") { _, _ in ResolvedValue.json(["small": 1]) }
        }
        resolvers.type("Sample", as: Sample.self) { sample in
            sample.field("small", \.small)
            sample.field("big", \.big)
            sample.field("ratio", \.ratio)
            sample.field("broken", \.broken)
            sample.field("flag", \.flag)
            sample.field("label", \.label)
            sample.field("labelAsID", \.label)
            sample.field("smallAsFloat", \.small)
            sample.field("flagAsString", \.flag)
        }
        let executable = try ExecutableSchema<Void>(sdl: """
            type Query { sample: Sample wrong: Sample }
            type Sample { small: Int! big: Int ratio: Float broken: Float flag: Boolean label: String labelAsID: ID smallAsFloat: Float flagAsString: String }
            """, resolvers: resolvers)
        let response = await executable.execute(GraphQLRequest(query: "{ sample { small big ratio broken flag label labelAsID smallAsFloat flagAsString } wrong { small } }"), context: ())
        #expect(String(decoding: response.serialized(), as: UTF8.self) == #"{"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 1099511627776","locations":[{"line":1,"column":18}],"path":["sample","big"]},{"message":"Float cannot represent non numeric value: NaN","locations":[{"line":1,"column":28}],"path":["sample","broken"]},{"message":"The resolver of Sample.small expects a Sample source but got { small: 1 }.","locations":[{"line":1,"column":92}],"path":["wrong","small"]}],"data":{"sample":{"small":7,"big":null,"ratio":2.5,"broken":null,"flag":true,"label":"a\"b","labelAsID":"a\"b","smallAsFloat":7,"flagAsString":"true"},"wrong":null}}"#)
    }
}
