import Testing
@testable import GraphQLKit

/// ``Source`` keeps a `String` as given and raw bytes as bytes; both read the same way.
@Suite struct SourceTests {
    @Test(arguments: ["", "{ a }", "{ héllo(arg: \"😀\") }\n# a comment long enough not to be a small string"])
    func textAndBytesAgree(text: String) {
        let fromText = Source(body: text)
        let fromBytes = Source(utf8: Array(text.utf8))
        #expect(fromText.utf8 == Array(text.utf8))
        #expect(fromText.body == text)
        #expect(fromBytes.body == text)
        #expect(fromText.withUTF8 { Array($0) } == fromBytes.withUTF8 { Array($0) })
        #expect(fromText == fromBytes)
        #expect(fromText.hashValue == fromBytes.hashValue)
        #expect(fromText != Source(body: text + " "))
        #expect(fromText != Source(body: text, name: "other"))
    }

    @Test func locationsAreTheSameFromTextAndBytes() {
        let text = "{\n  é x }"
        #expect(Source(body: text).location(ofByteOffset: 7) == SourceLocation(line: 2, column: 5))
        #expect(Source(utf8: Array(text.utf8)).location(ofByteOffset: 7) == SourceLocation(line: 2, column: 5))
        #expect(Source(body: text).locations(ofByteOffsets: [7, 0]) == [SourceLocation(line: 2, column: 5), SourceLocation(line: 1, column: 1)])
    }

    @Test func aSourceParsedTwiceGivesEqualDocuments() throws {
        let source = Source(body: "query Q { a { b } }")
        let first = try Parser.parse(source)
        let second = try Parser.parse(source)
        #expect(first == second)
        #expect(first.source === source)
    }
}
