/// The subgraph SDL — the contract; `Schema.graphql` beside this file is the same text (the
/// end-to-end tests compare it with what `_service { sdl }` serves).
extension LearningSchema {
    static let sdl = #"""
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

"A user (owned by Identity), extended with what Learning knows about them."
type User @key(fields: "id") {
  id: ID!
  tutorProfile: Tutor
  studentProfile: Student
  "Lessons as tutor or student. Only the user themself or an admin (FORBIDDEN for others)."
  lessons: [Lesson!]!
}

type Tutor @key(fields: "id") {
  id: ID!
  userId: ID!
  "From Learning's user_refs (kept current by identity events)."
  displayName: String
  "Decimal text, e.g. \"45.00\"."
  hourlyRate: String!
  subjects: [String!]!
  languages: [String!]!
  isVerified: Boolean!
  courses: [Course!]!
  availability: [AvailabilitySlot!]!
}

type Student @key(fields: "id") {
  id: ID!
  userId: ID!
  learningGoals: String
  preferredLanguages: [String!]!
}

type Course @key(fields: "id") {
  id: ID!
  tutor: Tutor!
  title: String!
  description: String
  "Decimal text."
  price: String!
  durationMinutes: Int!
}

enum LessonStatus { BOOKED COMPLETED CANCELLED }

type Lesson @key(fields: "id") {
  id: ID!
  course: Course!
  tutor: Tutor!
  student: Student!
  scheduledAt: String!
  status: LessonStatus!
  meetingUrl: String
}

type AvailabilitySlot {
  id: ID!
  dayOfWeek: Int!
  startTime: String!
  endTime: String!
}

type MatchingRequest {
  id: ID!
  subject: String!
  budget: String
  requirements: String
  createdAt: String!
  "Verified tutors first, then by rate."
  matches: [Tutor!]!
}

input BecomeTutorInput {
  hourlyRate: String!
  subjects: [String!]!
  languages: [String!]!
}

input BecomeStudentInput {
  learningGoals: String
  preferredLanguages: [String!]! = []
}

input AvailabilityInput {
  dayOfWeek: Int!
  startTime: String!
  endTime: String!
}

input CreateCourseInput {
  title: String!
  description: String
  price: String!
  durationMinutes: Int!
}

input MatchRequestInput {
  subject: String!
  budget: String
  requirements: String
}

type Query {
  tutors(subject: String, first: Int = 20): [Tutor!]!
  tutor(id: ID!): Tutor
  course(id: ID!): Course
  courses(tutorId: ID, first: Int = 20): [Course!]!
  "Participants and admins only."
  lesson(id: ID!): Lesson
}

type Mutation {
  "Needs an active user known to Learning (UNKNOWN_USER otherwise)."
  becomeTutor(input: BecomeTutorInput!): Tutor!
  becomeStudent(input: BecomeStudentInput!): Student!
  "Replaces the caller's weekly availability."
  setAvailability(slots: [AvailabilityInput!]!): [AvailabilitySlot!]!
  createCourse(input: CreateCourseInput!): Course!
  bookLesson(courseId: ID!, scheduledAt: String!): Lesson!
  "The lesson's tutor or an admin."
  completeLesson(lessonId: ID!): Lesson!
  "A participant or an admin."
  cancelLesson(lessonId: ID!): Lesson!
  requestMatch(input: MatchRequestInput!): MatchingRequest!
  "Admins only."
  verifyTutor(tutorId: ID!): Tutor!
}

"""#
}
