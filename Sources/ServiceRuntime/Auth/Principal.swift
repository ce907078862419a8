import Foundation
import GraphQLKit

/// Who is calling: the verified claims of the request's bearer token, or nobody.
///
/// ```swift
/// let caller = try context.principal.required()           // UNAUTHENTICATED without a token
/// try caller.require(role: "ADMIN")                        // FORBIDDEN for others
/// ```
public struct Principal: Sendable, Hashable {
    public var userID: UUID
    public var role: String
    public var sessionID: String
    public var claims: TokenClaims

    public init(claims: TokenClaims) throws(AuthError) {
        guard let id = UUID(uuidString: claims.sub) else { throw AuthError.unauthenticated("malformed token subject") }
        self.userID = id
        self.role = claims.role
        self.sessionID = claims.sid
        self.claims = claims
    }

    public var isAdmin: Bool { role == "ADMIN" }

    /// Throws `FORBIDDEN` unless the caller has `role` (admins pass every role check).
    public func require(role: String) throws(GraphQLError) {
        if self.role != role && !isAdmin { throw AuthError.forbidden("requires role \(role)").graphQLError }
    }

    /// Throws `FORBIDDEN` unless the caller is `userID` or an admin.
    public func requireSelfOrAdmin(_ userID: UUID) throws(GraphQLError) {
        if self.userID != userID && !isAdmin { throw AuthError.forbidden("only the user themself or an admin may see this").graphQLError }
    }
}

extension Optional where Wrapped == Principal {
    /// The caller, or `UNAUTHENTICATED`.
    public func required() throws(GraphQLError) -> Principal {
        guard let principal = self else { throw AuthError.unauthenticated().graphQLError }
        return principal
    }
}
