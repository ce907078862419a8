import Foundation
import Postgres
import ServiceRuntime

/// Signs Identity's tokens with the newest signing key (kept in `signing_keys`, created on first
/// start) and publishes the public keys for `/.well-known/jwks.json`.
struct TokenIssuer: Sendable {
    let keyID: String
    let key: Ed25519SigningKey
    let keySet: JSONWebKeySet
    let issuer: String
    let lifetime: TimeInterval

    static func load(pool: PostgresPool, issuer: String, lifetime: TimeInterval) async throws -> TokenIssuer {
        var rows = try await pool.query("SELECT kid, seed FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC")
        if rows.isEmpty {
            let fresh = Ed25519SigningKey.generate()
            let kid = UUID().uuidString.lowercased()
            try await pool.query("INSERT INTO signing_keys (kid, seed) VALUES (\(kid), \(Data(fresh.seed))) ON CONFLICT DO NOTHING")
            rows = try await pool.query("SELECT kid, seed FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC")
        }
        var keys: [(String, Ed25519SigningKey)] = []
        for row in rows {
            let kid = try row.decode(String.self, "kid")
            let seed = try row.decode(Data.self, "seed")
            guard let key = Ed25519SigningKey(seed: Array(seed)) else { continue }
            keys.append((kid, key))
        }
        let keySet = JSONWebKeySet(keys: keys.map { JSONWebKeySet.Key(kid: $0.0, publicKey: Ed25519PublicKey(bytes: $0.1.publicKey)!) })
        return TokenIssuer(keyID: keys[0].0, key: keys[0].1, keySet: keySet, issuer: issuer, lifetime: lifetime)
    }

    /// A token for `user` in session `sessionID`, and when it expires.
    func issue(for user: User, sessionID: UUID, now: Date = Date()) -> (token: String, expiresAt: Date) {
        issue(forUserID: user.id, role: user.role, sessionID: sessionID, now: now)
    }

    /// A token for the user `userID` with `role` in session `sessionID`, and when it expires.
    func issue(forUserID userID: UUID, role: String, sessionID: UUID, now: Date = Date()) -> (token: String, expiresAt: Date) {
        let expiresAt = now.addingTimeInterval(lifetime)
        let claims = TokenClaims(iss: issuer, sub: userID.uuidString.lowercased(), role: role,
                                 sid: sessionID.uuidString.lowercased(),
                                 iat: Int64(now.timeIntervalSince1970), exp: Int64(expiresAt.timeIntervalSince1970))
        return (JSONWebToken.sign(claims, key: key, keyID: keyID), expiresAt)
    }
}
