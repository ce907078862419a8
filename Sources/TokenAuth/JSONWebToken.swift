import Foundation

/// Compact JWS tokens with `alg: EdDSA` (Ed25519, RFC 8037): `base64url(header).base64url(claims).base64url(signature)`.
///
/// ```swift
/// let token = JSONWebToken.sign(claims, key: signingKey, keyID: "k1")
/// let verified = try JSONWebToken.verify(token, keys: keySet, issuer: "identity")
/// ```
public enum JSONWebToken {
    struct Header: Codable {
        var alg: String
        var typ: String?
        var kid: String?
    }

    /// Signs `claims` with `key`; the header names the key by `keyID`.
    public static func sign(_ claims: TokenClaims, key: Ed25519SigningKey, keyID: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let header = try! encoder.encode(Header(alg: "EdDSA", typ: "JWT", kid: keyID))
        let payload = try! encoder.encode(claims)
        let signingInput = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        return signingInput + "." + Base64URL.encode(key.sign(Array(signingInput.utf8)))
    }

    /// The claims of a well-formed token signed by one of `keys` (chosen by `kid`), from `issuer`,
    /// not expired at `now`. Throws ``AuthError`` (`UNAUTHENTICATED`) otherwise.
    public static func verify(_ token: String, keys: JSONWebKeySet, issuer: String, now: Date = Date()) throws(AuthError) -> TokenClaims {
        let kid = try keyID(of: token)
        guard let key = keys.key(id: kid) else { throw AuthError.unauthenticated("token signed by an unknown key") }
        return try verify(token, key: key, issuer: issuer, now: now)
    }

    /// The `kid` in the token's header (so a caller can fetch keys it does not know yet).
    public static func keyID(of token: String) throws(AuthError) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes))
        else { throw AuthError.unauthenticated("malformed token") }
        guard header.alg == "EdDSA" else { throw AuthError.unauthenticated("unsupported token algorithm") }
        return header.kid ?? ""
    }

    static func verify(_ token: String, key: Ed25519PublicKey, issuer: String, now: Date) throws(AuthError) -> TokenClaims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payloadBytes = Base64URL.decode(parts[1]), let signature = Base64URL.decode(parts[2])
        else { throw AuthError.unauthenticated("malformed token") }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard key.verify(signature, for: signingInput) else { throw AuthError.unauthenticated("invalid token signature") }
        guard let claims = try? JSONDecoder().decode(TokenClaims.self, from: Data(payloadBytes)) else {
            throw AuthError.unauthenticated("malformed token claims")
        }
        guard claims.iss == issuer else { throw AuthError.unauthenticated("token from another issuer") }
        guard Double(claims.exp) > now.timeIntervalSince1970 else { throw AuthError.unauthenticated("token expired") }
        return claims
    }
}
