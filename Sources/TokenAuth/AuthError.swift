/// An authentication or authorization failure, reported as a GraphQL error with
/// `extensions.code` (`UNAUTHENTICATED` or `FORBIDDEN`).
public struct AuthError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `UNAUTHENTICATED` or `FORBIDDEN`.
    public var code: String
    /// What went wrong, for the client.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public static func unauthenticated(_ message: String = "authentication required") -> AuthError {
        AuthError(code: "UNAUTHENTICATED", message: message)
    }

    public static func forbidden(_ message: String = "not allowed") -> AuthError {
        AuthError(code: "FORBIDDEN", message: message)
    }

    public var description: String { "\(code): \(message)" }
}
