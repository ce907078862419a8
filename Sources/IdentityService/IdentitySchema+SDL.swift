/// The subgraph SDL — the contract; `Schema.graphql` beside this file is the same text (the
/// end-to-end tests compare it with what `_service { sdl }` serves).
extension IdentitySchema {
    static let sdl = #"""
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

"The platform's users: accounts, roles, sign-in. Owned by Identity."
type User @key(fields: "id") {
  id: ID!
  "Visible to the user and to admins only (FORBIDDEN for others)."
  email: String!
  firstName: String!
  lastName: String!
  role: Role!
  status: UserStatus!
  profile: UserProfile
  createdAt: String!
}

type UserProfile {
  bio: String
  "JSON text."
  preferences: String!
  "JSON text."
  settings: String!
}

enum Role { STUDENT TUTOR ADMIN }
enum UserStatus { ACTIVE SUSPENDED DELETED }

type UserConnection {
  nodes: [User!]!
  endCursor: String
  hasNextPage: Boolean!
}

type AuthPayload {
  token: String!
  expiresAt: String!
  user: User!
}

input RegisterInput {
  email: String!
  password: String!
  firstName: String!
  lastName: String!
  "STUDENT or TUTOR; ADMIN is refused."
  role: Role = STUDENT
}

input UpdateProfileInput {
  firstName: String
  lastName: String
  bio: String
  "JSON text."
  preferences: String
}

type Query {
  "The caller (null without a token)."
  me: User
  user(id: ID!): User
  "Admins only."
  users(first: Int = 20, after: String): UserConnection!
}

type Mutation {
  register(input: RegisterInput!): AuthPayload!
  login(email: String!, password: String!): AuthPayload!
  "Revokes the caller's session."
  logout: Boolean!
  updateProfile(input: UpdateProfileInput!): User!
  "Admins only."
  changeRole(userId: ID!, role: Role!): User!
  "The user themself or an admin; the user is marked DELETED and identity.user.deleted is published."
  deactivateUser(userId: ID!): User!
}

"""#
}
