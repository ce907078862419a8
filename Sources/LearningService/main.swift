import Foundation
import ServiceRuntime

// Learning: tutors, students, courses, lessons (port 4002). Consumes identity.user.* into
// user_refs; produces learning.lesson.* and learning.tutor.updated. Configuration: see
// ServiceConfiguration (IDENTITY_EVENTS_URL, AUTH_JWKS_URL, EVENTS_*).
//
// Commands (then exit): `learning-service resync` rebuilds user_refs from Identity's snapshot
// while writes continue; `learning-service dead-letters` lists poison events;
// `learning-service replay-dead-letters` applies them again.
let command = CommandLine.arguments.dropFirst().first
let host = try await ServiceHost.start(name: "learning", defaultPort: 4002, migrations: LearningMigrations.all,
                                       producesEvents: true, consumesEvents: true)
let consumer = try host.consume(from: "identity", defaultURL: "http://127.0.0.1:4001", handlers: IdentityEvents.handlers)

switch command {
case nil:
    let store = LearningStore(pool: host.pool)
    let verifier = host.remoteTokenVerifier()
    host.mountGraphQL(try LearningSchema.make(store: store)) { request in
        try await LearningContext.make(request, verifier: verifier)
    }
    host.serveEvents(snapshots: [])
    try await host.run()
case "resync":
    let report = try await consumer.resync()
    print("resynced \(report.items) items (\(report.tombstoned) tombstoned) of \(report.aggregates); cursor \(report.cursor)")
    await host.shutdown()
case "dead-letters":
    for letter in try await consumer.deadLetters() {
        print("\(letter.id)\t\(letter.event.type)\t\(letter.event.aggregateID)\tv\(letter.event.version)\t\(letter.attempts) attempts\t\(letter.error)")
    }
    await host.shutdown()
case "replay-dead-letters":
    let report = try await consumer.replayDeadLetters()
    print("replayed \(report.replayed), failed again \(report.failed)")
    await host.shutdown()
case let other?:
    FileHandle.standardError.write(Data("unknown command \(other); use resync, dead-letters or replay-dead-letters\n".utf8))
    await host.shutdown()
    exit(2)
}
