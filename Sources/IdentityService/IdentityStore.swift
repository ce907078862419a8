import EventKit
import Foundation
import GraphQLKit
import Postgres
import ServiceRuntime

/// Identity's SQL: every change to a user bumps its version and appends its event in the same transaction.
struct IdentityStore: Sendable {
    let pool: PostgresPool
    let hasher: PasswordHasher
    let issuer: TokenIssuer

    static let uniqueViolation = "23505"

    // MARK: Reads

    func user(id: UUID) async throws -> User? {
        try await pool.query("SELECT \(unescaped: User.columns) FROM users WHERE id = \(id)").first.map(User.init(row:))
    }

    func users(ids: [UUID]) async throws -> [UUID: User] {
        let rows = try await pool.query("SELECT \(unescaped: User.columns) FROM users WHERE id = ANY(\(ids))")
        var byID: [UUID: User] = [:]
        for row in rows {
            let user = try User(row: row)
            byID[user.id] = user
        }
        return byID
    }

    func profile(userID: UUID) async throws -> UserProfile? {
        try await pool.query("""
            SELECT bio, preferences::text AS preferences, settings::text AS settings FROM user_profiles WHERE user_id = \(userID)
            """).first.map { row in
            UserProfile(bio: try row.decode(String?.self, "bio"), preferences: try row.decode(String.self, "preferences"),
                        settings: try row.decode(String.self, "settings"))
        }
    }

    /// Users in creation order after the opaque cursor `after`.
    func page(first: Int, after: String?) async throws -> UserConnection {
        var afterID: UUID?
        if let after {
            guard let id = UUID(uuidString: after) else { throw ServiceError.badInput("after: not a cursor from this API") }
            afterID = id
        }
        let limit = min(max(first, 0), 200)
        let rows = try await pool.query("""
            SELECT \(unescaped: User.columns) FROM users
            WHERE \(afterID)::uuid IS NULL OR (created_at, id) > (SELECT created_at, id FROM users WHERE id = \(afterID))
            ORDER BY created_at, id LIMIT \(limit + 1)
            """)
        let users = try rows.map(User.init(row:))
        let nodes = Array(users.prefix(limit))
        return UserConnection(nodes: nodes, endCursor: nodes.last?.id.uuidString.lowercased(), hasNextPage: users.count > limit)
    }

    func isSessionActive(_ principal: Principal) async throws -> Bool {
        guard let sessionID = UUID(uuidString: principal.sessionID) else { return false }
        return try await pool.query("""
            SELECT 1 FROM user_sessions WHERE session_id = \(sessionID) AND user_id = \(principal.userID)
              AND revoked_at IS NULL AND expires_at > now()
            """).count == 1
    }

    // MARK: Writes

    struct Registration: Decodable {
        var email: String
        var password: String
        var firstName: String
        var lastName: String
        var role: String?
    }

