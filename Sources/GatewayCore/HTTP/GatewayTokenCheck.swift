import GraphQLKit
import HTTPKit
import Logging
import TokenAuth

/// The gateway's check of a request's bearer token, made before planning: a request without an
/// `Authorization` header passes (the subgraphs decide what it may see); a header that is not
/// `Bearer <token>` or a token with a bad signature, an unknown key, a wrong issuer or past its
/// expiry is refused with a GraphQL error carrying `extensions.code: "UNAUTHENTICATED"` and no
/// subgraph is called. A valid token is forwarded unchanged (the subgraphs verify it again).
///
/// ```swift
/// let check = GatewayTokenCheck(verifier: TokenVerifier(jwks: identity, issuer: "identity", httpClient: client))
/// GatewayRouter.make(runtime: runtime, readiness: readiness, tokenCheck: check)
/// ```
public struct GatewayTokenCheck: Sendable {
    public let verifier: TokenVerifier

    public init(verifier: TokenVerifier) {
        self.verifier = verifier
    }

    /// Verifies against the key set at `jwksURL` (`http://host:port/path`, fetched over HTTP/2 with
    /// `httpClient`, cached, refetched on an unknown `kid` at most once per `refreshInterval`);
    /// nil for a URL that is not `http://…`.
    public init?(jwksURL: String, issuer: String, httpClient: HTTPClient, refreshInterval: Duration = .seconds(5), logger: Logger) {
        guard let address = SubgraphAddress(url: jwksURL) else { return nil }
        self.verifier = TokenVerifier(jwks: HTTPUpstream(host: address.host, port: address.port), path: address.path, issuer: issuer,
                                      httpClient: httpClient, refreshInterval: refreshInterval, logger: logger)
    }

    /// Nil when the request may go on; otherwise the error to answer it with.
    public func rejection(authorization: String?) async -> GraphQLError? {
        do {
            _ = try await verifier.claims(authorization: authorization)
            return nil
        } catch {
            return GraphQLError(message: error.message, extensions: ["code": .string(error.code)])
        }
    }
}
