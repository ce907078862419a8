import Foundation
import Testing
@testable import GraphQLKit

/// Hostile input gives a syntax or limit error: never a crash, a hang or a stack overflow.
/// Every deep case runs on a small-stack thread (see `smallStackSize`).
@Suite struct HostileInputTests {
    @Test(arguments: ["[", "{", "{a", "(", "{f(a:[", "{f(a:{a:", "query($v:["])
    func hundredThousandNestedBrackets(unit: String) async {
        let body = String(repeating: unit, count: 100_000)
        let message = await onSmallStack { syntaxError(body)?.message }
        #expect(message != nil)
    }

    @Test func deepNestingStopsAtTheLimitWithAClearError() async {
        let deep = String(repeating: "{ a ", count: 10_000) + String(repeating: "}", count: 10_000)
        let error = await onSmallStack { syntaxError(deep) }
        #expect(error?.message == "Syntax Error: Document nesting is deeper than 128 levels. Parsing aborted.")
        #expect(error?.locations == [SourceLocation(line: 1, column: 1 + 128 * 4)])
    }

    /// At the limit itself everything that recurses over the AST (parse, print, visit, compare,
    /// hash, free) fits in 512 KiB.
    @Test(arguments: [
        String(repeating: "{ a ", count: 128) + String(repeating: "}", count: 128),
        "{ f(a: " + String(repeating: "[", count: 127) + String(repeating: "]", count: 127) + ") }",
        "{ f(a: " + String(repeating: "{a: ", count: 127) + "1" + String(repeating: "}", count: 127) + ") }",
        "query ($v: " + String(repeating: "[", count: 127) + "Int" + String(repeating: "]!", count: 127) + ") { a }",
    ])
    func maximumDepthIsSafeOnSmallStacks(body: String) async {
        let ok = await onSmallStack { () -> Bool in
            guard let document = try? Parser.parse(body) else { return false }
            let printed = Printer.print(document)
            var counter = NodeCounter()
            visit(document, with: &counter)
            let again = try? Parser.parse(printed)
            return again.map { Printer.print($0) == printed && $0.hashValue != 0 } ?? false && counter.count > 128
                && document == document
        }
        #expect(ok)
    }

    @Test func tenMegabyteDocumentParsesAndMaxTokensCutsItOff() throws {
        var text = "query Big {\n"
        var index = 0
        while text.utf8.count < 10 * 1024 * 1024 {
            text += "  field\(index)(arg: \"value \(index)\", list: [1, 2.5, ENUM]) @include(if: true) { id name }\n"
            index += 1
        }
        text += "}\n"
        let document = try Parser.parse(text, options: ParseOptions(noLocation: true))
        guard case .operation(let operation) = document.definitions[0] else {
            Issue.record("expected an operation")
            return
        }
        #expect(operation.selectionSet.selections.count == index)
        let limited = syntaxError(text, options: ParseOptions(maxTokens: 1000))
        #expect(limited?.message == "Syntax Error: Document contains more that 1000 tokens. Parsing aborted.")
        // The garbage variant: 10 MB of one unterminated string, then of junk bytes.
        #expect(syntaxError("{ a(b: \"" + String(repeating: "x", count: 10 * 1024 * 1024))?.message == "Syntax Error: Unterminated string.")
        #expect(syntaxError(String(repeating: "}", count: 10 * 1024 * 1024))?.message == "Syntax Error: Unexpected \"}\".")
    }

    @Test(arguments: [
        [0xFF] as [UInt8], [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xF5, 0x80, 0x80, 0x80],
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80],
    ])
    func invalidUTF8IsASyntaxErrorEverywhere(bytes: [UInt8]) {
        let placements: [[UInt8]] = [
            bytes,
            Array("{ a ".utf8) + bytes + Array(" }".utf8),
            Array("{ a(b: \"".utf8) + bytes + Array("\") }".utf8),
            Array("{ a(b: \"\"\"".utf8) + bytes + Array("\"\"\") }".utf8),
            Array("# ".utf8) + bytes + Array("\n{ a }".utf8),
            Array("{ a(b: 1".utf8) + bytes + Array(") }".utf8),
        ]
        for body in placements {
            do {
                _ = try Parser.parse(Source(utf8: body))
                Issue.record("parsed invalid UTF-8 \(body)")
            } catch {
                #expect(error.message.hasPrefix("Syntax Error: "))
                #expect(error.message.contains("(not UTF-8)") || error.message.contains("Unexpected"))
                #expect(error.locations?.count == 1)
            }
        }
    }

    @Test func nulBytes() {
        #expect(syntaxError("\u{0}")?.message == "Syntax Error: Unexpected character: U+0000.")
        #expect(syntaxError("{ a }\u{0}")?.message == "Syntax Error: Unexpected character: U+0000.")
        #expect(syntaxError(String(repeating: "\u{0}", count: 100_000))?.locations == [SourceLocation(line: 1, column: 1)])
        #expect(syntaxError("{ a(b: \"x\u{0}y\") }") == nil)
    }

    @Test func jsonDepthAndGarbage() async {
        let deep = String(repeating: "[", count: 100_000)
        let message = await onSmallStack { () -> String? in
            do { _ = try JSONValue.parse(deep); return nil } catch let error as JSONParseError { return error.message } catch { return nil }
        }
        #expect(message == "JSON nesting is deeper than 128 levels")
        #expect(throws: JSONParseError.self) { try JSONValue.parse(utf8: [0x22, 0xFF, 0x22]) }
    }
}

/// Counts every node a visit enters.
struct NodeCounter: ASTVisitor {
    var count = 0
    mutating func enter(_ node: Name) -> VisitAction<Name> { count += 1; return .proceed }
    mutating func enter(_ node: Value) -> VisitAction<Value> { count += 1; return .proceed }
    mutating func enter(_ node: Selection) -> VisitAction<Selection> { count += 1; return .proceed }
    mutating func enter(_ node: TypeReference) -> VisitAction<TypeReference> { count += 1; return .proceed }
}
