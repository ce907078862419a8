import CoreMetrics
import NIOHTTP1

/// One upstream's client metrics under OpenTelemetry names: `http.client.request.duration`
/// (by `http.request.method`, `http.response.status_code` or `error.type`, `server.address`,
/// `server.port`, `network.protocol.version`) and `http.client.active_requests`.
/// Used only on the pool's event loop, so the timer cache needs no lock.
final class HTTPClientMetrics {
    private let factory: any MetricsFactory
    private let upstream: HTTPUpstream
    private var timers: [Int: Timer] = [:]
    let activeRequests: Meter

    init(factory: any MetricsFactory, upstream: HTTPUpstream) {
        self.factory = factory
        self.upstream = upstream
        self.activeRequests = Meter(
            label: "http.client.active_requests",
            dimensions: [("server.address", upstream.host), ("server.port", String(upstream.port))],
            factory: factory
        )
    }

    func record(method: HTTPMethod, result: Result<HTTPResponseStatus, HTTPClientError>, nanoseconds: Int64) {
        let outcomeKey: UInt
        switch result {
        case .success(let status):
            outcomeKey = status.code
        case .failure(let error):
            outcomeKey = 900 + UInt(HTTPClientError.Code.allCases.firstIndex(of: error.code) ?? 0)
        }
        let wireProtocol: HTTPWireProtocol = self.upstream.protocol == .http2 ? .http2 : .http1_1
        let key = MetricKey.make(method: method, status: outcomeKey, wireProtocol: wireProtocol)
        let timer: Timer
        if let cached = self.timers[key] {
            timer = cached
        } else {
            // The dimension strings are made once per timer, not per request.
            let outcome: (String, String)
            switch result {
            case .success(let status): outcome = ("http.response.status_code", String(status.code))
            case .failure(let error): outcome = ("error.type", error.code.rawValue)
            }
            timer = Timer(
                label: "http.client.request.duration",
                dimensions: [
                    ("http.request.method", MetricKey.methodLabel(method)),
                    outcome,
                    ("server.address", self.upstream.host),
                    ("server.port", String(self.upstream.port)),
                    ("network.protocol.version", wireProtocol.rawValue),
                ],
                factory: self.factory
            )
            self.timers[key] = timer
        }
        timer.recordNanoseconds(nanoseconds)
    }
}
