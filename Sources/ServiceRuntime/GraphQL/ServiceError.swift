import GraphQLKit

/// A domain error with a machine-readable code (`BAD_USER_INPUT`, `NOT_FOUND`, `CONFLICT`,
/// `FORBIDDEN`, …) that reaches the client as a GraphQL error with `extensions.code`.
///
/// ```swift
/// throw ServiceError(code: "NOT_FOUND", message: "no course \(id)").graphQLError
/// ```
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public static func badInput(_ message: String) -> GraphQLError { ServiceError(code: "BAD_USER_INPUT", message: message).graphQLError }
    public static func notFound(_ message: String) -> GraphQLError { ServiceError(code: "NOT_FOUND", message: message).graphQLError }
    public static func conflict(_ message: String) -> GraphQLError { ServiceError(code: "CONFLICT", message: message).graphQLError }

    public var description: String { "\(code): \(message)" }

    public var graphQLError: GraphQLError {
        GraphQLError(message: message, extensions: ["code": .string(code)])
    }
}
