import CSodium

/// libsodium's one-time initialisation (thread-safe and idempotent in libsodium itself).
enum Sodium {
    static let ready: Bool = sodium_init() >= 0

    static func ensureReady() {
        precondition(ready, "libsodium failed to initialise")
    }
}
