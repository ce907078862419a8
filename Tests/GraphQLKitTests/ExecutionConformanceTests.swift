import Foundation
import Testing
import GraphQLConformanceKit
@testable import GraphQLKit

/// The differential corpus of schemas and execution (infra/conformance/generate-execution-cases.js),
/// run in-process: each case's result line must be byte-identical to the graphql-js oracle's,
/// apart from the written deviations (``KnownDeviations``).
@Suite struct ExecutionConformanceTests {
    /// Cases and the oracle's answers, generated once per test run.
    static let corpus: (cases: [[UInt8]], expected: [String])? = {
        guard hasNodeGraphQL, let shared = sharedDirectory() else { return nil }
        let generator = packageRoot.appendingPathComponent("infra/conformance/generate-execution-cases.js").path
        guard let cases = try? run(["node", generator], environment: ["SHARED_DIR": shared.path]),
              let expected = try? run(["node", shared.appendingPathComponent("tools/graphql-oracle.js").path], input: cases) else { return nil }
        return (cases.split(separator: UInt8(ascii: "\n")).map(Array.init),
                expected.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
    }()

    /// Compares every case whose `op` is `op`; returns how many were compared.
    @discardableResult
    static func compare(op: String) throws -> Int {
        let corpus = try #require(corpus)
        #expect(corpus.cases.count == corpus.expected.count)
        var compared = 0
        var failures = 0
        let marker = Array("\"op\":\"\(op)\"".utf8)
        for (index, line) in corpus.cases.enumerated() where line.firstRange(of: marker) != nil {
            compared += 1
            let actual = ConformanceRunner.answer(utf8: line).map(KnownDeviations.normalize)
            if actual != corpus.expected[index] {
                failures += 1
                if failures <= 5 {
                    Issue.record("case \(index + 1) differs\n  graphql-js: \(corpus.expected[index].prefix(3000))\n  GraphQLKit: \((actual ?? "nil").prefix(3000))")
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(compared) \(op) cases differ")
        return compared
    }

    @Test(.enabled(if: hasNodeGraphQL && sharedDirectory() != nil, "needs node, node-graphql and the shared/ folder"))
    func printSchemaCorpusMatchesGraphQLJS() throws {
        #expect(try Self.compare(op: "printSchema") > 100)
    }
}

/// The deliberate differences from graphql-js 16.6 (see the README's deviation list), undone
/// in GraphQLKit's answers before comparing so that everything else must match exactly.
enum KnownDeviations {
    static func normalize(_ line: String) -> String { line }
}
