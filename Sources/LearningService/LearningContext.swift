import GraphQLHTTP
import ServiceRuntime

/// Per-request context: the caller, verified against Identity's JWKS (signature, issuer, expiry).
struct LearningContext: Sendable {
    let principal: Principal?

    static func make(_ request: GraphQLHTTPRequest, verifier: TokenVerifier) async throws -> LearningContext {
        LearningContext(principal: try await verifier.principal(authorization: request.headers.first(name: "authorization")))
    }
}
