import Foundation
import HTTPKit
import Logging
import NIOCore
import Synchronization

/// Verifies bearer tokens against Identity's key set: a fixed set (in Identity itself) or one
/// fetched from a JWKS URL and refreshed when a token names a key it does not know (at most once
/// per `refreshInterval`, so garbage tokens cannot make it hammer Identity; requests arriving
/// while a fetch is in progress wait for that fetch instead of failing).
///
/// ```swift
/// let verifier = TokenVerifier(jwks: HTTPUpstream(host: "127.0.0.1", port: 4001), path: "/.well-known/jwks.json",
///                              issuer: "identity", httpClient: client, logger: logger)
/// let claims = try await verifier.claims(authorization: request.headers.first(name: "authorization"))
/// ```
public final class TokenVerifier: Sendable {
    private enum Source: Sendable {
        case fixed
        case remote(HTTPUpstreamClient, path: String)
    }

    private struct State {
        var keys: JSONWebKeySet
        var lastFetch: ContinuousClock.Instant?
        /// The fetch in progress: concurrent requests with an unknown `kid` wait for the same one.
        var inFlight: Task<JSONWebKeySet?, Never>?
    }

    public let issuer: String
    private let source: Source
    private let state: Mutex<State>
    private let refreshInterval: Duration
    private let logger: Logger

    /// Verifies with a fixed key set.
    public init(keys: JSONWebKeySet, issuer: String, logger: Logger = Logger(label: "auth")) {
        self.issuer = issuer
        self.source = .fixed
        self.state = Mutex(State(keys: keys))
        self.refreshInterval = .seconds(5)
        self.logger = logger
    }

    /// Verifies with keys fetched from `upstream` at `path`.
    public init(jwks upstream: HTTPUpstream, path: String = "/.well-known/jwks.json", issuer: String,
                httpClient: HTTPClient, refreshInterval: Duration = .seconds(5), logger: Logger = Logger(label: "auth")) {
        self.issuer = issuer
        self.source = .remote(httpClient.upstream(upstream), path: path)
        self.state = Mutex(State(keys: JSONWebKeySet(keys: [])))
        self.refreshInterval = refreshInterval
        self.logger = logger
    }

    /// Replaces the key set (Identity after rotating keys).
    public func update(keys: JSONWebKeySet) {
        state.withLock { $0.keys = keys }
    }

    /// The verified claims of a request's `Authorization` header: nil without one;
    /// `UNAUTHENTICATED` for a header that is not `Bearer <valid token>`.
    public func claims(authorization: String?) async throws(AuthError) -> TokenClaims? {
        guard let authorization, !authorization.isEmpty else { return nil }
        return try await verify(try Self.bearerToken(in: authorization))
    }

    /// The token of a `Bearer <token>` header value.
    public static func bearerToken(in authorization: String) throws(AuthError) -> String {
        let prefix = "bearer "
        guard authorization.count > prefix.count, authorization.prefix(prefix.count).lowercased() == prefix else {
            throw AuthError.unauthenticated("Authorization must be 'Bearer <token>'")
        }
        return String(authorization.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }

    /// The verified claims of `token`.
    public func verify(_ token: String) async throws(AuthError) -> TokenClaims {
        let kid = try JSONWebToken.keyID(of: token)
        var keys = state.withLock { $0.keys }
        if keys.key(id: kid) == nil {
            keys = await refreshed() ?? keys
        }
        return try JSONWebToken.verify(token, keys: keys, issuer: issuer)
    }

    private func refreshed() async -> JSONWebKeySet? {
        guard case .remote(let client, let path) = source else { return nil }
        let fetch = state.withLock { state -> Task<JSONWebKeySet?, Never>? in
            if let running = state.inFlight { return running }
            if let last = state.lastFetch, last.duration(to: .now) < refreshInterval { return nil }
            state.lastFetch = .now
            let task = Task { await self.fetch(client: client, path: path) }
            state.inFlight = task
            return task
        }
        return await fetch?.value
    }

    private func fetch(client: HTTPUpstreamClient, path: String) async -> JSONWebKeySet? {
        var fetched: JSONWebKeySet?
        do {
            let response = try await client.send(HTTPClientRequest(method: .GET, path: path, timeout: .seconds(5)))
            if response.status == .ok {
                fetched = try JSONDecoder().decode(JSONWebKeySet.self, from: Data(response.body.readableBytesView))
            } else {
                logger.warning("cannot fetch the token key set", metadata: ["status": "\(response.status.code)"])
            }
        } catch {
            logger.warning("cannot fetch the token key set", metadata: ["error": "\(error)"])
        }
        state.withLock { state in
            if let fetched { state.keys = fetched }
            state.inFlight = nil
        }
        return fetched
    }
}
