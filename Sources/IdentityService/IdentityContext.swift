import GraphQLKit
import GraphQLHTTP
import ServiceRuntime

/// Per-request context: the verified caller (signature, expiry AND a live session — Identity
/// can check revocation, other subgraphs only the signature).
struct IdentityContext: Sendable {
    let principal: Principal?

    static func make(_ request: GraphQLHTTPRequest, verifier: TokenVerifier, store: IdentityStore) async throws -> IdentityContext {
        let principal = try await verifier.principal(authorization: request.headers.first(name: "authorization"))
        if let principal, !(try await store.isSessionActive(principal)) {
            throw AuthError.unauthenticated("the session has ended")
        }
        return IdentityContext(principal: principal)
    }
}
