import Foundation
import GraphQLKit
import ServiceRuntime

/// Learning's subgraph: SDL (`LearningSchema+SDL.swift`) and resolvers.
enum LearningSchema {
    static func make(store: LearningStore) throws -> ExecutableSchema<LearningContext> {
        var resolvers = Resolvers<LearningContext>()
        resolvers.query { query in
            query.field("tutors") { (arguments: FieldArguments, _: LearningContext) async throws -> [Tutor] in
                try await store.tutors(subject: arguments.optionalString("subject"), first: arguments.int("first") ?? 20)
            }
            query.field("tutor") { (arguments: FieldArguments, _: LearningContext) async throws -> Tutor? in
                try await store.tutor(id: try uuid(arguments, "id"))
            }
            query.field("course") { (arguments: FieldArguments, _: LearningContext) async throws -> Course? in
                try await store.course(id: try uuid(arguments, "id"))
            }
            query.field("courses") { (arguments: FieldArguments, _: LearningContext) async throws -> [Course] in
                let tutorID = try arguments.optionalString("tutorId").map { text throws -> UUID in
                    guard let id = UUID(uuidString: text) else { throw ServiceError.badInput("tutorId: not an id") }
                    return id
                }
                return try await store.courses(tutorID: tutorID, first: arguments.int("first") ?? 20)
            }
            query.field("lesson") { (arguments: FieldArguments, context: LearningContext) async throws -> Lesson? in
                let caller = try context.principal.required()
                guard let lesson = try await store.lesson(id: try uuid(arguments, "id")) else { return nil }
                guard caller.isAdmin || lesson.isParticipant(caller.userID) else {
                    throw AuthError.forbidden("only the lesson's tutor and student may see it").graphQLError
                }
                return lesson
            }
        }
        resolvers.mutation { mutation in
            mutation.field("becomeTutor") { (arguments: FieldArguments, context: LearningContext) async throws -> Tutor in
                try await store.becomeTutor(userID: try context.principal.required().userID,
                                            try arguments.decode(LearningStore.TutorInput.self, "input"))
            }
            mutation.field("becomeStudent") { (arguments: FieldArguments, context: LearningContext) async throws -> Student in
                try await store.becomeStudent(userID: try context.principal.required().userID,
                                              try arguments.decode(LearningStore.StudentInput.self, "input"))
            }
            mutation.field("setAvailability") { (arguments: FieldArguments, context: LearningContext) async throws -> [AvailabilitySlot] in
                try await store.setAvailability(userID: try context.principal.required().userID,
                                                try arguments.decode([LearningStore.SlotInput].self, "slots"))
            }
            mutation.field("createCourse") { (arguments: FieldArguments, context: LearningContext) async throws -> Course in
                try await store.createCourse(userID: try context.principal.required().userID,
                                             try arguments.decode(LearningStore.CourseInput.self, "input"))
            }
            mutation.field("bookLesson") { (arguments: FieldArguments, context: LearningContext) async throws -> Lesson in
                let caller = try context.principal.required()
                let text = try arguments.string("scheduledAt")
                guard let date = ISO8601DateFormatter().date(from: text) else {
                    throw ServiceError.badInput("scheduledAt: an ISO 8601 time such as 2030-01-07T09:00:00Z")
                }
                return try await store.bookLesson(userID: caller.userID, courseID: try uuid(arguments, "courseId"), scheduledAt: date)
            }
            mutation.field("completeLesson") { (arguments: FieldArguments, context: LearningContext) async throws -> Lesson in
                let caller = try context.principal.required()
                return try await store.finish(lessonID: try uuid(arguments, "lessonId"), status: "COMPLETED") { lesson in
                    guard caller.isAdmin || lesson.tutorUserID == caller.userID else {
                        throw AuthError.forbidden("only the lesson's tutor may complete it").graphQLError
                    }
                }
            }
            mutation.field("cancelLesson") { (arguments: FieldArguments, context: LearningContext) async throws -> Lesson in
                let caller = try context.principal.required()
                return try await store.finish(lessonID: try uuid(arguments, "lessonId"), status: "CANCELLED") { lesson in
                    guard caller.isAdmin || lesson.isParticipant(caller.userID) else {
                        throw AuthError.forbidden("only the lesson's tutor or student may cancel it").graphQLError
                    }
                }
            }
            mutation.field("requestMatch") { (arguments: FieldArguments, context: LearningContext) async throws -> MatchingRequest in
                try await store.requestMatch(userID: try context.principal.required().userID,
                                             try arguments.decode(LearningStore.MatchInput.self, "input"))
            }
            mutation.field("verifyTutor") { (arguments: FieldArguments, context: LearningContext) async throws -> Tutor in
                guard try context.principal.required().isAdmin else { throw AuthError.forbidden("verifyTutor: admins only").graphQLError }
                return try await store.verifyTutor(id: try uuid(arguments, "tutorId"))
            }
        }
        resolvers.type("User", as: UserReference.self) { user in
            user.field("id") { $0.id.uuidString.lowercased() }
            user.field("tutorProfile") { (user: UserReference, _: FieldArguments, _: LearningContext) async throws -> Tutor? in
                try await store.tutors(userIDs: [user.id])[user.id]
            }
            user.field("studentProfile") { (user: UserReference, _: FieldArguments, _: LearningContext) async throws -> Student? in
                try await store.student(userID: user.id)
            }
            user.field("lessons") { (user: UserReference, _: FieldArguments, context: LearningContext) async throws -> [Lesson] in
                try context.principal.required().requireSelfOrAdmin(user.id)
                return try await store.lessons(userID: user.id)
            }
        }
        resolvers.type("Tutor", as: Tutor.self) { tutor in
            tutor.field("id") { $0.id.uuidString.lowercased() }
            tutor.field("userId") { $0.userID.uuidString.lowercased() }
            tutor.field("displayName", \.displayName)
            tutor.field("hourlyRate", \.hourlyRate)
            tutor.field("subjects", \.subjects)
            tutor.field("languages", \.languages)
            tutor.field("isVerified", \.isVerified)
            tutor.field("courses") { (tutor: Tutor, _: FieldArguments, _: LearningContext) async throws -> [Course] in
                try await store.courses(tutorID: tutor.id, first: 100)
            }
            tutor.field("availability") { (tutor: Tutor, _: FieldArguments, _: LearningContext) async throws -> [AvailabilitySlot] in
                try await store.availability(tutorID: tutor.id)
            }
        }
        resolvers.type("Student", as: Student.self) { student in
            student.field("id") { $0.id.uuidString.lowercased() }
            student.field("userId") { $0.userID.uuidString.lowercased() }
            student.field("learningGoals", \.learningGoals)
            student.field("preferredLanguages", \.preferredLanguages)
        }
        resolvers.type("Course", as: Course.self) { course in
            course.field("id") { $0.id.uuidString.lowercased() }
            course.field("title", \.title)
            course.field("description", \.description)
            course.field("price", \.price)
            course.field("durationMinutes", \.durationMinutes)
            course.field("tutor") { (course: Course, _: FieldArguments, _: LearningContext) async throws -> Tutor in
                guard let tutor = try await store.tutor(id: course.tutorID) else { throw ServiceError.notFound("no tutor \(course.tutorID)") }
                return tutor
            }
        }
        resolvers.type("Lesson", as: Lesson.self) { lesson in
            lesson.field("id") { $0.id.uuidString.lowercased() }
            lesson.field("scheduledAt", \.scheduledAt)
            lesson.field("status", \.status)
            lesson.field("meetingUrl", \.meetingURL)
            lesson.field("course") { (lesson: Lesson, _: FieldArguments, _: LearningContext) async throws -> Course in
                guard let course = try await store.course(id: lesson.courseID) else { throw ServiceError.notFound("no course") }
                return course
            }
            lesson.field("tutor") { (lesson: Lesson, _: FieldArguments, _: LearningContext) async throws -> Tutor in
                guard let tutor = try await store.tutor(id: lesson.tutorID) else { throw ServiceError.notFound("no tutor") }
                return tutor
            }
            lesson.field("student") { (lesson: Lesson, _: FieldArguments, _: LearningContext) async throws -> Student in
                guard let student = try await store.student(id: lesson.studentID) else { throw ServiceError.notFound("no student") }
                return student
            }
        }
        resolvers.type("AvailabilitySlot", as: AvailabilitySlot.self) { slot in
            slot.field("id") { $0.id.uuidString.lowercased() }
            slot.field("dayOfWeek", \.dayOfWeek)
            slot.field("startTime", \.startTime)
            slot.field("endTime", \.endTime)
        }
        resolvers.type("MatchingRequest", as: MatchingRequest.self) { request in
            request.field("id") { $0.id.uuidString.lowercased() }
            request.field("subject", \.subject)
            request.field("budget", \.budget)
            request.field("requirements", \.requirements)
            request.field("createdAt", \.createdAt)
            request.field("matches", \.matches)
        }

        var entities = EntityResolvers<LearningContext>()
        entities.entity("User") { (representations: [EntityRepresentation], _) async throws -> [ResolvedValue] in
            representations.map { representation in
                guard let id = representation["id"]?.stringValue.flatMap(UUID.init(uuidString:)) else { return .null }
                return .object(ObjectSource(UserReference(id: id), typename: "User"))
            }
        }
        entities.entity("Tutor") { (representations: [EntityRepresentation], _) async throws -> [ResolvedValue] in
            let ids = representations.map { $0["id"]?.stringValue.flatMap(UUID.init(uuidString:)) }
            let tutors = try await store.tutors(ids: ids.compactMap { $0 })
            return ids.map { id in id.flatMap { tutors[$0] }.map { .object(ObjectSource($0, typename: "Tutor")) } ?? .null }
        }
        entities.entity("Course") { (representations: [EntityRepresentation], _) async throws -> [ResolvedValue] in
            let ids = representations.map { $0["id"]?.stringValue.flatMap(UUID.init(uuidString:)) }
            let courses = try await store.courses(ids: ids.compactMap { $0 })
            return ids.map { id in id.flatMap { courses[$0] }.map { .object(ObjectSource($0, typename: "Course")) } ?? .null }
        }
        entities.entity("Student") { (representations: [EntityRepresentation], _) async throws -> [ResolvedValue] in
            let ids = representations.map { $0["id"]?.stringValue.flatMap(UUID.init(uuidString:)) }
            let students = try await store.students(ids: ids.compactMap { $0 })
            return ids.map { id in id.flatMap { students[$0] }.map { .object(ObjectSource($0, typename: "Student")) } ?? .null }
        }
        // Lessons only to their participants and admins, as the `lesson` query.
        entities.entity("Lesson") { (representations: [EntityRepresentation], context: LearningContext) async throws -> [ResolvedValue] in
            let caller = try context.principal.required()
            let ids = representations.map { $0["id"]?.stringValue.flatMap(UUID.init(uuidString:)) }
            let lessons = try await store.lessons(ids: ids.compactMap { $0 })
            return ids.map { id -> ResolvedValue in
                guard let lesson = id.flatMap({ lessons[$0] }) else { return .null }
                guard caller.isAdmin || lesson.isParticipant(caller.userID) else {
                    return .error(AuthError.forbidden("only the lesson's tutor and student may see it").graphQLError)
                }
                return .object(ObjectSource(lesson, typename: "Lesson"))
            }
        }
        return try ExecutableSchema.subgraph(sdl: sdl, resolvers: resolvers, entities: entities)
    }

    static func uuid(_ arguments: FieldArguments, _ name: String) throws -> UUID {
        guard let id = UUID(uuidString: try arguments.string(name)) else { throw ServiceError.badInput("\(name): not an id") }
        return id
    }
}

