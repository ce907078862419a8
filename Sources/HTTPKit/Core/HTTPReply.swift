import NIOCore

/// What an ``HTTPResponder`` returns: either a response available right now, or a way to get
/// one later.
///
/// `.response` is written on the connection's event loop without any hop — use it whenever the
/// answer is computed synchronously (static bytes, health checks, a cached GraphQL result).
/// `.future` suits work already running on an event loop; `.task` runs an async closure in a
/// Swift `Task` and costs one task per request.
///
/// ```swift
/// router.add(.GET, "/now") { _, _ in .response(.plainText(.ok, "hello")) }
/// router.add(.GET, "/slow") { _, _ in .task { try await work(); return .plainText(.ok, "done") } }
/// ```
public enum HTTPReply: Sendable {
    /// A response available immediately; written without leaving the event loop.
    case response(HTTPResponse)
    /// A response that an event-loop future will deliver. A failed future becomes a 500.
    case future(EventLoopFuture<HTTPResponse>)
    /// A response computed by async code in a new `Task`. A thrown error becomes a 500.
    case task(@Sendable () async throws -> HTTPResponse)
}
