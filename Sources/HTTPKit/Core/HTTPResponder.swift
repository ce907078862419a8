/// Answers requests. The server calls ``respond(to:context:)`` on the connection's event loop,
/// so an implementation must not block; it returns `.response` when the answer is ready at once
/// and `.future`/`.task` otherwise (see ``HTTPReply``).
///
/// ```swift
/// struct Hello: HTTPResponder {
///     func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
///         .response(.plainText(.ok, "hello \(request.path)"))
///     }
/// }
/// ```
public protocol HTTPResponder: Sendable {
    /// Produces the reply for one complete request. Called on `context.eventLoop`.
    func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply
}

/// An ``HTTPResponder`` made from a closure.
///
/// ```swift
/// let echo = ClosureResponder { request, _ in .response(HTTPResponse(status: .ok, body: request.body)) }
/// ```
public struct ClosureResponder: HTTPResponder {
    /// The closure's type: synchronous, returning an ``HTTPReply``.
    public typealias Body = @Sendable (HTTPRequest, HTTPRequestContext) -> HTTPReply
    private let body: Body

    /// Wraps `body`.
    public init(_ body: @escaping Body) {
        self.body = body
    }

    public func respond(to request: HTTPRequest, context: HTTPRequestContext) -> HTTPReply {
        self.body(request, context)
    }
}
