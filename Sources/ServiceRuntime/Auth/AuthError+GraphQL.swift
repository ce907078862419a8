import GraphQLKit
import TokenAuth

extension AuthError {
    /// The GraphQL error a resolver throws (`extensions.code` is ``code``).
    public var graphQLError: GraphQLError { ServiceError(code: code, message: message).graphQLError }
}