    func register(_ input: Registration, allowAdmin: Bool = false) async throws -> AuthPayload {
        let email = input.email.trimmingCharacters(in: .whitespaces)
        guard email.count <= 254, email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@") else {
            throw ServiceError.badInput("email: not an e-mail address")
        }
        guard input.password.utf8.count >= 8, input.password.utf8.count <= 1024 else {
            throw ServiceError.badInput("password: 8 to 1024 bytes")
        }
        let firstName = input.firstName.trimmingCharacters(in: .whitespaces)
        let lastName = input.lastName.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(firstName.count), (1...100).contains(lastName.count) else {
            throw ServiceError.badInput("firstName and lastName: 1 to 100 characters")
        }
        let role = input.role ?? "STUDENT"
        guard role == "STUDENT" || role == "TUTOR" || (allowAdmin && role == "ADMIN") else {
            throw ServiceError.badInput("role: only STUDENT or TUTOR can be chosen at registration")
        }
        // Everything that is not SQL — the hash, the event, the signed token — is done before the
        // transaction, which is then sent as one pipeline (see `Outbox.commit`): it holds its
        // transaction id for one round trip inside the server, not for five from here.
        let passwordHash = try await hasher.hash(input.password)
        let id = UUID()
        let sessionID = UUID()
        let created = try UserEvents.event(UserEvents.created, UserEventPayload(
            id: id, email: email, firstName: firstName, lastName: lastName, role: role, status: User.initialStatus, version: 1))
        let (token, expiresAt) = issuer.issue(forUserID: id, role: role, sessionID: sessionID)
        let results: [PostgresRows]
        do {
            results = try await UserEvents.outbox.commit([
                """
                INSERT INTO users (id, email, first_name, last_name, role, status, version, password_hash)
                VALUES (\(id), \(email), \(firstName), \(lastName), \(role), \(User.initialStatus), 1, \(passwordHash))
                RETURNING \(unescaped: User.columns)
                """,
                "INSERT INTO user_profiles (user_id) VALUES (\(id))",
                Self.sessionInsert(sessionID, userID: id, expiresAt: expiresAt),
            ], events: [created], on: pool)
        } catch let error as PostgresError where error.sqlState == Self.uniqueViolation {
            throw ServiceError.conflict("email: already registered")
        }
        var user = try User(row: results[0][0])
        user.disclosedToCaller = true
        return AuthPayload(token: token, expiresAt: expiresAt, user: user)
    }

    func login(email: String, password: String) async throws -> AuthPayload {
        let row = try await pool.query("""
            SELECT \(unescaped: User.columns), password_hash FROM users WHERE lower(email) = lower(\(email))
            """).first
        // Verify against a real hash even for unknown e-mails, so timing does not tell which exist.
        let stored = try row?.decode(String.self, "password_hash") ?? Self.decoyHash
        let matches = await hasher.verify(password, against: stored)
        guard let row, matches else { throw AuthError.unauthenticated("wrong e-mail or password").graphQLError }
        let user = try User(row: row)
        guard user.isActive else { throw AuthError.forbidden("the account is \(user.status.lowercased())").graphQLError }
        return try await openSession(for: user)
    }

    private static let decoyHash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3Y8Vq3hS3mVv4Yq0n8Sg2kV0mYxGQ1c7d2Hq3kzq0bI"

    /// Stores a new session of `user` (one statement, so no transaction around it) and signs its token.
    private func openSession(for user: User) async throws -> AuthPayload {
        let sessionID = UUID()
        let (token, expiresAt) = issuer.issue(for: user, sessionID: sessionID)
        try await pool.query(Self.sessionInsert(sessionID, userID: user.id, expiresAt: expiresAt))
        var user = user
        user.disclosedToCaller = true
        return AuthPayload(token: token, expiresAt: expiresAt, user: user)
    }

    /// The row of session `sessionID` of `userID`, valid until `expiresAt`.
    private static func sessionInsert(_ sessionID: UUID, userID: UUID, expiresAt: Date) -> PostgresQuery {
        "INSERT INTO user_sessions (session_id, user_id, expires_at) VALUES (\(sessionID), \(userID), \(expiresAt))"
    }

    func logout(_ principal: Principal) async throws -> Bool {
        guard let sessionID = UUID(uuidString: principal.sessionID) else { return false }
        return try await pool.query("""
            UPDATE user_sessions SET revoked_at = now() WHERE session_id = \(sessionID) AND revoked_at IS NULL
            """).affectedRows == 1
    }

    struct ProfileChange: Decodable {
        var firstName: String?
        var lastName: String?
        var bio: String?
        var preferences: String?
    }

    func updateProfile(userID: UUID, _ change: ProfileChange) async throws -> User {
        if let first = change.firstName, !(1...100).contains(first.count) { throw ServiceError.badInput("firstName: 1 to 100 characters") }
        if let last = change.lastName, !(1...100).contains(last.count) { throw ServiceError.badInput("lastName: 1 to 100 characters") }
        if let bio = change.bio, bio.count > 4000 { throw ServiceError.badInput("bio: at most 4000 characters") }
        if let preferences = change.preferences {
            guard case .object? = try? GraphQLKit.JSONValue.parse(preferences) else { throw ServiceError.badInput("preferences: a JSON object") }
        }
        return try await pool.transaction { tx in
            let nameChanged = change.firstName != nil || change.lastName != nil
            let rows = try await tx.query("""
                UPDATE users SET first_name = coalesce(\(change.firstName), first_name), last_name = coalesce(\(change.lastName), last_name),
                       version = version + CASE WHEN \(nameChanged) THEN 1 ELSE 0 END, updated_at = now()
                WHERE id = \(userID) AND status <> 'DELETED'
                RETURNING \(unescaped: User.columns)
                """)
            guard let row = rows.first else { throw ServiceError.notFound("no user \(userID)") }
            let user = try User(row: row)
            try await tx.query("""
                UPDATE user_profiles SET bio = coalesce(\(change.bio), bio),
                       preferences = coalesce(\(change.preferences)::jsonb, preferences), updated_at = now()
                WHERE user_id = \(userID)
                """)
            if nameChanged { try await UserEvents.append(UserEvents.updated, user, on: tx) }
            return user
        }
    }

    func changeRole(userID: UUID, role: String) async throws -> User {
        try await pool.transaction { tx in
            let rows = try await tx.query("""
                UPDATE users SET role = \(role), version = version + 1, updated_at = now()
                WHERE id = \(userID) AND status <> 'DELETED' AND role <> \(role)
                RETURNING \(unescaped: User.columns)
                """)
            guard let row = rows.first else {
                let current = try await tx.query("SELECT \(unescaped: User.columns) FROM users WHERE id = \(userID) AND status <> 'DELETED'")
                guard let existing = current.first else { throw ServiceError.notFound("no user \(userID)") }
                return try User(row: existing)
            }
            let user = try User(row: row)
            try await UserEvents.append(UserEvents.updated, user, on: tx)
            return user
        }
    }

    func deactivate(userID: UUID) async throws -> User {
        try await pool.transaction { tx in
            let rows = try await tx.query("""
                UPDATE users SET status = 'DELETED', version = version + 1, updated_at = now()
                WHERE id = \(userID) AND status <> 'DELETED'
                RETURNING \(unescaped: User.columns)
                """)
            guard let row = rows.first else { throw ServiceError.notFound("no active user \(userID)") }
            let user = try User(row: row)
            try await tx.query("UPDATE user_sessions SET revoked_at = now() WHERE user_id = \(userID) AND revoked_at IS NULL")
            try await UserEvents.append(UserEvents.deleted, user, on: tx)
            return user
        }
    }
}
