import CSodium
import Dispatch
import Foundation

/// Argon2id password hashing (libsodium `crypto_pwhash_str_alg`), run on a Dispatch queue so the
/// deliberately slow, memory-hard work never blocks an event loop or Swift's cooperative pool.
///
/// The stored string is libsodium's PHC format (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`): it
/// carries its own salt and cost, so the cost can be raised later without breaking old hashes.
///
/// ```swift
/// let hasher = PasswordHasher()                               // libsodium's "interactive" cost
/// let stored = try await hasher.hash("correct horse")
/// try await hasher.verify("correct horse", against: stored)   // true
/// ```
public struct PasswordHasher: Sendable {
    /// Argon2id passes (`PASSWORD_HASH_OPS`).
    public var operations: UInt64
    /// Argon2id memory in bytes (`PASSWORD_HASH_MEMORY_BYTES`).
    public var memoryBytes: Int

    /// libsodium's interactive limits (2 passes, 64 MiB).
    public static let interactive = PasswordHasher(operations: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE),
                                                   memoryBytes: Int(crypto_pwhash_MEMLIMIT_INTERACTIVE))
    /// libsodium's minimum (1 pass, 8 KiB) — for load tests and benchmarks only, never production.
    public static let minimum = PasswordHasher(operations: UInt64(crypto_pwhash_OPSLIMIT_MIN),
                                               memoryBytes: Int(crypto_pwhash_MEMLIMIT_MIN))

    public init(operations: UInt64 = UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE),
                memoryBytes: Int = Int(crypto_pwhash_MEMLIMIT_INTERACTIVE)) {
        Sodium.ensureReady()
        self.operations = max(operations, UInt64(crypto_pwhash_OPSLIMIT_MIN))
        self.memoryBytes = max(memoryBytes, Int(crypto_pwhash_MEMLIMIT_MIN))
    }

    /// The failure of libsodium to hash (out of memory).
    public struct HashingFailed: Error {}

    private static let queue = DispatchQueue(label: "password-hasher", attributes: .concurrent)

    /// The PHC string for `password`.
    public func hash(_ password: String) async throws -> String {
        let operations = self.operations, memory = self.memoryBytes
        return try await withCheckedThrowingContinuation { continuation in
            Self.queue.async {
                var output = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
                let length = UInt64(password.utf8.count)
                let status = password.withCString { chars in
                    crypto_pwhash_str_alg(&output, chars, length, operations, memory, crypto_pwhash_ALG_ARGON2ID13)
                }
                if status == 0 {
                    continuation.resume(returning: String(cString: output))
                } else {
                    continuation.resume(throwing: HashingFailed())
                }
            }
        }
    }

    /// Whether `password` matches `stored` (false for malformed stored strings).
    public func verify(_ password: String, against stored: String) async -> Bool {
        await withCheckedContinuation { continuation in
            Self.queue.async {
                let length = UInt64(password.utf8.count)
                let status = password.withCString { chars in crypto_pwhash_str_verify(stored, chars, length) }
                continuation.resume(returning: status == 0)
            }
        }
    }
}
