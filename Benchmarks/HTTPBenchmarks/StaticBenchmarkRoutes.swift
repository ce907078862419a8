import HTTPKit
import NIOCore

/// HTTPKit's side of the comparison: the same static bytes through the router and the
/// synchronous handler API, on every path the load tools use (`/graphql` too, so the static
/// server can be sent the very request the GraphQL endpoint gets).
enum StaticBenchmarkRoutes {
    static func router(body: [UInt8]) -> HTTPRouter {
        let response = HTTPResponse(status: .ok, contentType: "application/json", body: ByteBuffer(bytes: body))
        var router = HTTPRouter()
        for path in ["/", "/static", "/graphql"] {
            router.add(path, methods: [.GET, .POST], responder: ClosureResponder { _, _ in .response(response) })
        }
        return router
    }
}
