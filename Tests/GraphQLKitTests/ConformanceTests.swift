import Foundation
import Testing
import GraphQLConformanceKit
@testable import GraphQLKit

/// The differential parse corpus (infra/conformance), run in-process: every case's result line
/// must be byte-identical to the graphql-js oracle's.
@Suite struct ConformanceTests {
    @Test(.enabled("needs node, node-graphql (infra/bootstrap) and the shared/ folder with the oracle") { await hasGraphQLJSOracle() })
    func parseCorpusMatchesGraphQLJS() async throws {
        let shared = try #require(sharedDirectory())
        let generator = packageRoot.appendingPathComponent("infra/conformance/generate-parse-cases.js").path
        let cases = try await run(["node", generator], environment: ["SHARED_DIR": shared.path])
        let expected = try await run(["node", shared.appendingPathComponent("tools/graphql-oracle.js").path], input: cases)
        let caseLines = cases.split(separator: UInt8(ascii: "\n"))
        let expectedLines = expected.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        #expect(caseLines.count > 5000)
        #expect(caseLines.count == expectedLines.count)
        var failures = 0
        for (index, line) in caseLines.enumerated() {
            let actual = ConformanceRunner.answer(utf8: Array(line))
            if actual != expectedLines[index] {
                failures += 1
                if failures <= 5 {
                    Issue.record("case \(index + 1) differs\n  graphql-js: \(expectedLines[index])\n  GraphQLKit: \(actual ?? "nil")")
                }
            }
        }
        #expect(failures == 0)
    }

    @Test func unsupportedOperationsAndBadLines() {
        #expect(ConformanceRunner.answer(line: #"{"id":7,"op":"subscribe","sdl":"type Query { a: Int }","query":"{ a }"}"#)
                == #"{"id":7,"stage":"unsupported","errors":[]}"#)
        #expect(ConformanceRunner.answer(line: #"{"id":8,"op":"validate","sdl":"type Query { a: Int }","query":"{ b }"}"#)
                == #"{"id":8,"stage":"validate","errors":[{"message":"Cannot query field \"b\" on type \"Query\". Did you mean \"a\"?","locations":[{"line":1,"column":3}]}]}"#)
        #expect(ConformanceRunner.answer(line: "   ") == nil)
        #expect(ConformanceRunner.answer(line: "not json")?.hasPrefix(#"{"stage":"harness-error","errors":[{"message":"Invalid case line: "#) == true)
        #expect(ConformanceRunner.answer(line: "[1]") == #"{"stage":"harness-error","errors":[{"message":"A case must be a JSON object."}]}"#)
        #expect(ConformanceRunner.answer(line: #"{"op":"parse"}"#) == #"{"stage":"parse","errors":[{"message":"Body must be a string. Received: undefined."}]}"#)
        #expect(ConformanceRunner.answer(line: #"{"id":"x","op":"parse","query":"{ a }"}"#) == #"{"id":"x","stage":"parse","errors":[],"printed":"{\n  a\n}"}"#)
    }

    /// The executable itself: real stdin/stdout, order kept, garbage lines answered.
    @Test func executableStreamsCases() async throws {
        let binary = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("graphql-conformance")
        let candidates = [binary, packageRoot.appendingPathComponent(".build/debug/graphql-conformance")]
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            Issue.record("graphql-conformance not built (swift build --build-tests builds it)")
            return
        }
        let input = "{\"id\":1,\"op\":\"parse\",\"query\":\"{a}\"}\n\n\u{1}garbage\n{\"id\":2,\"op\":\"subscribe\"}\n"
        let output = String(decoding: try await run([executable.path], input: Data(input.utf8)), as: UTF8.self)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first == #"{"id":1,"stage":"parse","errors":[],"printed":"{\n  a\n}"}"#)
        #expect(lines.last == #"{"id":2,"stage":"unsupported","errors":[]}"#)
    }
}
