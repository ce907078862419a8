import HTTPKit

/// The gateway's routes on one router: `/graphql` (GET, POST), `/health/live`, `/health/ready`,
/// and `/metrics` when a metrics responder is given.
public enum GatewayRouter {
    public static func make(runtime: GatewayRuntime, readiness: HTTPReadiness, metrics: (any HTTPResponder)? = nil) -> HTTPRouter {
        var router = HTTPRouter()
        router.add("/graphql", methods: [.GET, .POST], responder: GatewayHTTPResponder(runtime: runtime))
        GatewayHealth.install(into: &router, runtime: runtime, readiness: readiness)
        if let metrics { router.add("/metrics", methods: [.GET], responder: metrics) }
        return router
    }
}
