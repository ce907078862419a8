import Foundation
import Testing
import GraphQLConformanceKit
@testable import GraphQLKit

/// `@oneOf`, which graphql-js 16.6 lacks, checked against the second oracle, graphql-core
/// 3.2.8 (infra/conformance/graphql-core-oracle.py over infra/conformance/oneof-cases.ndjson).
/// Compared modulo Python's spelling of names and values in messages: graphql-core quotes
/// names with `'` and prints values the Python way (`{'a': 1}`, `None`) where graphql-js
/// writes `"` and `{ a: 1 }`, `null`.
@Suite struct OneOfConformanceTests {
    /// Whether python3 can import graphql-core 3.2.6 or later; probed once.
    static func hasGraphQLCore() async -> Bool { await graphQLCoreProbe.value }

    private static let graphQLCoreProbe = Task {
        (try? await run(["python3", "-c", "import graphql, sys; sys.exit(0 if graphql.version_info >= (3, 2, 6) else 1)"])) != nil
    }

    /// A message with the value after "got invalid value" replaced, and `'` as `"`.
    static func normalize(_ line: String) -> JSONValue? {
        guard var value = try? JSONValue.parse(line), case .object(var object) = value else { return nil }
        if case .array(let errors)? = object["errors"] {
            object["errors"] = .array(errors.map { error in
                guard case .object(var fields) = error, case .string(var message)? = fields["message"] else { return error }
                if let range = message.range(of: "got invalid value ") {
                    let rest = message[range.upperBound...]
                    let end = rest.range(of: " at ")?.lowerBound ?? rest.range(of: "; ")?.lowerBound ?? rest.endIndex
                    message = String(message[..<range.upperBound]) + "<value>" + String(rest[end...])
                }
                fields["message"] = .string(message.replacingOccurrences(of: "'", with: "\""))
                return .object(fields)
            })
        }
        value = .object(object)
        return value
    }

    @Test(.enabled("needs python3 with graphql-core 3.2 (pip install graphql-core==3.2.8)") { await hasGraphQLCore() })
    func oneOfMatchesGraphQLCore() async throws {
        let cases = try Data(contentsOf: packageRoot.appendingPathComponent("infra/conformance/oneof-cases.ndjson"))
        let expected = try await run(["python3", packageRoot.appendingPathComponent("infra/conformance/graphql-core-oracle.py").path], input: cases)
        let caseLines = cases.split(separator: UInt8(ascii: "\n"))
        let expectedLines = expected.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        #expect(caseLines.count == expectedLines.count && caseLines.count >= 12)
        for (index, line) in caseLines.enumerated() {
            let actual = ConformanceRunner.answer(utf8: Array(line)) ?? ""
            #expect(Self.normalize(actual) == Self.normalize(expectedLines[index]), "case \(index + 1)\n  graphql-core: \(expectedLines[index])\n  GraphQLKit:   \(actual)")
        }
    }
}
