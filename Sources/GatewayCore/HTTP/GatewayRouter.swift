import GraphQLHTTP
import HTTPKit

/// The gateway's routes on one router: `/graphql` (GraphQL over HTTP: GET, POST, Accept negotiation), `/health/live`, `/health/ready`,
/// and `/metrics` when a metrics responder is given; with a `tokenCheck`, bearer tokens are verified before planning.
public enum GatewayRouter {
    public static func make(runtime: GatewayRuntime, readiness: HTTPReadiness, metrics: (any HTTPResponder)? = nil,
                            tokenCheck: GatewayTokenCheck? = nil) -> HTTPRouter {
        var router = HTTPRouter()
        router.addGraphQL(path: "/graphql", executor: GatewayHTTPExecutor(runtime: runtime, tokenCheck: tokenCheck))
        GatewayHealth.install(into: &router, runtime: runtime, readiness: readiness)
        if let metrics { router.add("/metrics", methods: [.GET], responder: metrics) }
        return router
    }
}
