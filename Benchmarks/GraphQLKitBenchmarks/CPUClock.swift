import BenchmarkStatistics

/// Runs `body` repeatedly for at least `seconds` of CPU time (after a warm-up) and returns
/// operations per CPU-second.
func opsPerCPUSecond(seconds: Double, warmUp: Double = 0.5, _ body: () -> Void) -> Double {
    let warmUpEnd = processCPUSeconds() + warmUp
    while processCPUSeconds() < warmUpEnd { body() }
    let start = processCPUSeconds()
    var operations = 0
    var now = start
    while now - start < seconds {
        for _ in 0..<8 { body() }
        operations += 8
        now = processCPUSeconds()
    }
    return Double(operations) / (now - start)
}
