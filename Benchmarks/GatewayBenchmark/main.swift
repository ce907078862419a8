// The gateways benchmark (graphql-hive/graphql-gateways-benchmark scenario) for our gateway.
//
//   gateway-benchmark [seconds-per-run] [runs]      run everything, print medians
//   gateway-benchmark serve-subgraphs PORT...       (child) accounts, inventory, products, reviews
//   gateway-benchmark serve-monolith PORT           (child) the same API in one process
//   GATEWAY_BENCHMARK_REPLAY_WINDOWS=N gateway-benchmark SECONDS   replay only, N windows (drift check)
//
// The driver starts the subgraphs, the real `gateway` executable (supergraph file mode) and the
// monolith as separate processes, checks the gateway answers TestQuery with the monolith's data,
// counts subgraph calls and rounds per request, then measures at 50 connections: the gateway,
// the monolith, and a replay of the gateway's subgraph requests sent directly to the subgraphs
// (their capacity). Peak RSS of the gateway comes from /proc/PID/status (VmHWM).
import BenchmarkStatistics
import Foundation
import GatewayCore
import GraphQLKit
import HTTPKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

var logger = Logger(label: "gateway-benchmark")
logger.logLevel = .warning
let arguments = CommandLine.arguments

/// Serves until the driver goes away (the child is re-parented), so a crashed driver leaves nothing running.
func serveForever(_ servers: [HTTPServer]) async throws {
    let parent = getppid()
    for server in servers { try await server.start() }
    while getppid() == parent { try await Task.sleep(for: .seconds(1)) }
    exit(0)
}

if arguments.count > 1, arguments[1] == "serve-subgraphs" {
    let ports = arguments.dropFirst(2).compactMap { Int($0) }
    let schemas = [try BenchmarkSchemas.accounts(), try BenchmarkSchemas.inventory(), try BenchmarkSchemas.products(), try BenchmarkSchemas.reviews()]
    try await serveForever(zip(schemas, ports).map { SchemaServer.make($0.0, port: $0.1, logger: logger) })
}
if arguments.count > 2, arguments[1] == "serve-monolith", let port = Int(arguments[2]) {
    try await serveForever([SchemaServer.make(try BenchmarkSchemas.monolith(), port: port, logger: logger)])
}

let secondsPerRun = arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let concurrency = 50
let subgraphPorts = [4201, 4202, 4203, 4204]
let gatewayPort = 4200
let monolithPort = 4205
let executableDirectory = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent()

func spawn(_ path: URL, _ args: [String], environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.executableURL = path
    process.arguments = args
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    try process.run()
    return process
}

let gatewayExecutable = executableDirectory.appendingPathComponent("gateway")
guard FileManager.default.isExecutableFile(atPath: gatewayExecutable.path) else {
    FileHandle.standardError.write(Data("""
        gateway-benchmark: no gateway executable at \(gatewayExecutable.path); build it first:
          swift build -c release --product gateway

        """.utf8))
    exit(1)
}

let supergraphPath = NSTemporaryDirectory() + "gateway-benchmark-supergraph.graphql"
try BenchmarkSchemas.supergraph(ports: subgraphPorts).write(toFile: supergraphPath, atomically: true, encoding: .utf8)
let subgraphProcess = try spawn(URL(fileURLWithPath: arguments[0]), ["serve-subgraphs"] + subgraphPorts.map(String.init))
let monolithProcess = try spawn(URL(fileURLWithPath: arguments[0]), ["serve-monolith", String(monolithPort)])
let gatewayProcess = try spawn(gatewayExecutable, [], environment: [
    "GATEWAY_SUPERGRAPH_FILE": supergraphPath, "GATEWAY_PORT": String(gatewayPort), "GATEWAY_POLL_INTERVAL_MS": "600000", "LOG_LEVEL": "error",
])
defer {
    for process in [subgraphProcess, monolithProcess, gatewayProcess] { process.terminate() }
}

var clientConfiguration = HTTPClientConfiguration()
clientConfiguration.maxHTTP1Connections = concurrency
clientConfiguration.maxRetries = 0
let client = HTTPClient(configuration: clientConfiguration, logger: logger)
let body = ByteBuffer(string: (["query": .string(BenchmarkData.testQuery)] as JSONValue).serialized())

func answer(port: Int) async -> JSONValue? {
    var headers = HTTPHeaders()
    headers.add(name: "content-type", value: "application/json")
    guard let response = try? await client.send(HTTPClientRequest(method: .POST, path: "/graphql", headers: headers, body: body),
                                                to: HTTPUpstream(host: "127.0.0.1", port: port, protocol: .http1_1)) else { return nil }
    return try? JSONValue.parse(utf8: Array(response.body.readableBytesView))
}

