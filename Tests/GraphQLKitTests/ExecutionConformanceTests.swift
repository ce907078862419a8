import Foundation
import Testing
import GraphQLConformanceKit
@testable import GraphQLKit

/// The differential corpus of schemas and execution (infra/conformance/generate-execution-cases.js),
/// run in-process: each case's result line must be byte-identical to the graphql-js oracle's,
/// apart from the written deviations (``KnownDeviations``).
@Suite struct ExecutionConformanceTests {
    /// Cases and the oracle's answers, generated once per test run.
    static let corpus = Task<(cases: [[UInt8]], expected: [String])?, Never> {
        guard await hasNodeGraphQL(), let shared = sharedDirectory() else { return nil }
        let generator = packageRoot.appendingPathComponent("infra/conformance/generate-execution-cases.js").path
        guard let cases = try? await run(["node", generator], environment: ["SHARED_DIR": shared.path]),
              let expected = try? await run(["node", shared.appendingPathComponent("tools/graphql-oracle.js").path], input: cases) else { return nil }
        return (cases.split(separator: UInt8(ascii: "\n")).map(Array.init),
                expected.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
    }

    /// Compares every case whose `op` is `op`; returns how many were compared.
    @discardableResult
    static func compare(op: String) async throws -> Int {
        let corpus = try #require(await corpus.value)
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

    @Test(.enabled("needs node, node-graphql and the shared/ folder") { await hasGraphQLJSOracle() })
    func printSchemaCorpusMatchesGraphQLJS() async throws {
        #expect(try await Self.compare(op: "printSchema") > 100)
    }

    @Test(.enabled("needs node, node-graphql and the shared/ folder") { await hasGraphQLJSOracle() })
    func introspectCorpusMatchesGraphQLJS() async throws {
        #expect(try await Self.compare(op: "introspect") > 30)
    }

    @Test(.enabled("needs node, node-graphql and the shared/ folder") { await hasGraphQLJSOracle() })
    func executeCorpusMatchesGraphQLJS() async throws {
        #expect(try await Self.compare(op: "execute") > 500)
    }
}

/// The deliberate differences from graphql-js 16.6 (README, "Deviations"), undone in
/// GraphQLKit's answers before comparing, so everything else must match exactly:
/// introspection shows the `@oneOf` directive and the `__Type.isOneOf` field (graphql-js 17,
/// graphql-core 3.2.8), which 16.6 lacks.
enum KnownDeviations {
    static func normalize(_ line: String) -> String {
        guard line.contains("\"oneOf\"") || line.contains("\"isOneOf\""),
              let parsed = try? JSONValue.parse(line, options: JSONParseOptions(maxDepth: 10_000)) else { return line }
        return strip(parsed).serialized()
    }

    /// Removes directive entries named `oneOf` from `directives` arrays and the `isOneOf`
    /// entry from the `fields` of the `__Type` type.
    static func strip(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map(strip))
        case .object(let object):
            var result = JSONObject()
            let isTypeType = object["name"] == .string("__Type")
            for (key, member) in object {
                var member = strip(member)
                if key == "directives", case .array(let items) = member {
                    member = .array(items.filter { $0["name"] != .string("oneOf") })
                }
                if key == "fields", isTypeType, case .array(let items) = member {
                    member = .array(items.filter { $0["name"] != .string("isOneOf") })
                }
                result.appendNew(key, member)
            }
            return .object(result)
        default:
            return value
        }
    }
}
