import NIOCore
import Prometheus

/// Serves a Prometheus registry in the text exposition format (`GET /metrics`).
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
/// router.add("/metrics", methods: [.GET], responder: PrometheusMetricsResponder(registry: registry))
/// ```
public struct PrometheusMetricsResponder: HTTPResponder {
    private let registry: PrometheusCollectorRegistry

    /// Serves `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    public func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 * 1024)
        self.registry.emit(into: &bytes)
        var body = context.allocator.buffer(capacity: bytes.count)
        body.writeBytes(bytes)
        return .response(HTTPResponse(status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8", body: body))
    }
}
