import Foundation
import GraphQLKit
import Postgres
import Testing

/// The first slice end to end: real executables, a real cluster, requests over HTTP.
@Suite("Identity and Learning end to end", .serialized)
struct SliceTests {
    @Test func registerBecomeTutorCreateCourseBookAndQueryItAll() async throws {
        try await SuiteFixture.with { suite in
            let tutor = try await suite.register("ada@example.com", first: "Ada", last: "Lovelace", role: "TUTOR")
            let student = try await suite.register("sam@example.com", first: "Sam", last: "Student")
            try await suite.waitConverged()
            let becameTutor = try await suite.graphql(suite.learningPort, """
                mutation { becomeTutor(input: {hourlyRate: "45.50", subjects: ["math"], languages: ["en"]}) { id displayName hourlyRate } }
                """, token: tutor.token)
            #expect(becameTutor["becomeTutor"]?["displayName"] == "Ada Lovelace")
            #expect(becameTutor["becomeTutor"]?["hourlyRate"] == "45.50")
            let course = try await suite.graphql(suite.learningPort, """
                mutation { createCourse(input: {title: "Calculus", price: "60.00", durationMinutes: 60}) { id } }
                """, token: tutor.token)["createCourse"]?["id"]?.stringValue ?? ""
            try await suite.graphql(suite.learningPort, "mutation { becomeStudent(input: {learningGoals: \"calculus\"}) { id } }", token: student.token)
            let lesson = try await suite.graphql(suite.learningPort, """
                mutation($c: ID!) { bookLesson(courseId: $c, scheduledAt: "2030-01-07T09:00:00Z") { id status scheduledAt } }
                """, variables: ["c": .string(course)], token: student.token)
            #expect(lesson["bookLesson"]?["status"] == "BOOKED")
            #expect(lesson["bookLesson"]?["scheduledAt"] == "2030-01-07T09:00:00Z")

            // The gateway is not on main yet: the same data through each subgraph, as its plan would fetch it.
            let me = try await suite.graphql(suite.identityPort, "{ me { id email firstName role } }", token: student.token)
            #expect(me["me"]?["id"]?.stringValue == student.id)
            #expect(me["me"]?["email"] == "sam@example.com")
            let extended = try await suite.graphql(suite.learningPort, """
                query($r: [_Any!]!) { _entities(representations: $r) { ... on User { studentProfile { learningGoals }
                  lessons { status course { title price tutor { displayName subjects } } } } } }
                """, variables: ["r": .array([.object(["__typename": "User", "id": .string(student.id)])])], token: student.token)
            let entity = extended["_entities"]?[0]
            #expect(entity?["studentProfile"]?["learningGoals"] == "calculus")
            #expect(entity?["lessons"]?[0]?["course"]?["title"] == "Calculus")
            #expect(entity?["lessons"]?[0]?["course"]?["tutor"]?["displayName"] == "Ada Lovelace")

            // Updated and deleted users show up in Learning.
            try await suite.graphql(suite.identityPort, "mutation { updateProfile(input: {firstName: \"Augusta\"}) { id } }", token: tutor.token)
            try await suite.waitConverged()
            let renamed = try await suite.graphql(suite.learningPort, "{ tutors { displayName } }")
            #expect(renamed["tutors"]?[0]?["displayName"] == "Augusta Lovelace")
            let admin = try await suite.login(SuiteFixture.adminEmail, SuiteFixture.adminPassword)
            try await suite.graphql(suite.identityPort, "mutation($u: ID!) { changeRole(userId: $u, role: TUTOR) { role } }",
                                    variables: ["u": .string(student.id)], token: admin.token)
            try await suite.graphql(suite.identityPort, "mutation($u: ID!) { deactivateUser(userId: $u) { status } }",
                                    variables: ["u": .string(student.id)], token: student.token)
            try await suite.expectExactlyOnce()
            let refs = try await suite.learningRefs()
            #expect(refs.first { $0.id == student.id }?.deleted == true)
        }
    }

