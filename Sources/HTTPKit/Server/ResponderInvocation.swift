import NIOCore

/// Runs a responder and delivers its response on `eventLoop`: at once for `.response` (no hop,
/// no task), when the future completes for `.future`, from a new `Task` for `.task` (on the
/// event loop itself when the context carries the loop's task executor).
/// Errors from futures and tasks become `500 Internal Server Error`.
enum ResponderInvocation {
    static func invoke(
        _ responder: any HTTPResponder,
        request: HTTPRequest,
        context: HTTPRequestContext,
        completion: @escaping (HTTPResponse) -> Void
    ) {
        let eventLoop = context.eventLoop
        switch responder.respond(to: request, context: context) {
        case .response(let response):
            completion(response)
        case .future(let future):
            future.hop(to: eventLoop).assumeIsolated().whenComplete { result in
                completion(Self.response(for: result, context: context))
            }
        case .task(let body):
            let promise = eventLoop.makePromise(of: HTTPResponse.self)
            if let executor = context.taskExecutor {
                Task(executorPreference: executor) {
                    do { promise.succeed(try await body()) } catch { promise.fail(error) }
                }
            } else {
                promise.completeWithTask(body)
            }
            promise.futureResult.assumeIsolated().whenComplete { result in
                completion(Self.response(for: result, context: context))
            }
        }
    }

    private static func response(for result: Result<HTTPResponse, any Error>, context: HTTPRequestContext) -> HTTPResponse {
        switch result {
        case .success(let response):
            return response
        case .failure(let error):
            context.logger.error("responder failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))", "error.message": "\(error)"])
            return .plainText(.internalServerError, "internal server error\n")
        }
    }
}
