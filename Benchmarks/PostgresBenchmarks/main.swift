// postgres-benchmarks: single-row SELECT round trips through PostgresPool at concurrency 1 and 16, and
// a 100-id batch load, side by side with pgbench -S on the same cluster in the same run.
//
//   swift run -c release postgres-benchmarks [--duration 10] [--runs 5] [--scale 10] [--batch-seconds 5]
//
// It starts a temporary LocalCluster (role and database "bench"), loads it with `pgbench -i`, then per
// run measures, each for --duration seconds: pgbench -S -c 1 -j 1, pgbench -S -c 16 -j 2, our pool at
// concurrency 1 and 16 (the same query, by primary key, random ids), and 100-id batches (pipeline mode
// and `= ANY($1)`). It prints each run and the medians as a Markdown section for BENCHMARKS.md.
import Foundation
import Postgres

struct Settings {
    var duration = 10
    var runs = 5
    var scale = 10
    var batchSeconds = 5

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            func number() -> Int {
                guard let text = iterator.next(), let value = Int(text), value > 0 else {
                    FileHandle.standardError.write(Data("\(argument) needs a positive number\n".utf8))
                    exit(2)
                }
                return value
            }
            switch argument {
            case "--duration": duration = number()
            case "--runs": runs = number()
            case "--scale": scale = number()
            case "--batch-seconds": batchSeconds = number()
            case "-h", "--help":
                print("usage: postgres-benchmarks [--duration SECONDS] [--runs N] [--scale PGBENCH_SCALE] [--batch-seconds SECONDS]")
                exit(0)
            default:
                FileHandle.standardError.write(Data("unknown option \(argument) (try --help)\n".utf8))
                exit(2)
            }
        }
    }
}

/// A small, fast random generator per task (xorshift64*), so id choice costs no system call.
struct FastRandom {
    var state: UInt64
    mutating func next(below bound: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 2_685_821_657_736_338_717) % UInt64(bound))
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func runPgbench(_ cluster: LocalCluster, _ arguments: [String]) async throws -> Double {
    let text = try await cluster.runTool(
        "pgbench", ["-h", "127.0.0.1", "-p", String(cluster.port), "-U", "bench", "-n"] + arguments + ["bench"],
        environment: ["PGPASSWORD": cluster.password(forService: "bench") ?? ""])
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
        let value = Double(line.dropFirst("tps = ".count).prefix { $0 != " " })
    else {
        throw PostgresError(code: .cluster, message: "pgbench \(arguments) printed no tps: \(text)")
    }
    return value
}

/// Single-row SELECT by primary key through the pool, `concurrency` tasks for `seconds`.
func runPool(_ pool: PostgresPool, concurrency: Int, seconds: Int, accounts: Int, onIOExecutor: Bool = false) async throws -> Double {
    if onIOExecutor {
        return try await withTaskExecutorPreference(PostgresTaskExecutor.shared) {
            try await runPool(pool, concurrency: concurrency, seconds: seconds, accounts: accounts)
        }
    }
    let start = ContinuousClock.now
    let deadline = start + .seconds(seconds)
    let total = try await withThrowingTaskGroup(of: Int.self) { group in
        for task in 0..<concurrency {
            group.addTask {
                var random = FastRandom(state: 0x9E37_79B9_7F4A_7C15 &+ UInt64(task) &* 0x1234_5678_9ABC_DEF1)
                var count = 0
                while ContinuousClock.now < deadline {
                    let id = Int32(random.next(below: accounts) + 1)
                    let rows = try await pool.query("SELECT abalance FROM pgbench_accounts WHERE aid = \(id)")
                    _ = try rows[0].decode(Int32.self, at: 0)
                    count += 1
                }
                return count
            }
        }
        return try await group.reduce(0, +)
    }
    return Double(total) / start.duration(to: .now).seconds
}

struct BatchResult {
    var batchesPerSecond: Double
    var roundTripsPerBatch: Double
}

/// 100-id batch loads on one connection: pipeline of 100 single-row SELECTs, or one `= ANY($1)`.
func runBatches(_ pool: PostgresPool, seconds: Int, accounts: Int, pipeline: Bool) async throws -> BatchResult {
    try await pool.withConnection { connection in
        var random = FastRandom(state: 0xDEAD_BEEF_CAFE_F00D)
        let before = connection.statistics.roundTrips
        let start = ContinuousClock.now
        let deadline = start + .seconds(seconds)
        var batches = 0
        while ContinuousClock.now < deadline {
            let ids = (0..<100).map { _ in Int32(random.next(below: accounts) + 1) }
            var found = 0
            if pipeline {
                let results = try await connection.pipeline(ids.map { "SELECT aid, abalance FROM pgbench_accounts WHERE aid = \($0)" })
                for result in results { found += try result.get().count }
            } else {
                let rows = try await connection.query("SELECT aid, abalance FROM pgbench_accounts WHERE aid = ANY(\(ids))")
                for row in rows { _ = try row.decode((Int32, Int32).self); found += 1 }
            }
            precondition(found == Set(ids).count || pipeline && found == ids.count, "batch lost rows")
            batches += 1
        }
        let elapsed = start.duration(to: .now).seconds
        let trips = connection.statistics.roundTrips - before
        return BatchResult(batchesPerSecond: Double(batches) / elapsed, roundTripsPerBatch: Double(trips) / Double(batches))
    }
}

extension Duration {
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}

/// Prints at once (unbuffered), so progress shows even when stdout is a file.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func format(_ value: Double) -> String { String(format: "%.0f", value) }
func ratio(_ value: Double) -> String { String(format: "%.2f", value) }

