import Foundation
import GraphQLKit
import Postgres
import ServiceRuntime

/// Learning's SQL. Profiles need the user in `user_refs` (filled by identity events), active and
/// not deleted; every change that other services care about appends its event in the same transaction.
struct LearningStore: Sendable {
    let pool: PostgresPool

    // MARK: Reads

    func tutor(id: UUID) async throws -> Tutor? {
        try await pool.query("\(unescaped: Tutor.select) WHERE t.id = \(id)").first.map(Tutor.init(row:))
    }

    func tutors(ids: [UUID]) async throws -> [UUID: Tutor] {
        let rows = try await pool.query("\(unescaped: Tutor.select) WHERE t.id = ANY(\(ids))")
        return Dictionary(try rows.map { let tutor = try Tutor(row: $0); return (tutor.id, tutor) }, uniquingKeysWith: { a, _ in a })
    }

    func tutors(userIDs: [UUID]) async throws -> [UUID: Tutor] {
        let rows = try await pool.query("\(unescaped: Tutor.select) WHERE t.user_id = ANY(\(userIDs))")
        return Dictionary(try rows.map { let tutor = try Tutor(row: $0); return (tutor.userID, tutor) }, uniquingKeysWith: { a, _ in a })
    }

    func tutors(subject: String?, first: Int) async throws -> [Tutor] {
        try await pool.query("""
            \(unescaped: Tutor.select) WHERE \(subject)::text IS NULL OR \(subject) = ANY(t.subjects)
            ORDER BY t.is_verified DESC, t.hourly_rate, t.id LIMIT \(min(max(first, 0), 100))
            """).map(Tutor.init(row:))
    }

    func courses(ids: [UUID]) async throws -> [UUID: Course] {
        let rows = try await pool.query("\(unescaped: Course.select) WHERE id = ANY(\(ids))")
        return Dictionary(try rows.map { let course = try Course(row: $0); return (course.id, course) }, uniquingKeysWith: { a, _ in a })
    }

    func students(ids: [UUID]) async throws -> [UUID: Student] {
        let rows = try await pool.query("\(unescaped: Student.select) WHERE id = ANY(\(ids))")
        return Dictionary(try rows.map { let student = try Student(row: $0); return (student.id, student) }, uniquingKeysWith: { a, _ in a })
    }

    func lessons(ids: [UUID]) async throws -> [UUID: Lesson] {
        let rows = try await pool.query("\(unescaped: Lesson.select) WHERE l.id = ANY(\(ids))")
        return Dictionary(try rows.map { let lesson = try Lesson(row: $0); return (lesson.id, lesson) }, uniquingKeysWith: { a, _ in a })
    }

    func student(id: UUID) async throws -> Student? {
        try await pool.query("\(unescaped: Student.select) WHERE id = \(id)").first.map(Student.init(row:))
    }

    func student(userID: UUID) async throws -> Student? {
        try await pool.query("\(unescaped: Student.select) WHERE user_id = \(userID)").first.map(Student.init(row:))
    }

    func course(id: UUID) async throws -> Course? {
        try await pool.query("\(unescaped: Course.select) WHERE id = \(id)").first.map(Course.init(row:))
    }

    func courses(tutorID: UUID?, first: Int) async throws -> [Course] {
        try await pool.query("""
            \(unescaped: Course.select) WHERE \(tutorID)::uuid IS NULL OR tutor_id = \(tutorID)
            ORDER BY created_at, id LIMIT \(min(max(first, 0), 100))
            """).map(Course.init(row:))
    }

    func lesson(id: UUID) async throws -> Lesson? {
        try await pool.query("\(unescaped: Lesson.select) WHERE l.id = \(id)").first.map(Lesson.init(row:))
    }

    /// Lessons where the user is tutor or student, by start time.
    func lessons(userID: UUID) async throws -> [Lesson] {
        try await pool.query("""
            \(unescaped: Lesson.select) WHERE t.user_id = \(userID) OR s.user_id = \(userID) ORDER BY l.scheduled_at, l.id
            """).map(Lesson.init(row:))
    }

    func availability(tutorID: UUID) async throws -> [AvailabilitySlot] {
        try await pool.query("\(unescaped: AvailabilitySlot.select) WHERE tutor_id = \(tutorID) ORDER BY day_of_week, start_time")
            .map(AvailabilitySlot.init(row:))
    }

