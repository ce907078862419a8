import GraphQLKit

/// Runs GraphQL requests for the HTTP endpoint (``GraphQLHTTPResponder``). A local schema uses
/// ``ExecutableSchemaHTTPExecutor``; the gateway implements it with its query planner.
///
/// The HTTP layer calls ``prepare(query:)`` once per distinct request (it caches the result by
/// the request's raw bytes: the URL query of a `GET`, the body of a `POST`), then
/// ``execute(_:prepared:)`` for every request. `execute` is called on an event loop: it must not
/// block, and returns `.ready` only for work that is done synchronously.
///
/// ```swift
/// struct Echo: GraphQLHTTPExecutor {
///     func prepare(query: String) -> String { query }
///     func execute(_ request: GraphQLHTTPRequest, prepared: String) -> GraphQLHTTPExecution {
///         .ready(.response(GraphQLResponse(data: Array(#"{"echo":true}"#.utf8), errors: [])))
///     }
/// }
/// ```
public protocol GraphQLHTTPExecutor: Sendable {
    /// Whatever the executor derives once from a query text (parsed and validated document,
    /// query plan) and wants back with every request for that text.
    associatedtype Prepared: Sendable

    /// Parses (and validates, plans…) a query text. Called once per distinct request; must not
    /// block.
    func prepare(query: String) -> Prepared

    /// Executes one request. Must refuse mutations when ``GraphQLHTTPRequest/isSafeMethod`` is
    /// true (``GraphQLHTTPResult/mutationNotAllowedOverGET``).
    func execute(_ request: GraphQLHTTPRequest, prepared: Prepared) -> GraphQLHTTPExecution
}
