import Foundation
import HTTPKit
import NIOCore
import NIOHTTP1

/// Minimal GraphQL-over-HTTP calls for readiness waits and demo data.
struct GraphQLCaller: Sendable {
    let client: HTTPUpstreamClient

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func call(_ query: String, variables: [String: Any] = [:], token: String? = nil) async throws -> [String: Any] {
        let body = try JSONSerialization.data(withJSONObject: ["query": query, "variables": variables])
        var headers = HTTPHeaders([("content-type", "application/json")])
        if let token { headers.add(name: "authorization", value: "Bearer \(token)") }
        let response = try await client.send(HTTPClientRequest(method: .POST, path: "/graphql", headers: headers,
                                                               body: ByteBuffer(bytes: body), timeout: .seconds(30)))
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
        if let errors = object["errors"] as? [[String: Any]], !errors.isEmpty {
            throw Failure(description: errors.map { "\($0["message"] ?? "")" }.joined(separator: "; "))
        }
        return object["data"] as? [String: Any] ?? [:]
    }

    /// Whether `GET path` answers 200.
    func isOK(_ path: String) async -> Bool {
        (try? await client.send(HTTPClientRequest(method: .GET, path: path, timeout: .seconds(2))))?.status == .ok
    }
}
