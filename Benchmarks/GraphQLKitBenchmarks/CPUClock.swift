import BenchmarkStatistics

/// Runs `body` repeatedly for at least `seconds` of CPU time (after a warm-up) and returns
/// operations per CPU-second. The CPU clock (a system call) is read every 32 operations: read
/// every 8, it took ~3% of a small parse's time (graphql-js-parse.js batches the same way).
func opsPerCPUSecond(seconds: Double, warmUp: Double = 0.5, _ body: () -> Void) -> Double {
    let warmUpEnd = processCPUSeconds() + warmUp
    while processCPUSeconds() < warmUpEnd { body() }
    let start = processCPUSeconds()
    var operations = 0
    var now = start
    while now - start < seconds {
        for _ in 0..<32 { body() }
        operations += 32
        now = processCPUSeconds()
    }
    return Double(operations) / (now - start)
}
