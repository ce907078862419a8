import HTTPKit
import Logging

extension HTTPClient {
    /// The client gateway tests reach subgraphs with: no retries (a failure shows at once) and a
    /// minute per request (a loaded machine never fails a test by a timeout).
    static func forGatewayTests(logger: Logger, poolPerEventLoop: Bool = false) -> HTTPClient {
        var configuration = HTTPClientConfiguration()
        configuration.maxRetries = 0
        configuration.requestTimeout = .seconds(60)
        configuration.poolPerEventLoop = poolPerEventLoop
        return HTTPClient(configuration: configuration, logger: logger)
    }
}
