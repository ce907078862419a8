/// Options of a GraphQL endpoint (``HTTPRouter/addGraphQL(path:executor:configuration:)``).
///
/// ```swift
/// var configuration = GraphQLHTTPConfiguration()
/// configuration.allowsGET = false   // POST only
/// ```
public struct GraphQLHTTPConfiguration: Sendable {
    /// Whether queries may be sent with `GET` (mutations never may). Default `true`.
    public var allowsGET: Bool
    /// How many distinct raw requests (URL queries, bodies) keep their decoded parameters and
    /// prepared document; as many distinct query texts keep their prepared document. Default 1000.
    public var requestCacheSize: Int

    /// Creates a configuration.
    public init(allowsGET: Bool = true, requestCacheSize: Int = 1000) {
        self.allowsGET = allowsGET
        self.requestCacheSize = requestCacheSize
    }
}