let settings = Settings(arguments: CommandLine.arguments)
say("starting a temporary cluster…")
let cluster = try await LocalCluster.start(.temporary(services: ["bench"]))
do {
    say("pgbench -i -s \(settings.scale)…")
    let configuration = cluster.configuration(forService: "bench")
    try await cluster.runTool(
        "pgbench", ["-i", "-q", "-s", String(settings.scale), "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "bench", "bench"],
        environment: ["PGPASSWORD": configuration.password ?? ""])
    let accounts = 100_000 * settings.scale

    var options = PostgresPool.Options()
    options.maximumConnections = 16
    options.name = "bench"
    let pool = PostgresPool(configuration: configuration, options: options)
    // Open all 16 connections up front (neither side pays for connecting during a measurement).
    _ = try await runPool(pool, concurrency: 16, seconds: 1, accounts: accounts)

    var rows: [(pg1: Double, pg16: Double, pgp1: Double, pgp16: Double, our1: Double, our16: Double, io1: Double, io16: Double, pipe: BatchResult, any: BatchResult)] = []
    for run in 1...settings.runs {
        let d = String(settings.duration)
        let pg1 = try await runPgbench(cluster, ["-S", "-c", "1", "-j", "1", "-T", d])
        let our1 = try await runPool(pool, concurrency: 1, seconds: settings.duration, accounts: accounts)
        let pg16 = try await runPgbench(cluster, ["-S", "-c", "16", "-j", "2", "-T", d])
        let our16 = try await runPool(pool, concurrency: 16, seconds: settings.duration, accounts: accounts)
        let io1 = try await runPool(pool, concurrency: 1, seconds: settings.duration, accounts: accounts, onIOExecutor: true)
        let io16 = try await runPool(pool, concurrency: 16, seconds: settings.duration, accounts: accounts, onIOExecutor: true)
        let pgp1 = try await runPgbench(cluster, ["-S", "-M", "prepared", "-c", "1", "-j", "1", "-T", d])
        let pgp16 = try await runPgbench(cluster, ["-S", "-M", "prepared", "-c", "16", "-j", "2", "-T", d])
        let pipe = try await runBatches(pool, seconds: settings.batchSeconds, accounts: accounts, pipeline: true)
        let any = try await runBatches(pool, seconds: settings.batchSeconds, accounts: accounts, pipeline: false)
        rows.append((pg1, pg16, pgp1, pgp16, our1, our16, io1, io16, pipe, any))
        say("run \(run): pgbench -S c1 \(format(pg1)) / pool c1 \(format(our1)) (\(ratio(our1 / pg1))x); "
            + "pgbench -S c16 \(format(pg16)) / pool c16 \(format(our16)) (\(ratio(our16 / pg16))x); "
            + "pool on the I/O executor c1 \(format(io1)) c16 \(format(io16)); "
            + "pgbench -M prepared c1 \(format(pgp1)) c16 \(format(pgp16)); "
            + "batch pipeline \(format(pipe.batchesPerSecond))/s (\(ratio(pipe.roundTripsPerBatch)) round trips), "
            + "ANY \(format(any.batchesPerSecond))/s (\(ratio(any.roundTripsPerBatch)) round trips)")
    }
    await pool.shutdown()

    let m = (
        pg1: median(rows.map(\.pg1)), pg16: median(rows.map(\.pg16)), pgp1: median(rows.map(\.pgp1)),
        pgp16: median(rows.map(\.pgp16)), our1: median(rows.map(\.our1)), our16: median(rows.map(\.our16)),
        io1: median(rows.map(\.io1)), io16: median(rows.map(\.io16)),
        ratio1: median(rows.map { $0.our1 / $0.pg1 }), ratio16: median(rows.map { $0.our16 / $0.pg16 }),
        ioRatio1: median(rows.map { $0.io1 / $0.pg1 }), ioRatio16: median(rows.map { $0.io16 / $0.pg16 }),
        pipe: median(rows.map(\.pipe.batchesPerSecond)), any: median(rows.map(\.any.batchesPerSecond)),
        pipeTrips: median(rows.map(\.pipe.roundTripsPerBatch)), anyTrips: median(rows.map(\.any.roundTripsPerBatch)))
    say("""

        | single-row SELECT by id | pgbench -S (tps) | PostgresPool (queries/s) | ratio (median of per-run ratios) |
        |---|---:|---:|---:|
        | concurrency 1 | \(format(m.pg1)) | \(format(m.our1)) | \(ratio(m.ratio1))x |
        | concurrency 16 | \(format(m.pg16)) | \(format(m.our16)) | \(ratio(m.ratio16))x |

        | also measured | concurrency 1 | concurrency 16 |
        |---|---:|---:|
        | PostgresPool, tasks on `PostgresTaskExecutor` (queries/s) | \(format(m.io1)) (\(ratio(m.ioRatio1))x) | \(format(m.io16)) (\(ratio(m.ioRatio16))x) |
        | pgbench -S -M prepared (tps) | \(format(m.pgp1)) | \(format(m.pgp16)) |

        | 100-id batch load (one connection) | batches/s | ids/s | round trips per batch |
        |---|---:|---:|---:|
        | pipeline mode, 100 × `WHERE aid = $1` | \(format(m.pipe)) | \(format(m.pipe * 100)) | \(ratio(m.pipeTrips)) |
        | one query, `WHERE aid = ANY($1)` | \(format(m.any)) | \(format(m.any * 100)) | \(ratio(m.anyTrips)) |

        Medians of \(settings.runs) runs, \(settings.duration) s each (batches \(settings.batchSeconds) s), scale \(settings.scale).
        """)
    try await cluster.stop()
} catch {
    try? await cluster.stop()
    throw error
}
