import Foundation

/// `--demo`: a few users, a tutor with a course and availability, a student with a booked lesson.
/// Idempotent enough for repeated runs: existing e-mails just sign in.
enum DemoData {
    static let password = "demo-password-1"

    static func load(identity: GraphQLCaller, learning: GraphQLCaller?) async throws -> [String] {
        var lines: [String] = []
        func account(_ email: String, _ first: String, _ last: String, _ role: String) async throws -> (token: String, id: String) {
            let payload: [String: Any]
            do {
                payload = try await identity.call("""
                    mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }
                    """, variables: ["input": ["email": email, "password": password, "firstName": first, "lastName": last, "role": role]])["register"] as? [String: Any] ?? [:]
            } catch {
                payload = try await identity.call("""
                    mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }
                    """, variables: ["email": email, "password": password])["login"] as? [String: Any] ?? [:]
            }
            let token = payload["token"] as? String ?? ""
            let id = (payload["user"] as? [String: Any])?["id"] as? String ?? ""
            lines.append("  \(role.lowercased()) \(email) / \(password)  (id \(id))")
            return (token, id)
        }
        let tutor = try await account("ada.tutor@example.com", "Ada", "Lovelace", "TUTOR")
        let student = try await account("sam.student@example.com", "Sam", "Student", "STUDENT")
        _ = try await account("kim.student@example.com", "Kim", "Learner", "STUDENT")
        guard let learning else { return lines }
        // Learning knows a user once the identity event arrived; retry briefly until then.
        func retrying<T>(_ body: () async throws -> T) async throws -> T {
            var attempt = 0
            while true {
                do { return try await body() } catch {
                    attempt += 1
                    if attempt >= 50 { throw error }
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        }
        let tutorProfile = try await retrying {
            try await learning.call("""
                mutation { becomeTutor(input: {hourlyRate: "45.00", subjects: ["mathematics", "physics"], languages: ["en", "fr"]}) { id } }
                """, token: tutor.token)
        }
        _ = tutorProfile
        _ = try await learning.call("""
            mutation { setAvailability(slots: [{dayOfWeek: 1, startTime: "09:00", endTime: "12:00"}, {dayOfWeek: 3, startTime: "14:00", endTime: "18:00"}]) { id } }
            """, token: tutor.token)
        let course = try await learning.call("""
            mutation { createCourse(input: {title: "Calculus I", description: "Limits, derivatives, integrals", price: "60.00", durationMinutes: 60}) { id } }
            """, token: tutor.token)
        let courseID = (course["createCourse"] as? [String: Any])?["id"] as? String ?? ""
        _ = try await retrying {
            try await learning.call("""
                mutation { becomeStudent(input: {learningGoals: "pass calculus", preferredLanguages: ["en"]}) { id } }
                """, token: student.token)
        }
        let lesson = try await learning.call("""
            mutation($course: ID!) { bookLesson(courseId: $course, scheduledAt: "2030-01-07T09:00:00Z") { id status } }
            """, variables: ["course": courseID], token: student.token)
        lines.append("  course \(courseID), lesson \((lesson["bookLesson"] as? [String: Any])?["id"] ?? "")")
        return lines
    }
}
