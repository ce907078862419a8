import GraphQLKit
import NIOHTTP1

/// One GraphQL-over-HTTP request after the transport has been decoded: the GraphQL parameters
/// (from the URL of a `GET` or the JSON body of a `POST`) plus the HTTP facts an executor may
/// need (the method, to refuse mutations over `GET`; the headers, for authentication).
///
/// ```swift
/// let request = GraphQLHTTPRequest(query: "{ me { id } }", method: .POST,
///                                  headers: HTTPHeaders([("authorization", "Bearer …")]))
/// ```
public struct GraphQLHTTPRequest: Sendable {
    /// The GraphQL document text.
    public var query: String
    /// The operation to run when the document has several.
    public var operationName: String?
    /// The variable values (an empty object when the request had none).
    public var variables: JSONObject
    /// The request's `extensions` object, if any.
    public var extensions: JSONObject?
    /// The HTTP method the request arrived with (`GET`, `HEAD` or `POST`).
    public var method: HTTPMethod
    /// The HTTP request headers.
    public var headers: HTTPHeaders

    /// Creates a request.
    public init(query: String, operationName: String? = nil, variables: JSONObject = JSONObject(),
                extensions: JSONObject? = nil, method: HTTPMethod = .POST, headers: HTTPHeaders = HTTPHeaders()) {
        self.query = query
        self.operationName = operationName
        self.variables = variables
        self.extensions = extensions
        self.method = method
        self.headers = headers
    }

    /// `true` for `GET` and `HEAD`: requests that must not run mutations.
    public var isSafeMethod: Bool { method == .GET || method == .HEAD }
}
