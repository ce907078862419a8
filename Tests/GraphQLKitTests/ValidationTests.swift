import Foundation
import Testing
@testable import GraphQLKit

/// The validation API, hostile documents for OverlappingFieldsCanBeMerged (graphql-js 16.6
/// takes exponential time or overflows its stack on some of these) and execution's default
/// validation. Messages and order against graphql-js are covered by ValidationConformanceTests.
@Suite struct ValidationTests {
    static let schema: GraphQLSchema = {
        let sdl = try! String(contentsOf: packageRoot.appendingPathComponent("infra/conformance/validation-schema.graphql"), encoding: .utf8)
        return try! buildSchema(sdl)
    }()

    static func messages(_ query: String, rules: [ValidationRuleFactory] = specifiedRules) throws -> [String] {
        validate(schema: schema, document: try Parser.parse(query), rules: rules).map(\.message)
    }

    @Test func reportsWithSuggestionsAndLocations() throws {
        let errors = validate(schema: Self.schema, document: try Parser.parse("{\n  dog { nmae }\n}"))
        #expect(errors.map(\.message) == ["Cannot query field \"nmae\" on type \"Dog\". Did you mean \"name\"?"])
        #expect(errors.first?.locations == [SourceLocation(line: 2, column: 9)])
    }

    @Test func stopsAfterMaxErrors() throws {
        let query = "{ " + (0..<30).map { "f\($0)" }.joined(separator: " ") + " }"
        let errors = validate(schema: Self.schema, document: try Parser.parse(query), maxErrors: 10)
        #expect(errors.count == 11)
        #expect(errors.last?.message == "Too many validation errors, error limit reached. Validation aborted.")
        #expect(errors.last?.locations == nil)
    }

    @Test func aRuleSubsetRunsOnlyThoseRules() throws {
        let rules = specifiedRules.filter { $0.name == "NoUnusedVariables" }
        #expect(try Self.messages("query Q($a: Int) { nope }", rules: rules) == ["Variable \"$a\" is never used in operation \"Q\"."])
    }

    // MARK: OverlappingFieldsCanBeMerged at scale

    @Test func aFieldRepeatedManyTimesIsComparedCheaply() async throws {
        let repeated = String(repeating: "friends(first: 3) { name owner { name } } ", count: 2000)
        let document = try Parser.parse("{ dog { \(repeated) } }")
        let errors = await onSmallStack { validate(schema: Self.schema, document: document) }
        #expect(errors.isEmpty)
    }

    @Test func manyConflictsStopAtTheErrorLimit() throws {
        let query = "{ dog { " + String(repeating: "x: name ", count: 1000) + "x: nickname } }"
        let errors = validate(schema: Self.schema, document: try Parser.parse(query))
        #expect(errors.count == 101)
        #expect(errors[0].message == "Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")
    }

    @Test func exponentialFragmentFanOutIsMemoized() async throws {
        // F0 selects `mother { ...F1 } mother { ...F1 }`, F1 the same with F2, …: 2^40 paths.
        var fragments: [String] = []
        for level in 0..<40 {
            fragments.append("fragment F\(level) on Dog { name mother { ...F\(level + 1) } mother { ...F\(level + 1) } father { ...F\(level + 1) } }")
        }
        fragments.append("fragment F40 on Dog { name barks }")
        let document = try Parser.parse("{ dog { ...F0 ...F0 mother { ...F1 } } }\n" + fragments.joined(separator: "\n"))
        let errors = await onSmallStack { validate(schema: Self.schema, document: document) }
        #expect(errors.isEmpty)
    }

    @Test func wideFragmentReuse() async throws {
        let fragments = (0..<300).map { "fragment W\($0) on Dog { name nickname barks mother { name } }" }
        let spreads = (0..<300).map { "...W\($0)" }.joined(separator: " ")
        let fields = (0..<50).map { "m\($0): mother { \(spreads) }" }.joined(separator: " ")
        let document = try Parser.parse("{ dog { \(spreads) \(fields) } }\n" + fragments.joined(separator: "\n"))
        let errors = await onSmallStack { validate(schema: Self.schema, document: document) }
        #expect(errors.isEmpty)
    }

    @Test func recursiveFragmentsTerminate() async throws {
        let query = """
        { dog { ...A mother { ...A } } }
        fragment A on Dog { name mother { ...A ...B } x: name }
        fragment B on Dog { father { ...A } x: nickname mother { ...B } }
        """
        let errors = await onSmallStack { validate(schema: Self.schema, document: try! Parser.parse(query)) }
        // What graphql-js 16.6 reports for this document.
        #expect(errors.map(\.message) == [
            "Fields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            "Cannot spread fragment \"A\" within itself.",
            "Cannot spread fragment \"B\" within itself.",
            "Cannot spread fragment \"A\" within itself via \"B\".",
        ])
        #expect(errors[0].locations == [SourceLocation(line: 1, column: 14), SourceLocation(line: 2, column: 47),
                                        SourceLocation(line: 2, column: 26), SourceLocation(line: 3, column: 37)])
    }

    @Test func longFragmentChainsDoNotOverflowTheStack() async throws {
        let chain = (0..<3000).map { "fragment C\($0) on Dog { ...C\($0 + 1) }" }.joined(separator: "\n")
        let document = try Parser.parse("{ dog { ...C0 } }\n" + chain + "\nfragment C3000 on Dog { ...C0 }")
        let errors = await onSmallStack(8 << 20) { validate(schema: Self.schema, document: document) }
        #expect(errors.first?.message.hasPrefix("Cannot spread fragment \"C0\" within itself via \"C1\", \"C2\"") == true)
    }

    // MARK: Execution validates by default

    @Test func executionValidatesByDefault() async throws {
        let executable = try ExecutableSchema<Void>(sdl: "type Query { hello: String }", resolvers: Resolvers())
        let response = await executable.execute(GraphQLRequest(query: "{ hello helo }"), context: ())
        #expect(response.data == nil)
        #expect(response.errors.map(\.message) == ["Cannot query field \"helo\" on type \"Query\". Did you mean \"hello\"?"])
    }

    @Test func limitsPlugIntoExecution() async throws {
        let options = ExecutionOptions(validator: .specified(limits: ValidationLimits(maxAliases: 2)))
        let executable = try ExecutableSchema<Void>(sdl: "type Query { hello: String }", resolvers: Resolvers(), options: options)
        let response = await executable.execute(GraphQLRequest(query: "{ a: hello b: hello c: hello }"), context: ())
        #expect(response.data == nil)
        #expect(response.errors.map(\.message) == ["The anonymous operation uses 3 aliases, more than the allowed maximum of 2."])
        let fine = await executable.execute(GraphQLRequest(query: "{ a: hello b: hello }"), context: ())
        #expect(fine.errors.isEmpty)
    }
}
