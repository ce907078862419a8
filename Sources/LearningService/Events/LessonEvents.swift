import EventKit
import Foundation
import Postgres

/// The events Learning produces (`learning.lesson.booked|completed|cancelled`, `learning.tutor.updated`),
/// appended in the transaction that makes the change.
enum LessonEvents {
    static let outbox = Outbox()

    struct LessonPayload: Codable {
        var id: String
        var courseId: String
        var tutorUserId: String
        var studentUserId: String
        var scheduledAt: String
        var status: String
        var price: String?
    }

    struct TutorPayload: Codable {
        var id: String
        var userId: String
        var hourlyRate: String
        var subjects: [String]
        var languages: [String]
        var isVerified: Bool
    }

    static func append(_ type: String, lesson: Lesson, price: String?, on tx: PostgresTransaction) async throws {
        let payload = LessonPayload(id: lesson.id.uuidString.lowercased(), courseId: lesson.courseID.uuidString.lowercased(),
                                    tutorUserId: lesson.tutorUserID.uuidString.lowercased(),
                                    studentUserId: lesson.studentUserID.uuidString.lowercased(),
                                    scheduledAt: lesson.scheduledAt, status: lesson.status, price: price)
        try await outbox.append(try OutboxEvent(type: type, aggregateType: "lesson", aggregateID: payload.id,
                                                version: lesson.version, payload: payload), on: tx)
    }

    static func appendTutorUpdated(_ tutor: Tutor, version: Int64, on tx: PostgresTransaction) async throws {
        let payload = TutorPayload(id: tutor.id.uuidString.lowercased(), userId: tutor.userID.uuidString.lowercased(),
                                   hourlyRate: tutor.hourlyRate, subjects: tutor.subjects, languages: tutor.languages,
                                   isVerified: tutor.isVerified)
        try await outbox.append(try OutboxEvent(type: "learning.tutor.updated", aggregateType: "tutor", aggregateID: payload.id,
                                                version: version, payload: payload), on: tx)
    }
}
