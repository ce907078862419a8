import CSodium
import Foundation

/// An Ed25519 key pair (libsodium `crypto_sign`): signs service tokens (JWT `alg: EdDSA`).
///
/// ```swift
/// let key = Ed25519SigningKey.generate()
/// let signature = key.sign(Array("message".utf8))
/// Ed25519PublicKey(bytes: key.publicKey)!.verify(signature, for: Array("message".utf8))   // true
/// ```
public struct Ed25519SigningKey: Sendable {
    /// 32 bytes.
    public let seed: [UInt8]
    /// 32 bytes.
    public let publicKey: [UInt8]
    private let secretKey: [UInt8]

    /// The key pair derived from a 32-byte seed; nil for a seed of another size.
    public init?(seed: [UInt8]) {
        Sodium.ensureReady()
        guard seed.count == Int(crypto_sign_SEEDBYTES) else { return nil }
        var publicKey = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
        var secretKey = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
        guard crypto_sign_seed_keypair(&publicKey, &secretKey, seed) == 0 else { return nil }
        self.seed = seed
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A fresh key pair from libsodium's random generator.
    public static func generate() -> Ed25519SigningKey {
        Sodium.ensureReady()
        var seed = [UInt8](repeating: 0, count: Int(crypto_sign_SEEDBYTES))
        randombytes_buf(&seed, seed.count)
        return Ed25519SigningKey(seed: seed)!
    }

    /// The 64-byte detached signature of `message`.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        var length: UInt64 = 0
        _ = crypto_sign_detached(&signature, &length, message, UInt64(message.count), secretKey)
        return signature
    }
}

/// An Ed25519 public key that verifies token signatures.
public struct Ed25519PublicKey: Sendable, Hashable {
    public let bytes: [UInt8]

    /// Nil unless exactly 32 bytes.
    public init?(bytes: [UInt8]) {
        Sodium.ensureReady()
        guard bytes.count == Int(crypto_sign_PUBLICKEYBYTES) else { return nil }
        self.bytes = bytes
    }

    /// Whether `signature` is this key's signature of `message`.
    public func verify(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == Int(crypto_sign_BYTES) else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), bytes) == 0
    }
}
