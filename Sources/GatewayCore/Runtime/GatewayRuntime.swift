import GraphQLKit
import Logging
import Metrics
import NIOConcurrencyHelpers

/// The gateway's live state: the engine for the current supergraph, swapped atomically when a
/// reload produces a new one, and kept when a reload fails.
///
/// ```swift
/// let runtime = GatewayRuntime(source: SupergraphFileSource(path: "supergraph.graphql"), transport: transport, logger: logger)
/// await runtime.reload()                       // first load
/// let response = await runtime.execute(GatewayRequest(query: "{ me { id } }"))
/// ```
public final class GatewayRuntime: Sendable {
    /// What the last reload did, for health and logs.
    public struct Status: Sendable {
        /// True once a supergraph has been loaded.
        public var hasSupergraph: Bool
        /// The message of the last failed reload, nil when the last reload succeeded.
        public var lastError: String?
        /// Successful loads that changed the supergraph.
        public var loads: Int
        /// Failed reloads.
        public var failures: Int
    }

    public let source: any SupergraphSource
    public let transport: any SubgraphTransport
    public let planCacheSize: Int
    /// Which progressive-override labels are active per request (every engine gets it).
    public let overrideLabels: OverrideLabelPolicy
    private let logger: Logger
    private let state = NIOLockedValueBox<(engine: GatewayEngine?, status: Status)>((nil, Status(hasSupergraph: false, lastError: nil, loads: 0, failures: 0)))
    private let reloadSuccesses = Counter(label: "gateway.supergraph.reloads", dimensions: [("result", "success")])
    private let reloadFailures = Counter(label: "gateway.supergraph.reloads", dimensions: [("result", "failure")])
    private let staleGauge = Gauge(label: "gateway.supergraph.stale")
    private let requestDuration = Metrics.Timer(label: "gateway.request.duration")
    private let subgraphCalls = Counter(label: "gateway.subgraph.calls")

    public init(source: any SupergraphSource, transport: any SubgraphTransport, planCacheSize: Int = 1000,
                overrideLabels: OverrideLabelPolicy = OverrideLabelPolicy(), logger: Logger) {
        self.source = source
        self.transport = transport
        self.planCacheSize = planCacheSize
        self.overrideLabels = overrideLabels
        self.logger = logger
    }

    /// The engine serving requests now (nil before the first successful load).
    public var engine: GatewayEngine? { state.withLockedValue { $0.engine } }

    public var status: Status { state.withLockedValue { $0.status } }

    /// Fetches the supergraph and swaps it in when it changed and loads; on failure keeps the
    /// current one and records the error. Returns true when the supergraph is current.
    @discardableResult
    public func reload() async -> Bool {
        let text: String
        do {
            text = try await source.fetchSupergraph()
        } catch {
            recordFailure("fetching the supergraph from \(source.description) failed: \(error)")
            return false
        }
        if let current = engine, current.supergraph.sdl == text {
            recordCurrent()
            return true
        }
        do {
            let supergraph = try Supergraph(sdl: text)
            let engine = try GatewayEngine(supergraph: supergraph, transport: transport, planCacheSize: planCacheSize, overrideLabels: overrideLabels)
            state.withLockedValue { state in
                state.engine = engine
                state.status.hasSupergraph = true
                state.status.lastError = nil
                state.status.loads += 1
            }
            staleGauge.record(0)
            reloadSuccesses.increment()
            logger.info("supergraph loaded", metadata: ["gateway.subgraphs": "\(supergraph.subgraphs.map(\.name))"])
            return true
        } catch {
            recordFailure("the supergraph from \(source.description) is invalid: \(error)")
            return false
        }
    }

    private func recordCurrent() {
        let wasFailing = state.withLockedValue { state -> Bool in
            defer { state.status.lastError = nil }
            return state.status.lastError != nil
        }
        if wasFailing {
            staleGauge.record(0)
            logger.info("supergraph source recovered; serving the current supergraph")
        }
    }

    private func recordFailure(_ message: String) {
        let hasSupergraph = state.withLockedValue { state -> Bool in
            state.status.lastError = message
            state.status.failures += 1
            return state.status.hasSupergraph
        }
        staleGauge.record(1)
        reloadFailures.increment()
        logger.error("supergraph reload failed; \(hasSupergraph ? "keeping the last good supergraph" : "no supergraph to serve yet")",
                     metadata: ["gateway.error": "\(message)"])
    }

    /// Executes a client request with the current engine.
    public func execute(_ request: GatewayRequest) async -> GraphQLResponse {
        guard let engine else {
            return GraphQLResponse(data: nil, errors: [GraphQLError(message: "The gateway has no supergraph yet.",
                                                                    extensions: ["code": "SUPERGRAPH_UNAVAILABLE"])])
        }
        let start = ContinuousClock.now
        let (response, statistics) = await engine.execute(request)
        let elapsed = ContinuousClock.now - start
        requestDuration.recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        if statistics.subgraphCalls > 0 { subgraphCalls.increment(by: statistics.subgraphCalls) }
        return response
    }
}
