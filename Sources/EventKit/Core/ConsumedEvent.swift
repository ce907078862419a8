import Foundation
import Postgres

/// An event as a consumer's handler receives it from a producer's feed.
///
/// ```swift
/// handlers.on("identity.user.created") { event, tx in
///     let user = try event.decodePayload(UserPayload.self)   // EventPayloadError → dead letter
///     try await tx.query("INSERT INTO audit (user_id, version) VALUES (\(event.aggregateID), \(event.version))")
/// }
/// ```
public struct ConsumedEvent: Sendable, Hashable {
    public var id: UUID
    public var type: String
    public var aggregateType: String
    public var aggregateID: String
    public var version: Int64
    public var payload: JSONValue
    /// When the producer wrote it (its clock).
    public var createdAt: Date
    /// Its outbox position at the producer (for logs; order is the feed's, not this number's).
    public var position: Int64

    public init(id: UUID, type: String, aggregateType: String, aggregateID: String, version: Int64,
                payload: JSONValue, createdAt: Date, position: Int64) {
        self.id = id
        self.type = type
        self.aggregateType = aggregateType
        self.aggregateID = aggregateID
        self.version = version
        self.payload = payload
        self.createdAt = createdAt
        self.position = position
    }

    /// The payload as a `jsonb` parameter.
    public func payloadJSON() throws -> PostgresJSON {
        try PostgresJSON(encoding: payload)
    }

    /// Decodes the payload; a mismatch throws ``EventPayloadError``, which the consumer treats as
    /// a poison event (dead letter at once, no retries: retrying cannot change the bytes).
    public func decodePayload<T: Decodable>(_ type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        do {
            return try decoder.decode(type, from: try JSONEncoder().encode(payload))
        } catch {
            throw EventPayloadError(message: "payload of \(self.type) \(id) does not decode as \(T.self): \(error)")
        }
    }
}
