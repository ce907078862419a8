import GraphQLKit

/// An authentication or authorization failure, reported as a GraphQL error with
/// `extensions.code` (`UNAUTHENTICATED` or `FORBIDDEN`).
public struct AuthError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String

    public static func unauthenticated(_ message: String = "authentication required") -> AuthError {
        AuthError(code: "UNAUTHENTICATED", message: message)
    }

    public static func forbidden(_ message: String = "not allowed") -> AuthError {
        AuthError(code: "FORBIDDEN", message: message)
    }

    public var description: String { "\(code): \(message)" }

    /// The GraphQL error a resolver throws.
    public var graphQLError: GraphQLError { ServiceError(code: code, message: message).graphQLError }
}
