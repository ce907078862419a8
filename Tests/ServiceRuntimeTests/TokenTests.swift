import Foundation
import Testing
@testable import ServiceRuntime

@Suite struct TokenTests {
    let key = Ed25519SigningKey.generate()
    var keySet: JSONWebKeySet { JSONWebKeySet(keys: [.init(kid: "k1", publicKey: Ed25519PublicKey(bytes: key.publicKey)!)]) }

    func claims(exp: Int64 = Int64(Date().timeIntervalSince1970) + 60, iss: String = "identity") -> TokenClaims {
        TokenClaims(iss: iss, sub: UUID().uuidString.lowercased(), role: "STUDENT", sid: UUID().uuidString, iat: 0, exp: exp)
    }

    @Test func signedTokenVerifiesWithTheKeySet() throws {
        let original = claims()
        let token = JSONWebToken.sign(original, key: key, keyID: "k1")
        #expect(try JSONWebToken.verify(token, keys: keySet, issuer: "identity") == original)
    }

    @Test func keySetSurvivesJSON() throws {
        let decoded = try JSONDecoder().decode(JSONWebKeySet.self, from: keySet.encoded())
        #expect(decoded == keySet)
        #expect(decoded.key(id: "k1")?.bytes == key.publicKey)
    }

    @Test func tamperedExpiredForeignAndMalformedTokensAreRefused() throws {
        let token = JSONWebToken.sign(claims(), key: key, keyID: "k1")
        let parts = token.split(separator: ".").map(String.init)
        var forged = claims()
        forged.role = "ADMIN"
        let forgedPayload = Base64URL.encode(try JSONEncoder().encode(forged))
        let cases: [(String, String)] = [
            (parts[0] + "." + forgedPayload + "." + parts[2], "invalid token signature"),
            (JSONWebToken.sign(claims(exp: 10), key: key, keyID: "k1"), "token expired"),
            (JSONWebToken.sign(claims(iss: "elsewhere"), key: key, keyID: "k1"), "token from another issuer"),
            (JSONWebToken.sign(claims(), key: Ed25519SigningKey.generate(), keyID: "k1"), "invalid token signature"),
            (JSONWebToken.sign(claims(), key: key, keyID: "k2"), "token signed by an unknown key"),
            ("not-a-token", "malformed token"),
            ("a.b.c", "malformed token"),
        ]
        for (token, message) in cases {
            #expect(throws: AuthError.unauthenticated(message)) { try JSONWebToken.verify(token, keys: keySet, issuer: "identity") }
        }
    }

    @Test func verifierReadsBearerHeaders() async throws {
        let verifier = TokenVerifier(keys: keySet, issuer: "identity")
        let original = claims()
        let principal = try await verifier.principal(authorization: "Bearer " + JSONWebToken.sign(original, key: key, keyID: "k1"))
        #expect(principal?.userID.uuidString.lowercased() == original.sub)
        #expect(try await verifier.principal(authorization: nil) == nil)
        await #expect(throws: AuthError.self) { try await verifier.principal(authorization: "Basic abc") }
    }
}

@Suite struct PasswordHasherTests {
    @Test func argon2idHashesVerifyOnlyTheirPassword() async throws {
        let hasher = PasswordHasher.minimum
        let stored = try await hasher.hash("correct horse battery")
        #expect(stored.hasPrefix("$argon2id$"))
        #expect(await hasher.verify("correct horse battery", against: stored))
        #expect(!(await hasher.verify("correct horse batterY", against: stored)))
        #expect(!(await hasher.verify("x", against: "garbage")))
        // Two hashes of one password differ (random salt).
        #expect(try await hasher.hash("correct horse battery") != stored)
    }
}