    // MARK: Writes

    /// Throws `UNKNOWN_USER` unless Learning knows `userID` as an active, not deleted user.
    /// `FOR SHARE` holds the row until the profile is written, so a concurrent delete event waits.
    func requireActiveUser(_ userID: UUID, on tx: PostgresTransaction) async throws {
        let rows = try await tx.query("SELECT deleted, status FROM user_refs WHERE user_id = \(userID) FOR SHARE")
        guard let row = rows.first, !(try row.decode(Bool.self, "deleted")), (try row.decode(String?.self, "status")) == "ACTIVE" else {
            throw ServiceError(code: "UNKNOWN_USER", message: "no active user \(userID) is known to Learning").graphQLError
        }
    }

    struct TutorInput: Decodable {
        var hourlyRate: String
        var subjects: [String]
        var languages: [String]
    }

    func becomeTutor(userID: UUID, _ input: TutorInput) async throws -> Tutor {
        try Validation.money(input.hourlyRate, "hourlyRate")
        try Validation.tags(input.subjects, "subjects")
        try Validation.tags(input.languages, "languages")
        return try await pool.transaction { tx in
            try await requireActiveUser(userID, on: tx)
            let rows = try await tx.query("""
                INSERT INTO tutors (id, user_id, hourly_rate, subjects, languages)
                VALUES (\(UUID()), \(userID), \(input.hourlyRate)::numeric, \(input.subjects), \(input.languages))
                ON CONFLICT (user_id) DO UPDATE SET hourly_rate = excluded.hourly_rate, subjects = excluded.subjects,
                    languages = excluded.languages, updated_at = now(), version = tutors.version + 1
                RETURNING id, version
                """)
            let id = try rows[0].decode(UUID.self, "id")
            let version = try rows[0].decode(Int64.self, "version")
            let tutor = try Tutor(row: try await tx.query("\(unescaped: Tutor.select) WHERE t.id = \(id)")[0])
            try await LessonEvents.appendTutorUpdated(tutor, version: version, on: tx)
            return tutor
        }
    }

    struct StudentInput: Decodable {
        var learningGoals: String?
        var preferredLanguages: [String]?
    }

    func becomeStudent(userID: UUID, _ input: StudentInput) async throws -> Student {
        if let goals = input.learningGoals, goals.count > 2000 { throw ServiceError.badInput("learningGoals: at most 2000 characters") }
        let languages = input.preferredLanguages ?? []
        try Validation.tags(languages, "preferredLanguages", allowEmpty: true)
        return try await pool.transaction { tx in
            try await requireActiveUser(userID, on: tx)
            let rows = try await tx.query("""
                INSERT INTO students (id, user_id, learning_goals, preferred_languages)
                VALUES (\(UUID()), \(userID), \(input.learningGoals), \(languages))
                ON CONFLICT (user_id) DO UPDATE SET learning_goals = excluded.learning_goals,
                    preferred_languages = excluded.preferred_languages, updated_at = now()
                RETURNING id, user_id, learning_goals, preferred_languages
                """)
            return try Student(row: rows[0])
        }
    }

    struct SlotInput: Decodable {
        var dayOfWeek: Int
        var startTime: String
        var endTime: String
    }

    func setAvailability(userID: UUID, _ slots: [SlotInput]) async throws -> [AvailabilitySlot] {
        guard slots.count <= 50 else { throw ServiceError.badInput("slots: at most 50") }
        for slot in slots {
            guard (0...6).contains(slot.dayOfWeek) else { throw ServiceError.badInput("dayOfWeek: 0 (Sunday) to 6") }
            guard Validation.isTime(slot.startTime), Validation.isTime(slot.endTime), slot.startTime < slot.endTime else {
                throw ServiceError.badInput("startTime and endTime: HH:MM, start before end")
            }
        }
        return try await pool.transaction { tx in
            let tutor = try await requireTutor(userID: userID, on: tx)
            try await tx.query("DELETE FROM tutor_availability WHERE tutor_id = \(tutor)")
            for slot in slots {
                try await tx.query("""
                    INSERT INTO tutor_availability (id, tutor_id, day_of_week, start_time, end_time)
                    VALUES (\(UUID()), \(tutor), \(Int16(slot.dayOfWeek)), \(slot.startTime)::time, \(slot.endTime)::time)
                    """)
            }
            return try await tx.query("\(unescaped: AvailabilitySlot.select) WHERE tutor_id = \(tutor) ORDER BY day_of_week, start_time")
                .map(AvailabilitySlot.init(row:))
        }
    }

