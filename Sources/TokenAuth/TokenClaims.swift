import Foundation

/// The claims of a service token (a JWT signed by Identity with EdDSA).
public struct TokenClaims: Codable, Sendable, Hashable {
    /// Issuer (`identity`).
    public var iss: String
    /// The user id.
    public var sub: String
    /// `STUDENT`, `TUTOR` or `ADMIN` at issue time.
    public var role: String
    /// The session id (Identity revokes it on logout).
    public var sid: String
    /// Issued at, seconds since 1970.
    public var iat: Int64
    /// Expires at, seconds since 1970.
    public var exp: Int64

    public init(iss: String, sub: String, role: String, sid: String, iat: Int64, exp: Int64) {
        self.iss = iss
        self.sub = sub
        self.role = role
        self.sid = sid
        self.iat = iat
        self.exp = exp
    }
}
