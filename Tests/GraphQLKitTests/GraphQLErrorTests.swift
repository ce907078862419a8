import Testing
@testable import GraphQLKit

@Suite struct GraphQLErrorTests {
    @Test func jsonShapeAndKeyOrderMatchToJSON() {
        var error = GraphQLError(message: "Boom", locations: [SourceLocation(line: 1, column: 2)], path: [.key("a"), .index(0)],
                                 extensions: ["code": "INTERNAL"])
        #expect(error.jsonValue.serialized() == #"{"message":"Boom","locations":[{"line":1,"column":2}],"path":["a",0],"extensions":{"code":"INTERNAL"}}"#)
        error.extensions = [:]
        error.path = nil
        error.locations = nil
        #expect(error.jsonValue.serialized() == #"{"message":"Boom"}"#)
    }

    @Test func errorFromNodesUsesTheirStarts() throws {
        let document = try Parser.parse("{\n  a\n  b\n}")
        guard case .operation(let operation) = document.definitions[0] else { return }
        let error = GraphQLError(message: "Two fields", nodes: operation.selectionSet.selections.map(\.location), source: document.source)
        #expect(error.locations == [SourceLocation(line: 2, column: 3), SourceLocation(line: 3, column: 3)])
        #expect(GraphQLError(message: "No nodes", nodes: [nil], source: document.source).locations == nil)
        #expect(error.description == "Two fields\n\nGraphQL request:2:3\n1 | {\n2 |   a\n  |   ^\n3 |   b\n\nGraphQL request:3:3\n2 |   a\n3 |   b\n  |   ^\n4 | }")
    }

    /// Expected texts are what graphql-js 16.6's `error.toString()` prints for the same input.
    @Test func printedLikeGraphQLJS() {
        let source = Source(body: "query {\n  field(arg: \"é😀 \\x\")\n}", name: "Doc.graphql")
        do { _ = try Parser.parse(source) } catch {
            #expect(error.description == "Syntax Error: Invalid character escape sequence: \"\\x\".\n\nDoc.graphql:2:19\n1 | query {\n2 |   field(arg: \"é😀 \\x\")\n  |                   ^\n3 | }")
        }
        let long = "{ " + String(repeating: "a ", count: 100) + "b(c: $) }"
        #expect(syntaxError(long)?.description == "Syntax Error: Expected Name, found \")\".\n\nGraphQL request:1:209\n1 | { a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a \n  | a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a \n  | a a a a a a a a a a a a a a a a a a a a a b(c: $) }\n  |                                                 ^")
        let offset = Source(body: "\n  { a(b: ) }", name: "Off", locationOffset: SourceLocation(line: 10, column: 5))
        do { _ = try Parser.parse(offset) } catch {
            #expect(error.description == "Syntax Error: Unexpected \")\".\n\nOff:11:10\n10 |     \n11 |   { a(b: ) }\n   |          ^")
        }
        #expect(syntaxError("{ a }", options: ParseOptions(maxTokens: 2))?.description == "Syntax Error: Document contains more that 2 tokens. Parsing aborted.\n\nGraphQL request:1:5\n1 | { a }\n  |     ^")
    }
}