    private func requireTutor(userID: UUID, on tx: PostgresTransaction) async throws -> UUID {
        guard let row = try await tx.query("SELECT id FROM tutors WHERE user_id = \(userID)").first else {
            throw ServiceError(code: "FORBIDDEN", message: "only tutors can do this (becomeTutor first)").graphQLError
        }
        return try row.decode(UUID.self, "id")
    }

    struct CourseInput: Decodable {
        var title: String
        var description: String?
        var price: String
        var durationMinutes: Int
    }

    func createCourse(userID: UUID, _ input: CourseInput) async throws -> Course {
        try Validation.money(input.price, "price")
        guard (1...200).contains(input.title.count) else { throw ServiceError.badInput("title: 1 to 200 characters") }
        guard (15...480).contains(input.durationMinutes) else { throw ServiceError.badInput("durationMinutes: 15 to 480") }
        if let description = input.description, description.count > 4000 { throw ServiceError.badInput("description: at most 4000 characters") }
        return try await pool.transaction { tx in
            try await requireActiveUser(userID, on: tx)
            let tutor = try await requireTutor(userID: userID, on: tx)
            let rows = try await tx.query("""
                INSERT INTO courses (id, tutor_id, title, description, price, duration_minutes)
                VALUES (\(UUID()), \(tutor), \(input.title), \(input.description), \(input.price)::numeric, \(Int32(input.durationMinutes)))
                RETURNING id, tutor_id, title, description, price::text AS price, duration_minutes
                """)
            return try Course(row: rows[0])
        }
    }

    func bookLesson(userID: UUID, courseID: UUID, scheduledAt: Date) async throws -> Lesson {
        guard scheduledAt > Date() else { throw ServiceError.badInput("scheduledAt: must be in the future") }
        do {
            return try await pool.transaction { tx in
                try await requireActiveUser(userID, on: tx)
                guard let student = try await tx.query("SELECT id FROM students WHERE user_id = \(userID)").first else {
                    throw ServiceError(code: "FORBIDDEN", message: "only students can book (becomeStudent first)").graphQLError
                }
                let studentID = try student.decode(UUID.self, "id")
                guard let course = try await tx.query("\(unescaped: Course.select) WHERE id = \(courseID)").first.map(Course.init(row:)) else {
                    throw ServiceError.notFound("no course \(courseID)")
                }
                let id = UUID()
                try await tx.query("""
                    INSERT INTO lessons (id, course_id, tutor_id, student_id, scheduled_at, meeting_url)
                    SELECT \(id), \(courseID), \(course.tutorID), \(studentID), \(scheduledAt), \("https://meet.example.com/" + id.uuidString.lowercased())
                    WHERE NOT EXISTS (SELECT 1 FROM tutors WHERE id = \(course.tutorID) AND user_id = \(userID))
                    """)
                guard let lesson = try await tx.query("\(unescaped: Lesson.select) WHERE l.id = \(id)").first.map(Lesson.init(row:)) else {
                    throw ServiceError.badInput("a tutor cannot book their own course")
                }
                try await LessonEvents.append("learning.lesson.booked", lesson: lesson, price: course.price, on: tx)
                return lesson
            }
        } catch let error as PostgresError where error.sqlState == "23505" {
            throw ServiceError.conflict("the tutor is already booked at that time")
        }
    }

