import GraphQLKit

/// What a ``GraphQLHTTPExecutor`` answers: a GraphQL response (which the HTTP layer serializes
/// straight into the response buffer), JSON it already serialized, or the refusal of a mutation
/// sent with `GET`. The HTTP status follows from it and the negotiated media type.
///
/// ```swift
/// .response(GraphQLResponse(data: Array(#"{"ok":true}"#.utf8), errors: []))
/// .serialized(bytesFromASubgraph, hasData: true)
/// .mutationNotAllowedOverGET
/// ```
public struct GraphQLHTTPResult: Sendable {
    enum Storage: Sendable {
        case response(GraphQLResponse)
        case serialized([UInt8], hasData: Bool)
        case mutationNotAllowedOverGET
    }

    let storage: Storage

    /// A GraphQL response: without `data` it is a request error (status 400 under
    /// `application/graphql-response+json`, 200 under `application/json`).
    public static func response(_ response: GraphQLResponse) -> GraphQLHTTPResult {
        GraphQLHTTPResult(storage: .response(response))
    }

    /// A response already serialized as JSON (a gateway relaying bytes). `hasData` tells whether
    /// it carries a `data` entry (`false` makes it a request error).
    public static func serialized(_ json: [UInt8], hasData: Bool) -> GraphQLHTTPResult {
        GraphQLHTTPResult(storage: .serialized(json, hasData: hasData))
    }

    /// The operation is a mutation and the request came with `GET` or `HEAD`: answered with
    /// `405 Method Not Allowed` and `Allow: POST`.
    public static let mutationNotAllowedOverGET = GraphQLHTTPResult(storage: .mutationNotAllowedOverGET)

    /// A request error with one message (no `data`).
    public static func requestError(_ message: String) -> GraphQLHTTPResult {
        .response(GraphQLResponse(data: nil, errors: [GraphQLError(message: message)]))
    }
}

/// How an executor delivers its ``GraphQLHTTPResult``: at once (the HTTP layer answers on the
/// connection's event loop, no task), or from async code run in a task.
public enum GraphQLHTTPExecution: Sendable {
    /// The result, computed synchronously.
    case ready(GraphQLHTTPResult)
    /// Async work producing the result; run in a new `Task`.
    case async(@Sendable () async -> GraphQLHTTPResult)
}
