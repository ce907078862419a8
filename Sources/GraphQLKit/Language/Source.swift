/// A GraphQL document's text together with the name it is reported under in errors.
public struct Source: Sendable {
    /// The document text.
    public let body: String
    /// The name shown in error messages, `"GraphQL request"` by default (as graphql-js).
    public let name: String

    public init(body: String, name: String = "GraphQL request") {
        self.body = body
        self.name = name
    }
}
