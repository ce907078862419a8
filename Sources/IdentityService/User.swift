import Foundation
import GraphQLKit
import Postgres

/// A user as Identity stores it.
struct User: GraphQLObject, Sendable {
    var id: UUID
    var email: String
    var firstName: String
    var lastName: String
    var role: String
    var status: String
    var createdAt: Date
    var version: Int64
    /// Set on the user of an `AuthPayload`: the caller who just signed in may read their own e-mail.
    var disclosedToCaller = false

    static let columns = "id, email, first_name, last_name, role, status, created_at, version"
    /// The status of a newly registered user.
    static let initialStatus = "ACTIVE"

    init(row: PostgresRow) throws {
        id = try row.decode(UUID.self, "id")
        email = try row.decode(String.self, "email")
        firstName = try row.decode(String.self, "first_name")
        lastName = try row.decode(String.self, "last_name")
        role = try row.decode(String.self, "role")
        status = try row.decode(String.self, "status")
        createdAt = try row.decode(Date.self, "created_at")
        version = try row.decode(Int64.self, "version")
    }

    var isActive: Bool { status == "ACTIVE" }
}

/// A user's profile row.
struct UserProfile: GraphQLObject, Sendable {
    var bio: String?
    var preferences: String
    var settings: String
}

/// What `register` and `login` return.
struct AuthPayload: GraphQLObject, Sendable {
    var token: String
    var expiresAt: Date
    var user: User
}

/// A page of users.
struct UserConnection: GraphQLObject, Sendable {
    var nodes: [User]
    var endCursor: String?
    var hasNextPage: Bool
}

/// The payload of `identity.user.*` events (DOMAIN.md) and of the `user` snapshot; `name` is
/// the display name consumers keep in their `user_refs`.
struct UserEventPayload: Codable, Sendable {
    var id: String
    var email: String
    var firstName: String
    var lastName: String
    var name: String
    var role: String
    var status: String
    var version: Int64

    init(_ user: User) {
        self.init(id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName,
                  role: user.role, status: user.status, version: user.version)
    }

    init(id: UUID, email: String, firstName: String, lastName: String, role: String, status: String, version: Int64) {
        self.id = id.uuidString.lowercased()
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.name = firstName + " " + lastName
        self.role = role
        self.status = status
        self.version = version
    }
}

extension Date {
    /// ISO 8601 with milliseconds, UTC.
    var iso8601: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: self)
    }
}
