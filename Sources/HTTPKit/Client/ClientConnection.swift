import NIOCore

/// A client connection as its pool sees it (HTTP/2 or HTTP/1.1). Event-loop bound.
protocol ClientConnection: AnyObject {
    /// Sends the request; its outcome comes back through ``ClientConnectionDelegate``.
    func execute(_ requestID: Int, _ request: HTTPClientRequest)
    /// Abandons an in-flight request (HTTP/2: RST_STREAM(CANCEL); HTTP/1.1: closes the
    /// connection) and reports it finished with `error`.
    func cancel(_ requestID: Int, error: HTTPClientError)
    /// Closes the connection (GOAWAY first on HTTP/2).
    func close()
}

/// How a request on a connection ended.
enum ClientRequestOutcome {
    case response(HTTPResponse)
    /// The server provably did not process it (refused stream, above GOAWAY's last stream id).
    case retryable(HTTPClientError)
    case failed(HTTPClientError)
}

/// What a connection tells its pool. Called on the pool's event loop, outside nghttp2 callbacks.
protocol ClientConnectionDelegate: AnyObject {
    func connectionReady(_ connection: Int, capacity: Int)
    func connectionCapacityChanged(_ connection: Int, capacity: Int)
    func connectionGoingAway(_ connection: Int)
    func connectionClosed(_ connection: Int)
    func requestFinished(_ requestID: Int, on connection: Int, outcome: ClientRequestOutcome)
}
