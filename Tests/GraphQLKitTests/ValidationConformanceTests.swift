import Foundation
import Testing
import GraphQLConformanceKit
@testable import GraphQLKit

/// The validation corpus (infra/conformance/generate-validate-cases.js: random operations over
/// infra/conformance/validation-schema.graphql, one- and two-mutation variants of them, the
/// GitHub schema with the introspection query, hand-written corners, and `printSchema` of SDL
/// with mutations the SDL rules reject) run in-process: every
/// result line must be byte-identical to graphql-js 16.6's. `@oneOf` and MaxIntrospectionDepth,
/// which 16.6 lacks, are checked against graphql-core 3.2.8 (infra/conformance/validate-core-cases.ndjson).
@Suite struct ValidationConformanceTests {
    static let corpus = Task<(cases: [[UInt8]], expected: [String])?, Never> {
        guard await hasNodeGraphQL(), let shared = sharedDirectory() else { return nil }
        let generator = packageRoot.appendingPathComponent("infra/conformance/generate-validate-cases.js").path
        guard let cases = try? await run(["node", generator], environment: ["SHARED_DIR": shared.path]),
              let expected = try? await run(["node", shared.appendingPathComponent("tools/graphql-oracle.js").path], input: cases) else { return nil }
        return (cases.split(separator: UInt8(ascii: "\n")).map(Array.init),
                expected.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
    }

    @Test(.enabled("needs node, node-graphql and the shared/ folder") { await hasGraphQLJSOracle() })
    func validateCorpusMatchesGraphQLJS() async throws {
        let corpus = try #require(await Self.corpus.value)
        #expect(corpus.cases.count == corpus.expected.count)
        #expect(corpus.cases.count > 1600)
        var failures = 0
        var invalid = 0
        for (index, line) in corpus.cases.enumerated() {
            let actual = ConformanceRunner.answer(utf8: line)
            if !corpus.expected[index].hasSuffix("\"errors\":[]}") { invalid += 1 }
            if actual != corpus.expected[index] {
                failures += 1
                if failures <= 5 {
                    Issue.record("case \(index + 1) differs\n  graphql-js: \(corpus.expected[index].prefix(3000))\n  GraphQLKit: \((actual ?? "nil").prefix(3000))")
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(corpus.cases.count) validate cases differ")
        // The corpus exercises both sides: many valid documents and many invalid ones.
        #expect(invalid > 1000 && corpus.cases.count - invalid > 150)
    }

    @Test(.enabled("needs python3 with graphql-core 3.2 (pip install graphql-core==3.2.8)") { await OneOfConformanceTests.hasGraphQLCore() })
    func oneOfAndIntrospectionDepthMatchGraphQLCore() async throws {
        let cases = try Data(contentsOf: packageRoot.appendingPathComponent("infra/conformance/validate-core-cases.ndjson"))
        let expected = try await run(["python3", packageRoot.appendingPathComponent("infra/conformance/graphql-core-oracle.py").path], input: cases)
        let caseLines = cases.split(separator: UInt8(ascii: "\n"))
        let expectedLines = expected.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        #expect(caseLines.count == expectedLines.count && caseLines.count >= 25)
        var withErrors = 0
        for (index, line) in caseLines.enumerated() {
            let actual = ConformanceRunner.answer(utf8: Array(line)) ?? ""
            if !expectedLines[index].hasSuffix("\"errors\":[]}") { withErrors += 1 }
            #expect(OneOfConformanceTests.normalize(actual) == OneOfConformanceTests.normalize(expectedLines[index]),
                    "case \(index + 1)\n  graphql-core: \(expectedLines[index])\n  GraphQLKit:   \(actual)")
        }
        #expect(withErrors >= 15)
    }
}