// Wait (bounded) until all three servers answer.
var gatewayAnswer: JSONValue?
var monolithAnswer: JSONValue?
for _ in 0..<300 {
    gatewayAnswer = await answer(port: gatewayPort)
    monolithAnswer = await answer(port: monolithPort)
    if gatewayAnswer?["data"] != nil, monolithAnswer?["data"] != nil { break }
    try await Task.sleep(for: .milliseconds(100))
}
let sameData = gatewayAnswer != nil && gatewayAnswer?["data"] == monolithAnswer?["data"] && gatewayAnswer?["errors"] == nil

/// Records the subgraph requests of one TestQuery, made by an in-process engine on the same supergraph.
final class RecordingTransport: SubgraphTransport {
    let inner: HTTPSubgraphTransport
    let recorded = RecordedRequests()
    init(inner: HTTPSubgraphTransport) { self.inner = inner }
    let responses = NIOLockedValueBox<[[UInt8]: [UInt8]]>([:])
    func send(_ body: [UInt8], to subgraph: SubgraphEndpoint, headers: [(name: String, value: String)]) async throws -> [UInt8] {
        recorded.append(subgraph, body)
        let response = try await inner.send(body, to: subgraph, headers: headers)
        responses.withLockedValue { $0[body] = response }
        return response
    }
}

/// Answers each subgraph request with the response recorded for the same body: the engine's
/// own work (planning cache, request bodies, merging, shaping) measured without any I/O.
struct CannedTransport: SubgraphTransport {
    let responses: [[UInt8]: [UInt8]]
    func send(_ body: [UInt8], to subgraph: SubgraphEndpoint, headers: [(name: String, value: String)]) async throws -> [UInt8] {
        guard let response = responses[body] else { throw SubgraphRequestError("no recorded response") }
        return response
    }
}

let subgraphTransport = HTTPSubgraphTransport(client: client)
let recorder = RecordingTransport(inner: subgraphTransport)
let engine = try GatewayEngine(supergraph: try Supergraph(sdl: String(contentsOfFile: supergraphPath, encoding: .utf8)), transport: recorder)
let plan = try engine.plan(query: BenchmarkData.testQuery, operationName: nil).get()
let rounds = plan.node.map(collectRounds) ?? []
let (_, statistics) = await engine.execute(GatewayRequest(query: BenchmarkData.testQuery))
let recorded = recorder.recorded.all


// The engine alone: TestQuery executed over canned subgraph responses, one at a time.
let cannedEngine = try GatewayEngine(supergraph: engine.supergraph, transport: CannedTransport(responses: recorder.responses.withLockedValue { $0 }))
var engineSamples: [Double] = []
for _ in 0..<5 {
    let iterations = 1000
    let began = processCPUSeconds()
    for _ in 0..<iterations { _ = await cannedEngine.execute(GatewayRequest(query: BenchmarkData.testQuery)).response.serialized() }
    engineSamples.append((processCPUSeconds() - began) / Double(iterations) * 1e6)
}
engineSamples.sort()

/// The fetches of the plan grouped by round (the plan is a sequence of parallel steps).
func collectRounds(_ node: PlanNode) -> [[FetchNode]] {
    switch node {
    case .sequence(let nodes): return nodes.flatMap(collectRounds)
    default: return [node.fetches]
    }
}

// Replay: the recorded bodies, round by round (parallel within a round), straight to the subgraphs.
let replayRounds: [[(SubgraphEndpoint, [UInt8])]] = {
    var index = 0
    return rounds.map { round in
        round.map { _ in defer { index += 1 }; return (recorded[index].0, recorded[index].1) }
    }
}()
@Sendable func replayUnit() async -> Bool {
    for round in replayRounds {
        let ok = await withTaskGroup(of: Bool.self) { group in
            for (subgraph, body) in round {
                group.addTask { (try? await subgraphTransport.send(body, to: subgraph, headers: [])) != nil }
            }
            var all = true
            for await result in group { all = all && result }
            return all
        }
        if !ok { return false }
    }
    return true
}

func peakRSS(_ pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
    return nil
}

print("TestQuery: \(statistics.subgraphCalls) subgraph calls in \(statistics.rounds) rounds (plan: \(plan.node?.fetches.count ?? 0) fetches, \(plan.node?.sequentialRounds ?? 0) rounds)")
print("same data as the monolith: \(sameData)")
print("engine CPU per TestQuery without I/O (canned subgraph responses, median of 5 x 1000): \(String(format: "%.1f", engineSamples[2])) µs (min \(String(format: "%.1f", engineSamples[0])))")
if !sameData {
    print("gateway:  \(gatewayAnswer?.serialized().prefix(400) ?? "none")")
    print("monolith: \(monolithAnswer?.serialized().prefix(400) ?? "none")")
}

