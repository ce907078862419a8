#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// CPU time of the benchmark's processes and of the whole machine, read from /proc, so each
/// measurement can report CPU milliseconds per request of every process and whether the
/// machine's cores were saturated.
struct CPUSnapshot {
    /// utime + stime of each watched process, in seconds.
    var processSeconds: [Double]
    /// Busy and total jiffies of all cores (from the first line of /proc/stat).
    var machineBusy: Double
    var machineTotal: Double

    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    static func take(_ pids: [Int32]) -> CPUSnapshot {
        CPUSnapshot(processSeconds: pids.map(processSeconds), machineBusy: machine().busy, machineTotal: machine().total)
    }

    /// utime + stime of `pid` (fields 14 and 15 of /proc/PID/stat), in seconds; 0 when unreadable.
    static func processSeconds(_ pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        // Fields after "(comm)": state is field 3, so utime (14) and stime (15) are at 11 and 12.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / ticksPerSecond
    }

    private static func machine() -> (busy: Double, total: Double) {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first else { return (0, 0) }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 5 else { return (0, 0) }
        let total = values.prefix(8).reduce(0, +)
        return (total - values[3] - values[4], total)  // idle and iowait are not busy
    }
}

/// What one measurement cost: CPU ms per request of each watched process and the machine's load.
struct CPUCost {
    var millisecondsPerRequest: [Double]
    /// Busy cores (0...core count) over the measurement, all processes on the machine included.
    var busyCores: Double

    init(from start: CPUSnapshot, to end: CPUSnapshot, requests: Int, cores: Int) {
        millisecondsPerRequest = zip(start.processSeconds, end.processSeconds).map { (($1 - $0) * 1000) / Double(max(requests, 1)) }
        let total = end.machineTotal - start.machineTotal
        busyCores = total > 0 ? (end.machineBusy - start.machineBusy) / total * Double(cores) : 0
    }

    func describe(_ names: [String]) -> String {
        let parts = zip(names, millisecondsPerRequest).map { "\($0) \(String(format: "%.3f", $1))" }
        return "CPU ms/request: " + parts.joined(separator: ", ") + " (sum \(String(format: "%.3f", millisecondsPerRequest.reduce(0, +)))); machine busy \(String(format: "%.2f", busyCores)) cores"
    }
}
