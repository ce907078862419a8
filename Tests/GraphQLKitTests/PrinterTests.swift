import Foundation
import Testing
@testable import GraphQLKit

@Suite struct PrinterTests {
    @Test func printsTheKitchenSinksStably() throws {
        for name in ["executable-kitchen-sink.graphql", "schema-kitchen-sink.graphql"] {
            let url = packageRoot.appendingPathComponent("infra/conformance/documents").appendingPathComponent(name)
            let printed = try reprint(String(contentsOf: url, encoding: .utf8))
            #expect(try reprint(printed) == printed, "printing \(name) is not idempotent")
        }
    }

    @Test func longArgumentListsBreakAtEightyUTF16Units() throws {
        // `f(a: "…")` is 8 units plus the string: 72 characters make exactly 80 (kept on one line).
        let short = "{ f(a: \"\(String(repeating: "x", count: 72))\") }"
        #expect(try reprint(short) == "{\n  f(a: \"\(String(repeating: "x", count: 72))\")\n}")
        let long = "{ f(a: \"\(String(repeating: "x", count: 73))\") }"
        #expect(try reprint(long) == "{\n  f(\n    a: \"\(String(repeating: "x", count: 73))\"\n  )\n}")
        // 37 emoji are 74 UTF-16 units: too long; 37 é are 37 units: short.
        #expect(try reprint("{ f(a: \"\(String(repeating: "😀", count: 37))\") }").contains("f(\n"))
        #expect(try !reprint("{ f(a: \"\(String(repeating: "é", count: 37))\") }").contains("f(\n"))
    }

    @Test func stringsAndBlockStrings() {
        #expect(printString("a\"b\\c\n\u{1}\u{7F}\u{80}\u{9F}\u{A0}é") == "\"a\\\"b\\\\c\\n\\u0001\\u007F\\u0080\\u009F\u{A0}é\"")
        #expect(BlockString.print("x") == "\"\"\"x\"\"\"")
        #expect(BlockString.print("a\nb") == "\"\"\"\na\nb\n\"\"\"")
        #expect(BlockString.print(" leading space") == "\"\"\" leading space\"\"\"")
        #expect(BlockString.print("ends with quote\"") == "\"\"\"\nends with quote\"\n\"\"\"")
        #expect(BlockString.print("has \"\"\" inside") == "\"\"\"has \\\"\"\" inside\"\"\"")
        #expect(BlockString.print("a\n  b", minimize: true) == "\"\"\"\na\n  b\"\"\"")
        #expect(BlockString.isPrintable("plain"))
        #expect(!BlockString.isPrintable("\nleading newline"))
        #expect(!BlockString.isPrintable("trailing\n"))
    }

    @Test func printsProgrammaticNodes() {
        let field = Field(alias: "a", name: "b", arguments: [Argument(name: "x", value: .list(ListValue(values: [.int(IntValue("1")), .null(NullValue())])))],
                          directives: [Directive(name: "skip", arguments: [Argument(name: "if", value: .boolean(BooleanValue(true)))])])
        let document = Document(definitions: [
            .operation(OperationDefinition(operation: .mutation, name: "M", selectionSet: SelectionSet(selections: [.field(field)]))),
            .type(.union(UnionTypeDefinition(name: "U", types: [NamedType(name: "A"), NamedType(name: "B")]))),
        ])
        #expect(Printer.print(document) == "mutation M {\n  a: b(x: [1, null]) @skip(if: true)\n}\n\nunion U = A | B")
    }
}