    /// Moves a BOOKED lesson to `status` if `allowed` accepts the caller's relation to it.
    func finish(lessonID: UUID, status: String, allowed: @Sendable (Lesson) throws -> Void) async throws -> Lesson {
        try await pool.transaction { tx in
            guard let current = try await tx.query("\(unescaped: Lesson.select) WHERE l.id = \(lessonID) FOR UPDATE OF l").first
                .map(Lesson.init(row:))
            else { throw ServiceError.notFound("no lesson \(lessonID)") }
            try allowed(current)
            guard current.status == "BOOKED" else { throw ServiceError.conflict("the lesson is already \(current.status.lowercased())") }
            try await tx.query("UPDATE lessons SET status = \(status), version = version + 1, updated_at = now() WHERE id = \(lessonID)")
            let lesson = try Lesson(row: try await tx.query("\(unescaped: Lesson.select) WHERE l.id = \(lessonID)")[0])
            let price = try await tx.query("SELECT price::text FROM courses WHERE id = \(lesson.courseID)")[0].decode(String.self, at: 0)
            try await LessonEvents.append(status == "COMPLETED" ? "learning.lesson.completed" : "learning.lesson.cancelled",
                                          lesson: lesson, price: price, on: tx)
            return lesson
        }
    }

    struct MatchInput: Decodable {
        var subject: String
        var budget: String?
        var requirements: String?
    }

    func requestMatch(userID: UUID, _ input: MatchInput) async throws -> MatchingRequest {
        guard (1...100).contains(input.subject.count) else { throw ServiceError.badInput("subject: 1 to 100 characters") }
        if let budget = input.budget { try Validation.money(budget, "budget") }
        if let requirements = input.requirements, requirements.count > 2000 { throw ServiceError.badInput("requirements: at most 2000 characters") }
        return try await pool.transaction { tx in
            try await requireActiveUser(userID, on: tx)
            guard let student = try await tx.query("SELECT id FROM students WHERE user_id = \(userID)").first else {
                throw ServiceError(code: "FORBIDDEN", message: "only students can request a match (becomeStudent first)").graphQLError
            }
            let rows = try await tx.query("""
                INSERT INTO matching_requests (id, student_id, subject, budget, requirements)
                VALUES (\(UUID()), \(try student.decode(UUID.self, "id")), \(input.subject), \(input.budget)::numeric, \(input.requirements))
                RETURNING id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
                """)
            let matches = try await tx.query("""
                \(unescaped: Tutor.select)
                WHERE \(input.subject) = ANY(t.subjects) AND (\(input.budget)::numeric IS NULL OR t.hourly_rate <= \(input.budget)::numeric)
                  AND t.user_id <> \(userID) AND coalesce(NOT r.deleted, false)
                ORDER BY t.is_verified DESC, t.hourly_rate, t.id LIMIT 5
                """).map(Tutor.init(row:))
            return MatchingRequest(id: try rows[0].decode(UUID.self, "id"), subject: input.subject, budget: input.budget,
                                   requirements: input.requirements, createdAt: try rows[0].decode(String.self, "created_at"),
                                   matches: matches)
        }
    }

    func verifyTutor(id: UUID) async throws -> Tutor {
        try await pool.transaction { tx in
            let rows = try await tx.query("""
                UPDATE tutors SET is_verified = true, version = version + 1, updated_at = now() WHERE id = \(id) RETURNING version
                """)
            guard let row = rows.first else { throw ServiceError.notFound("no tutor \(id)") }
            let tutor = try Tutor(row: try await tx.query("\(unescaped: Tutor.select) WHERE t.id = \(id)")[0])
            try await LessonEvents.appendTutorUpdated(tutor, version: try row.decode(Int64.self, "version"), on: tx)
            return tutor
        }
    }
}

/// Input checks shared by the mutations (bad input is a `BAD_USER_INPUT` error, never a crash or a half-stored change).
enum Validation {
    static func money(_ text: String, _ name: String) throws {
        guard text.count <= 14, let value = Decimal(string: text), value >= 0, !text.contains("e"), !text.contains("E"),
              text.split(separator: ".").count <= 2, (text.split(separator: ".").dropFirst().first?.count ?? 0) <= 2
        else { throw ServiceError.badInput("\(name): a non-negative amount with at most 2 decimals, e.g. \"45.00\"") }
    }

    static func tags(_ values: [String], _ name: String, allowEmpty: Bool = false) throws {
        guard (allowEmpty || !values.isEmpty), values.count <= 20, values.allSatisfy({ (1...50).contains($0.count) }) else {
            throw ServiceError.badInput("\(name): \(allowEmpty ? "0" : "1") to 20 entries of 1 to 50 characters")
        }
    }

    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]) else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute)
    }
}
