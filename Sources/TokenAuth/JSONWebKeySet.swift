import Foundation

/// The public keys that verify tokens, in JWKS form (RFC 7517; OKP keys, RFC 8037), as served at
/// `/.well-known/jwks.json`.
///
/// ```json
/// {"keys":[{"kty":"OKP","crv":"Ed25519","alg":"EdDSA","use":"sig","kid":"…","x":"<base64url>"}]}
/// ```
public struct JSONWebKeySet: Sendable, Codable, Hashable {
    /// One key.
    public struct Key: Sendable, Codable, Hashable {
        public var kty: String
        public var crv: String
        public var alg: String?
        public var use: String?
        public var kid: String
        public var x: String

        public init(kid: String, publicKey: Ed25519PublicKey) {
            self.kty = "OKP"
            self.crv = "Ed25519"
            self.alg = "EdDSA"
            self.use = "sig"
            self.kid = kid
            self.x = Base64URL.encode(publicKey.bytes)
        }
    }

    public var keys: [Key]

    public init(keys: [Key]) {
        self.keys = keys
    }

    /// The Ed25519 key with this id, if listed and well-formed.
    public func key(id: String) -> Ed25519PublicKey? {
        guard let key = keys.first(where: { $0.kid == id }), key.kty == "OKP", key.crv == "Ed25519",
            let bytes = Base64URL.decode(key.x)
        else { return nil }
        return Ed25519PublicKey(bytes: bytes)
    }

    /// The JSON document.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try! encoder.encode(self)
    }
}
