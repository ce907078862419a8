import TokenAuth

extension TokenVerifier {
    /// The caller of a request: nil without an `Authorization` header; `UNAUTHENTICATED` for a
    /// header that is not `Bearer <valid token>`.
    public func principal(authorization: String?) async throws(AuthError) -> Principal? {
        guard let claims = try await claims(authorization: authorization) else { return nil }
        return try Principal(claims: claims)
    }
}