var gatewayRuns: [LoadResult] = []
var monolithRuns: [LoadResult] = []
var replayRuns: [LoadResult] = []
let duration = Duration.seconds(secondsPerRun)
// CPU accounting per measurement: every process of the benchmark, and the machine as a whole.
let watchedNames = ["driver", "gateway", "subgraphs", "monolith"]
let watchedPIDs = [getpid(), gatewayProcess.processIdentifier, subgraphProcess.processIdentifier, monolithProcess.processIdentifier]
let cores = ProcessInfo.processInfo.activeProcessorCount
func measured(_ load: () async -> LoadResult) async -> (LoadResult, CPUCost) {
    let start = CPUSnapshot.take(watchedPIDs)
    let result = await load()
    return (result, CPUCost(from: start, to: CPUSnapshot.take(watchedPIDs), requests: result.completed, cores: cores))
}
// Diagnostic (GATEWAY_BENCHMARK_REPLAY_WINDOWS=N): only the replay, N windows of `secondsPerRun` back to back,
// CPU per TestQuery of driver and subgraphs per window; shows whether a long-lived process slows down.
if let windows = ProcessInfo.processInfo.environment["GATEWAY_BENCHMARK_REPLAY_WINDOWS"].flatMap({ Int($0) }) {
    for window in 1...max(windows, 1) {
        let (replay, replayCPU) = await measured { await LoadGenerator.run(concurrency: concurrency, duration: duration, unit: replayUnit) }
        print("replay window \(window): \(Int(replay.requestsPerSecond)) /s, p50 \(String(format: "%.2f", replay.p50Milliseconds)) ms; " + replayCPU.describe(watchedNames))
    }
    await client.shutdown()
    for process in [subgraphProcess, monolithProcess, gatewayProcess] { process.terminate() }
    exit(0)
}
// Warm-up, not measured: every target under the same load for a few seconds first. Without it the first
// gateway measurement met freshly started subgraphs and gateway (page faults, allocator growth, first
// connections), while the replay that follows it met subgraphs the gateway had just warmed.
let warmUp = Duration.seconds(min(3, secondsPerRun))
_ = await LoadGenerator.run(concurrency: concurrency, duration: warmUp) {
    await LoadGenerator.post(client, port: gatewayPort, body: body, protocol: .http1_1)
}
_ = await LoadGenerator.run(concurrency: concurrency, duration: warmUp) {
    await LoadGenerator.post(client, port: monolithPort, body: body, protocol: .http1_1)
}
_ = await LoadGenerator.run(concurrency: concurrency, duration: warmUp, unit: replayUnit)
print("warm-up: \(min(3, secondsPerRun)) s per target, not measured")

for run in 1...runs {
    let (gateway, gatewayCPU) = await measured {
        await LoadGenerator.run(concurrency: concurrency, duration: duration) {
            await LoadGenerator.post(client, port: gatewayPort, body: body, protocol: .http1_1)
        }
    }
    let (monolith, monolithCPU) = await measured {
        await LoadGenerator.run(concurrency: concurrency, duration: duration) {
            await LoadGenerator.post(client, port: monolithPort, body: body, protocol: .http1_1)
        }
    }
    let (replay, replayCPU) = await measured { await LoadGenerator.run(concurrency: concurrency, duration: duration, unit: replayUnit) }
    gatewayRuns.append(gateway)
    monolithRuns.append(monolith)
    replayRuns.append(replay)
    func line(_ name: String, _ result: LoadResult) -> String {
        "\(name): \(Int(result.requestsPerSecond)) req/s, p50 \(String(format: "%.2f", result.p50Milliseconds)) ms, p99 \(String(format: "%.2f", result.p99Milliseconds)) ms, failures \(result.failures)"
    }
    print("run \(run): " + line("gateway", gateway) + " | " + line("monolith", monolith) + " | " + line("subgraph replay", replay))
    print("  gateway   " + gatewayCPU.describe(watchedNames))
    print("  monolith  " + monolithCPU.describe(watchedNames))
    print("  replay    " + replayCPU.describe(watchedNames))
}

let gatewayRPS = median(gatewayRuns.map(\.requestsPerSecond))
let replayRPS = median(replayRuns.map(\.requestsPerSecond))
print("""
    medians over \(runs) runs of \(secondsPerRun) s, \(concurrency) connections:
      gateway          \(Int(gatewayRPS)) req/s  p50 \(String(format: "%.2f", median(gatewayRuns.map(\.p50Milliseconds)))) ms  p99 \(String(format: "%.2f", median(gatewayRuns.map(\.p99Milliseconds)))) ms
      monolith         \(Int(median(monolithRuns.map(\.requestsPerSecond)))) req/s  p50 \(String(format: "%.2f", median(monolithRuns.map(\.p50Milliseconds)))) ms  p99 \(String(format: "%.2f", median(monolithRuns.map(\.p99Milliseconds)))) ms
      subgraph replay  \(Int(replayRPS)) TestQuery-equivalents/s  p50 \(String(format: "%.2f", median(replayRuns.map(\.p50Milliseconds)))) ms  p99 \(String(format: "%.2f", median(replayRuns.map(\.p99Milliseconds)))) ms
      gateway / subgraph capacity: \(String(format: "%.2f", gatewayRPS / replayRPS))x
      gateway peak RSS: \(peakRSS(gatewayProcess.processIdentifier).map { "\($0 / 1024) MB (\($0) kB)" } ?? "unknown")
    """)
await client.shutdown()
