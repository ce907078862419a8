import Logging
import NIOCore

/// What every connection of one ``HTTPServer`` shares: configuration, responder, metrics, logger.
final class ServerConnectionEnvironment: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let metrics: HTTPServerMetrics
    let logger: Logger

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, metrics: HTTPServerMetrics, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.metrics = metrics
        self.logger = logger
    }
}