    @Test func throughTheGatewayRegisterBecomeTutorBookAndQueryItAllInOneOperation() async throws {
        try await SuiteFixture.with { suite in
            try await suite.startGateway()
            let gateway = suite.gatewayPort
            func register(_ email: String, _ first: String) async throws -> SuiteFixture.Account {
                let data = try await suite.graphql(gateway, """
                    mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }
                    """, variables: ["input": .object(["email": .string(email), "password": "password-123", "firstName": .string(first), "lastName": "Doe"])])
                return .init(id: data["register"]?["user"]?["id"]?.stringValue ?? "", token: data["register"]?["token"]?.stringValue ?? "")
            }
            let tutor = try await register("tina@example.com", "Tina")
            let student = try await register("stu@example.com", "Stu")
            try await suite.waitConverged()
            try await suite.graphql(gateway, """
                mutation { becomeTutor(input: {hourlyRate: "30.00", subjects: ["chemistry"], languages: ["de"]}) { id } }
                """, token: tutor.token)
            let course = try await suite.graphql(gateway, """
                mutation { createCourse(input: {title: "Organic chemistry", price: "35.00", durationMinutes: 45}) { id } }
                """, token: tutor.token)["createCourse"]?["id"]?.stringValue ?? ""
            try await suite.graphql(gateway, "mutation { becomeStudent(input: {learningGoals: \"labs\"}) { id } }", token: student.token)
            try await suite.graphql(gateway, """
                mutation($c: ID!) { bookLesson(courseId: $c, scheduledAt: "2031-03-04T10:00:00Z") { id } }
                """, variables: ["c": .string(course)], token: student.token)
            // One gateway operation across both subgraphs: Identity's user, Learning's extensions.
            let me = try await suite.graphql(gateway, """
                { me { id firstName email studentProfile { learningGoals }
                       lessons { status course { title tutor { displayName hourlyRate } } } } }
                """, token: student.token)["me"]
            #expect(me?["id"]?.stringValue == student.id)
            #expect(me?["email"] == "stu@example.com")
            #expect(me?["studentProfile"]?["learningGoals"] == "labs")
            #expect(me?["lessons"]?[0]?["status"] == "BOOKED")
            #expect(me?["lessons"]?[0]?["course"]?["tutor"]?["displayName"] == "Tina Doe")
            let tutorView = try await suite.graphql(gateway, "{ me { firstName tutorProfile { hourlyRate courses { title } } } }", token: tutor.token)
            #expect(tutorView["me"]?["tutorProfile"]?["courses"]?[0]?["title"] == "Organic chemistry")
            // The gateway verifies tokens against Identity's JWKS before planning: a forged one is refused there.
            var forged = tutor.token
            forged.removeLast(4)
            forged += "AAAA"
            let refused = try await suite.request(gateway, "{ me { firstName } }", token: forged)
            #expect(refused["data"] == nil)
            #expect(refused["errors"]?[0]?["extensions"]?["code"] == "UNAUTHENTICATED")
            #expect(refused["errors"]?[0]?["message"] == "invalid token signature")
            // The token is forwarded; each subgraph authorizes: another user's lessons are refused by Learning.
            let other = try await suite.request(gateway, """
                query($u: ID!) { user(id: $u) { firstName lessons { id } } }
                """, variables: ["u": .string(student.id)], token: tutor.token)
            #expect(other["data"]?["user"]?["firstName"] == "Stu" || other["data"]?["user"] == .null)
            let codes = other["errors"]?.arrayValue?.compactMap { $0["extensions"]?["code"]?.stringValue } ?? []
            #expect(codes.contains("FORBIDDEN"))
            // A deleted user shows up in Learning as a tombstone.
            try await suite.graphql(gateway, "mutation($u: ID!) { deactivateUser(userId: $u) { status } }",
                                    variables: ["u": .string(student.id)], token: student.token)
            try await suite.expectExactlyOnce()
        }
    }

