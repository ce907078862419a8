import Foundation
import GraphQLKit
import Postgres

/// A `User` reference from another subgraph (only its key is known here).
struct UserReference: GraphQLObject, Sendable {
    var id: UUID
}

/// A tutor profile.
struct Tutor: GraphQLObject, Sendable {
    var id: UUID
    var userID: UUID
    var displayName: String?
    var hourlyRate: String
    var subjects: [String]
    var languages: [String]
    var isVerified: Bool

    static let select = """
        SELECT t.id, t.user_id, r.name AS display_name, t.hourly_rate::text AS hourly_rate, t.subjects, t.languages, t.is_verified
        FROM tutors t LEFT JOIN user_refs r ON r.user_id = t.user_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        userID = try row.decode(UUID.self, "user_id")
        displayName = try row.decode(String?.self, "display_name")
        hourlyRate = try row.decode(String.self, "hourly_rate")
        subjects = try row.decode([String].self, "subjects")
        languages = try row.decode([String].self, "languages")
        isVerified = try row.decode(Bool.self, "is_verified")
    }
}

/// A student profile.
struct Student: GraphQLObject, Sendable {
    var id: UUID
    var userID: UUID
    var learningGoals: String?
    var preferredLanguages: [String]

    static let select = "SELECT id, user_id, learning_goals, preferred_languages FROM students"

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        userID = try row.decode(UUID.self, "user_id")
        learningGoals = try row.decode(String?.self, "learning_goals")
        preferredLanguages = try row.decode([String].self, "preferred_languages")
    }
}

/// A course a tutor offers.
struct Course: GraphQLObject, Sendable {
    var id: UUID
    var tutorID: UUID
    var title: String
    var description: String?
    var price: String
    var durationMinutes: Int

    static let select = "SELECT id, tutor_id, title, description, price::text AS price, duration_minutes FROM courses"

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        tutorID = try row.decode(UUID.self, "tutor_id")
        title = try row.decode(String.self, "title")
        description = try row.decode(String?.self, "description")
        price = try row.decode(String.self, "price")
        durationMinutes = Int(try row.decode(Int32.self, "duration_minutes"))
    }
}

/// A booked, completed or cancelled lesson.
struct Lesson: GraphQLObject, Sendable {
    var id: UUID
    var courseID: UUID
    var tutorID: UUID
    var studentID: UUID
    var tutorUserID: UUID
    var studentUserID: UUID
    var scheduledAt: String
    var status: String
    var meetingURL: String?
    var version: Int64

    static let select = """
        SELECT l.id, l.course_id, l.tutor_id, l.student_id, t.user_id AS tutor_user_id, s.user_id AS student_user_id,
               to_char(l.scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS scheduled_at,
               l.status, l.meeting_url, l.version
        FROM lessons l JOIN tutors t ON t.id = l.tutor_id JOIN students s ON s.id = l.student_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        courseID = try row.decode(UUID.self, "course_id")
        tutorID = try row.decode(UUID.self, "tutor_id")
        studentID = try row.decode(UUID.self, "student_id")
        tutorUserID = try row.decode(UUID.self, "tutor_user_id")
        studentUserID = try row.decode(UUID.self, "student_user_id")
        scheduledAt = try row.decode(String.self, "scheduled_at")
        status = try row.decode(String.self, "status")
        meetingURL = try row.decode(String?.self, "meeting_url")
        version = try row.decode(Int64.self, "version")
    }

    func isParticipant(_ userID: UUID) -> Bool { userID == tutorUserID || userID == studentUserID }
}

/// A weekly availability slot.
struct AvailabilitySlot: GraphQLObject, Sendable {
    var id: UUID
    var dayOfWeek: Int
    var startTime: String
    var endTime: String

    static let select = """
        SELECT id, day_of_week, to_char(start_time, 'HH24:MI') AS start_time, to_char(end_time, 'HH24:MI') AS end_time
        FROM tutor_availability
        """

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        dayOfWeek = Int(try row.decode(Int16.self, "day_of_week"))
        startTime = try row.decode(String.self, "start_time")
        endTime = try row.decode(String.self, "end_time")
    }
}

/// A student's request for a tutor, with the tutors that match it.
struct MatchingRequest: GraphQLObject, Sendable {
    var id: UUID
    var subject: String
    var budget: String?
    var requirements: String?
    var createdAt: String
    var matches: [Tutor]
}
