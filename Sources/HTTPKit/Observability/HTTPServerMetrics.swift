import CoreMetrics
import NIOConcurrencyHelpers
import NIOHTTP1

/// The server's metrics under OpenTelemetry's HTTP semantic-convention names:
/// `http.server.request.duration` (a timer, seconds in Prometheus, by `http.request.method`,
/// `http.response.status_code` and `network.protocol.version`) and
/// `http.server.active_requests` (requests received and not yet answered).
/// Timers are created once per label combination and cached.
final class HTTPServerMetrics: Sendable {
    private let factory: any MetricsFactory
    private let durations = NIOLockedValueBox<[Int: Timer]>([:])
    let activeRequests: Meter

    init(factory: any MetricsFactory) {
        self.factory = factory
        self.activeRequests = Meter(label: "http.server.active_requests", dimensions: [], factory: factory)
    }

    func recordDuration(method: HTTPMethod, status: HTTPResponseStatus, wireProtocol: HTTPWireProtocol, nanoseconds: Int64) {
        self.durationTimer(method: method, status: status, wireProtocol: wireProtocol).recordNanoseconds(nanoseconds)
    }

    /// The timer for these labels, created on first use and shared by all connections.
    func durationTimer(method: HTTPMethod, status: HTTPResponseStatus, wireProtocol: HTTPWireProtocol) -> Timer {
        let key = MetricKey.make(method: method, status: status.code, wireProtocol: wireProtocol)
        return self.durations.withLockedValue { timers in
            if let timer = timers[key] { return timer }
            let timer = Timer(
                label: "http.server.request.duration",
                dimensions: [
                    ("http.request.method", MetricKey.methodLabel(method)),
                    ("http.response.status_code", String(status.code)),
                    ("network.protocol.version", wireProtocol.rawValue),
                ],
                factory: self.factory
            )
            timers[key] = timer
            return timer
        }
    }
}

/// A connection's own view of ``HTTPServerMetrics``: remembers the timers it used, so the
/// per-request path takes no lock beyond the metric's own.
struct ConnectionMetrics {
    let shared: HTTPServerMetrics
    private var timers: [Int: Timer] = [:]

    init(_ shared: HTTPServerMetrics) {
        self.shared = shared
    }

    mutating func recordDuration(method: HTTPMethod, status: HTTPResponseStatus, wireProtocol: HTTPWireProtocol, nanoseconds: Int64) {
        let key = MetricKey.make(method: method, status: status.code, wireProtocol: wireProtocol)
        if let timer = self.timers[key] {
            timer.recordNanoseconds(nanoseconds)
            return
        }
        let timer = self.shared.durationTimer(method: method, status: status, wireProtocol: wireProtocol)
        self.timers[key] = timer
        timer.recordNanoseconds(nanoseconds)
    }
}

/// Folds a metric's labels into one integer so the per-request cache lookup hashes no strings.
enum MetricKey {
    private static let knownMethods: [HTTPMethod] = [.GET, .POST, .PUT, .DELETE, .PATCH, .HEAD, .OPTIONS, .CONNECT, .TRACE]

    static func methodIndex(_ method: HTTPMethod) -> Int {
        for (index, known) in knownMethods.enumerated() where known == method { return index }
        return knownMethods.count  // "_OTHER", as OpenTelemetry labels unknown methods
    }

    static func methodLabel(_ method: HTTPMethod) -> String {
        methodIndex(method) < knownMethods.count ? method.rawValue : "_OTHER"
    }

    static func make(method: HTTPMethod, status: UInt, wireProtocol: HTTPWireProtocol) -> Int {
        (methodIndex(method) * 1000 + Int(min(status, 999))) * 2 + (wireProtocol == .http2 ? 1 : 0)
    }
}
