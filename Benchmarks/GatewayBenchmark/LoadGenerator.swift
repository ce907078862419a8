import BenchmarkStatistics
import HTTPKit
import NIOCore
import NIOHTTP1

/// Closed-loop load: `concurrency` workers, each sending its next unit of work as soon as the
/// previous one finished, for a fixed duration. Reports units/s and latency percentiles.
struct LoadResult: Sendable {
    var requestsPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var failures: Int
    /// Units of work completed successfully.
    var completed: Int
}

enum LoadGenerator {
    static func run(concurrency: Int, duration: Duration, unit: @escaping @Sendable () async -> Bool) async -> LoadResult {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + duration
        let perWorker = await withTaskGroup(of: ([Double], Int).self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var latencies: [Double] = []
                    latencies.reserveCapacity(4096)
                    var failures = 0
                    while clock.now < deadline {
                        let began = clock.now
                        let ok = await unit()
                        let elapsed = clock.now - began
                        if ok {
                            latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                        } else {
                            failures += 1
                        }
                    }
                    return (latencies, failures)
                }
            }
            var all: [([Double], Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let latencies = LatencySummary(milliseconds: perWorker.flatMap(\.0))
        return LoadResult(requestsPerSecond: Double(latencies.count) / seconds, p50Milliseconds: latencies.p50,
                          p99Milliseconds: latencies.p99, failures: perWorker.reduce(0) { $0 + $1.1 },
                          completed: latencies.count)
    }

    /// One POST of a JSON body to 127.0.0.1:`port`/graphql; true on 200.
    static func post(_ client: HTTPClient, port: Int, body: ByteBuffer, protocol wireProtocol: HTTPClientProtocol) async -> Bool {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/json")
        let request = HTTPClientRequest(method: .POST, path: "/graphql", headers: headers, body: body)
        guard let response = try? await client.send(request, to: HTTPUpstream(host: "127.0.0.1", port: port, protocol: wireProtocol)) else { return false }
        return response.status == .ok
    }
}
