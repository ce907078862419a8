// The gateway: GraphQL over HTTP (HTTP/1.1 and h2c) in front of the subgraphs.
// Configuration: environment variables, see GatewayConfiguration (and README "Gateway").
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GatewayCore
import HTTPKit
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

var environment: [String: String] = [:]
var pointer = environ
while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let equals = text.firstIndex(of: "=") {
        environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    pointer += 1
}

let logger = Logger(label: "gateway")
let configuration: GatewayConfiguration
do {
    configuration = try GatewayConfiguration(environment: environment)
} catch {
    logger.critical("invalid configuration: \(error)")
    exit(2)
}

let registry = PrometheusCollectorRegistry()
MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

var clientConfiguration = HTTPClientConfiguration()
clientConfiguration.requestTimeout = .nanoseconds(Int64(configuration.subgraphTimeout.components.seconds) * 1_000_000_000
                                                 + configuration.subgraphTimeout.components.attoseconds / 1_000_000_000)
// Requests run on their connection's event loop (runsTasksOnEventLoop below) and reach each
// subgraph over that loop's own connection: a request never changes threads.
clientConfiguration.poolPerEventLoop = true
let client = HTTPClient(configuration: clientConfiguration, logger: logger)
let transport = HTTPSubgraphTransport(client: client, requestTimeout: clientConfiguration.requestTimeout)

let source: any SupergraphSource
switch configuration.mode {
case .supergraphFile(let path):
    source = SupergraphFileSource(path: path)
case .subgraphs(let subgraphs):
    source = SubgraphPollingSource(subgraphs: subgraphs, transport: transport)
}

let runtime = GatewayRuntime(source: source, transport: transport, planCacheSize: configuration.planCacheSize,
                             overrideLabels: OverrideLabelPolicy(enabledLabels: configuration.enabledOverrideLabels), logger: logger)
await runtime.reload()

var tokenCheck: GatewayTokenCheck?
if let jwksURL = configuration.jwksURL {
    tokenCheck = GatewayTokenCheck(jwksURL: jwksURL, issuer: configuration.tokenIssuer, httpClient: client, logger: logger)
    logger.info("bearer tokens are verified before planning", metadata: ["gateway.jwks": "\(jwksURL)", "gateway.issuer": "\(configuration.tokenIssuer)"])
} else {
    logger.notice("GATEWAY_JWKS_URL is not set: token verification is off; tokens are forwarded unverified (the subgraphs still verify them)")
}

let readiness = HTTPReadiness()
let router = GatewayRouter.make(runtime: runtime, readiness: readiness, metrics: PrometheusMetricsResponder(registry: registry),
                                tokenCheck: tokenCheck)
var serverConfiguration = HTTPServerConfiguration(host: configuration.host, port: configuration.port)
serverConfiguration.runsTasksOnEventLoop = true
let server = HTTPServer(configuration: serverConfiguration, responder: router, logger: logger, readiness: readiness)
let reloader = SupergraphReloader(runtime: runtime, interval: configuration.pollInterval)
let group = ServiceGroup(configuration: ServiceGroupConfiguration(
    services: [.init(service: server), .init(service: reloader)],
    gracefulShutdownSignals: [.sigterm, .sigint],
    logger: logger))
logger.info("gateway starting", metadata: ["gateway.port": "\(configuration.port)", "gateway.source": "\(source.description)"])
do {
    try await group.run()
} catch {
    logger.error("gateway stopped: \(error)")
}
await client.shutdown()
