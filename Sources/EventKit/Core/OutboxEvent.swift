import Foundation
import Postgres

/// An event a producer appends to its outbox, in the transaction that made the change it
/// describes. `version` is the aggregate's version after the change (1 for the first); consumers
/// use it to ignore stale and duplicate deliveries.
///
/// ```swift
/// let event = try OutboxEvent(type: "identity.user.updated", aggregateType: "user",
///                             aggregateID: user.id.uuidString, version: user.version,
///                             payload: UserPayload(email: user.email, name: user.name, role: user.role))
/// ```
public struct OutboxEvent: Sendable, Hashable {
    /// Unique per event; consumers record it to apply each event once.
    public var id: UUID
    /// Dotted, past tense, owned by the producer: `identity.user.created`.
    public var type: String
    /// The kind of thing that changed: `user`.
    public var aggregateType: String
    /// Which one (text; a UUID's canonical form for UUID keys).
    public var aggregateID: String
    /// The aggregate's version after this change; strictly increasing per aggregate.
    public var version: Int64
    /// The event's data (`jsonb`).
    public var payload: PostgresJSON

    public init(id: UUID = UUID(), type: String, aggregateType: String, aggregateID: String, version: Int64, payload: PostgresJSON) {
        self.id = id
        self.type = type
        self.aggregateType = aggregateType
        self.aggregateID = aggregateID
        self.version = version
        self.payload = payload
    }

    /// An event whose payload is `payload` encoded as JSON.
    public init<Payload: Encodable>(
        id: UUID = UUID(), type: String, aggregateType: String, aggregateID: String, version: Int64,
        payload: Payload, encoder: JSONEncoder = JSONEncoder()
    ) throws {
        self.init(id: id, type: type, aggregateType: aggregateType, aggregateID: aggregateID, version: version,
                  payload: try PostgresJSON(encoding: payload, encoder: encoder))
    }
}
