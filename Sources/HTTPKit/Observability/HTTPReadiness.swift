import NIOConcurrencyHelpers

/// Whether the process should receive traffic: `false` once shutdown begins, and while any
/// registered check fails. ``HealthEndpoints`` answers `/health/ready` from it.
///
/// ```swift
/// let readiness = HTTPReadiness()
/// readiness.addCheck("database") { await pool.isHealthy() }
/// HealthEndpoints.install(into: &router, readiness: readiness)
/// ```
public final class HTTPReadiness: Sendable {
    /// A named readiness check.
    public typealias Check = @Sendable () async -> Bool

    private struct State {
        var checks: [(name: String, check: Check)] = []
        var isStopping = false
    }

    private let state = NIOLockedValueBox(State())

    /// Creates a readiness that is ready and has no checks.
    public init() {}

    /// Adds a check; `/health/ready` fails while it returns `false`.
    public func addCheck(_ name: String, _ check: @escaping Check) {
        self.state.withLockedValue { $0.checks.append((name, check)) }
    }

    /// Marks the process as shutting down (``HTTPServer`` does this when shutdown begins).
    public func markStopping() {
        self.state.withLockedValue { $0.isStopping = true }
    }

    /// `true` once shutdown began.
    public var isStopping: Bool { self.state.withLockedValue { $0.isStopping } }

    /// The checks, or `nil` if the process is stopping.
    var checksUnlessStopping: [(name: String, check: Check)]? {
        self.state.withLockedValue { $0.isStopping ? nil : $0.checks }
    }
}
