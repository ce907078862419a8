import CSodium

/// libsodium's one-time initialisation (thread-safe and idempotent in libsodium itself).
public enum Sodium {
    public static let ready: Bool = sodium_init() >= 0

    public static func ensureReady() {
        precondition(ready, "libsodium failed to initialise")
    }
}