    @Test func profilesNeedAKnownActiveUserAndAuthIsEnforced() async throws {
        try await SuiteFixture.with { suite in
            let kim = try await suite.register("kim@example.com")
            let lee = try await suite.register("lee@example.com")
            try await suite.waitConverged()
            // A deleted user cannot get a profile, even with a still-valid token.
            try await suite.graphql(suite.identityPort, "mutation($u: ID!) { deactivateUser(userId: $u) { status } }",
                                    variables: ["u": .string(lee.id)], token: lee.token)
            try await suite.waitConverged()
            await expectCodes(["UNKNOWN_USER"]) {
                try await suite.graphql(suite.learningPort, "mutation { becomeStudent(input: {}) { id } }", token: lee.token)
            }
            // A user Learning never heard of (a token for an id Identity does not have) is refused too.
            try await suite.learningDB.query("DELETE FROM user_refs WHERE user_id = \(UUID(uuidString: kim.id)!)")
            await expectCodes(["UNKNOWN_USER"]) {
                try await suite.graphql(suite.learningPort, "mutation { becomeStudent(input: {}) { id } }", token: kim.token)
            }
            // No token, a forged token, admin-only operations, someone else's lessons.
            await expectCodes(["UNAUTHENTICATED"]) {
                try await suite.graphql(suite.learningPort, "mutation { becomeStudent(input: {}) { id } }")
            }
            var forged = kim.token
            forged.removeLast(4)
            forged += "AAAA"
            await expectCodes(["UNAUTHENTICATED"]) {
                try await suite.graphql(suite.learningPort, "{ tutors { id } }", token: forged)
            }
            await expectCodes(["FORBIDDEN"]) {
                try await suite.graphql(suite.learningPort, "mutation { verifyTutor(tutorId: \"\(UUID())\") { id } }", token: kim.token)
            }
            await expectCodes(["FORBIDDEN"]) {
                try await suite.graphql(suite.identityPort, "{ users { nodes { id } } }", token: kim.token)
            }
            await expectCodes(["FORBIDDEN"]) {
                try await suite.graphql(suite.identityPort, "query($u: ID!) { user(id: $u) { email } }",
                                        variables: ["u": .string(lee.id)], token: kim.token)
            }
            await expectCodes(["FORBIDDEN"]) {
                try await suite.graphql(suite.learningPort, """
                    query($r: [_Any!]!) { _entities(representations: $r) { ... on User { lessons { id } } } }
                    """, variables: ["r": .array([.object(["__typename": "User", "id": .string(lee.id)])])], token: kim.token)
            }
            // Logout revokes the session at Identity.
            try await suite.graphql(suite.identityPort, "mutation { logout }", token: kim.token)
            await expectCodes(["UNAUTHENTICATED"]) {
                try await suite.graphql(suite.identityPort, "{ me { id } }", token: kim.token)
            }
            // Malformed requests get errors and the services keep serving.
            let bad = try await suite.request(suite.learningPort, "{ tutors { id ")
            #expect(bad["errors"] != nil)
            #expect(try await suite.graphql(suite.learningPort, "{ tutors { id } }")["tutors"] == .array([]))
        }
    }

    @Test func learningRoleCannotReadTheIdentityDatabase() async throws {
        try await SuiteFixture.with { suite in
            var trespass = suite.cluster.configuration(forService: "learning")
            trespass.database = "identity"
            let pool = PostgresPool(configuration: trespass, logger: SuiteFixture.logger)
            await #expect(throws: PostgresError.self) { try await pool.query("SELECT email FROM users") }
            await pool.shutdown()
            // And its own database works with the same credentials.
            let own = PostgresPool(configuration: suite.cluster.configuration(forService: "learning"), logger: SuiteFixture.logger)
            let rows = try await own.query("SELECT count(*) FROM user_refs")
            #expect(rows.count == 1)
            await own.shutdown()
        }
    }

    @Test func servedSDLIsTheCheckedInSchemaFile() async throws {
        try await SuiteFixture.with { suite in
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            for (port, service) in [(suite.identityPort, "IdentityService"), (suite.learningPort, "LearningService")] {
                let file = try String(contentsOf: root.appendingPathComponent("Sources/\(service)/Schema.graphql"), encoding: .utf8)
                let served = try await suite.graphql(port, "{ _service { sdl } }")["_service"]?["sdl"]?.stringValue
                #expect(served == file, "\(service)")
            }
        }
    }
}

/// Expects a GraphQL failure whose errors carry exactly these `extensions.code`s.
func expectCodes(_ codes: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected \(codes), got success", sourceLocation: sourceLocation)
    } catch let failure as SuiteFixture.GraphQLFailure {
        #expect(failure.codes == codes, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(codes), got \(error)", sourceLocation: sourceLocation)
    }
}
