import Foundation
import HTTPKit
import NIOCore

/// The consumer's side of the feed protocol: requests over HTTPKit's client and decoding.
struct FeedClient: Sendable {
    /// A `GET /events` answer.
    struct Page: Decodable, Sendable {
        struct Event: Decodable, Sendable {
            var eventId: UUID
            var type: String
            var aggregateType: String
            var aggregateId: String
            var version: Int64
            var position: Int64
            var createdAt: String
            var payload: JSONValue
        }

        struct Head: Decodable, Sendable {
            var cursor: String
            var position: Int64
            var createdAt: String
        }

        var events: [Event]
        var cursor: String
        var head: Head?
        var remaining: Int
        var remainingIsLowerBound: Bool
        var oldestPendingCreatedAt: String?
    }

    /// A `GET /events/snapshot` answer.
    struct SnapshotPage: Decodable, Sendable {
        struct Item: Decodable, Sendable {
            var aggregateId: String
            var version: Int64
            var deleted: Bool
            var payload: JSONValue
        }

        var aggregate: String
        var cursor: String
        var items: [Item]
        var next: String?
    }

    private struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var code: String
            var message: String
        }
        var error: Detail
    }

    let endpoint: EventProducerEndpoint
    let upstream: HTTPUpstreamClient

    private static let queryValue: CharacterSet = {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return allowed
    }()

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryValue) ?? text
    }

    func page(after cursor: String, limit: Int, wait: Duration) async throws -> Page {
        let path = "\(endpoint.path)?after=\(Self.escape(cursor))&limit=\(limit)&wait=\(wait.secondsValue)"
        return try await get(path, as: Page.self, timeout: wait + .seconds(15))
    }

    func snapshot(aggregate: String, after: String?, limit: Int) async throws -> SnapshotPage {
        var path = "\(endpoint.path)/snapshot?aggregate=\(Self.escape(aggregate))&limit=\(limit)"
        if let after { path += "&after=\(Self.escape(after))" }
        return try await get(path, as: SnapshotPage.self, timeout: .seconds(60))
    }

    private func get<T: Decodable>(_ path: String, as type: T.Type, timeout: Duration) async throws -> T {
        var request = HTTPClientRequest(method: .GET, path: path, timeout: .milliseconds(timeout.wholeMilliseconds))
        request.headers.add(name: "accept", value: "application/json")
        let response = try await upstream.send(request)
        let body = Data(response.body.readableBytesView)
        guard response.status == .ok else {
            if let error = try? JSONDecoder().decode(ErrorBody.self, from: body) {
                throw EventFeedError(code: error.error.code, status: Int(response.status.code), message: error.error.message)
            }
            throw EventFeedError(code: "http_\(response.status.code)", status: Int(response.status.code),
                                 message: String(decoding: body.prefix(500), as: UTF8.self))
        }
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw EventFeedError(code: "invalid_response", status: 502, message: "the feed's answer does not decode: \(error)")
        }
    }
}
