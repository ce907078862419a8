import EventKit

/// What Learning consumes from Identity: `identity.user.*` into `user_refs` (version-guarded
/// upserts, tombstones on delete), and the `user` snapshot for resyncs.
enum IdentityEvents {
    static let userRefs = ReferenceTable(name: "user_refs", key: "user_id", columns: ["email", "name", "role", "status"])

    static var handlers: EventHandlers {
        var handlers = EventHandlers()
        handlers.upsert("identity.user.created", "identity.user.updated", into: userRefs)
        handlers.tombstone("identity.user.deleted", in: userRefs)
        handlers.snapshot(aggregate: "user", into: userRefs)
        return handlers
    }
}
