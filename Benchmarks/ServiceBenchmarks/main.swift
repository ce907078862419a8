// service-benchmarks: event propagation lag end to end with the real executables — a user
// committed by Identity (`register` over GraphQL) → the row committed in Learning's user_refs by
// its EventConsumer — under an open-loop load of --rate registrations per second.
//
//   swift build -c release --product identity-service --product learning-service --product service-benchmarks
//   .build/release/service-benchmarks [--rate 200] [--duration 60] [--runs 3] [--no-fsync] [--gateway-seconds 10] [--concurrency 32]
//
// Both moments are observed the same way: a trigger (installed by the benchmark as superuser,
// unknown to the services) does pg_notify in the committing transaction — delivered exactly at
// COMMIT — and one LISTEN session per database in this process stamps the arrival on the monotonic
// clock. Lag = Learning's stamp − Identity's stamp; the delivery cost of each side cancels out.
//
// Baseline in the same run, same cluster, same load: a hand-written propagator LISTENing on
// Identity's trigger that commits one INSERT into a table of Learning's database, observed the
// same way — the floor any NOTIFY-woken pipeline pays.
//
// Then the gateway's throughput for `{ me { id firstName tutorProfile { hourlyRate subjects } } }`
// (Identity's `me`, then Learning's `_entities` for the tutor profile), closed loop with
// --concurrency requests in flight over one HTTP/2 connection, --gateway-seconds per run; baseline
// in the same run: the same answer fetched by the client itself from the two subgraphs directly
// (two sequential requests per operation) — what the gateway saves the client, at its own cost.
//
// Registrations use libsodium's minimum Argon2id cost (PASSWORD_HASH_OPS=1,
// PASSWORD_HASH_MEMORY_BYTES=8192): the interactive cost (64 MiB, ~0.1 s of CPU per hash) would
// make 200 registrations/s on 2 cores measure the KDF instead of the event path.
import BenchmarkStatistics
import Foundation
import HTTPKit
import Logging
import NIOCore
import NIOHTTP1
import Postgres
import SupergraphComposition

func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
func format(_ value: Double) -> String { String(format: "%.1f", value) }

/// Command-line settings.
struct Settings {
    var rate = 200.0, duration = 60.0, runs = 3, durable = true, gatewaySeconds = 10.0, concurrency = 32

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--rate": rate = Double(iterator.next() ?? "") ?? rate
            case "--duration": duration = Double(iterator.next() ?? "") ?? duration
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--no-fsync": durable = false
            case "--gateway-seconds": gatewaySeconds = Double(iterator.next() ?? "") ?? gatewaySeconds
            case "--concurrency": concurrency = Int(iterator.next() ?? "") ?? concurrency
            default: say("unknown argument \(argument)"); exit(2)
            }
        }
    }
}
let settings = Settings(CommandLine.arguments)
let rate = settings.rate, duration = settings.duration, runs = settings.runs, durable = settings.durable
let logger: Logger = {
    var logger = Logger(label: "service-benchmarks")
    logger.logLevel = .warning
    return logger
}()
let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path

let durability = durable ? ["fsync": "on", "synchronous_commit": "on", "full_page_writes": "on"] : [:]
say("starting a temporary cluster (\(durable ? "durable commits" : "fsync off"))…")
let cluster = try await LocalCluster.start(.temporary(services: ["identity", "learning"], settings: durability, logger: logger))

func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

let identityPort = try freePort(), learningPort = try freePort()
let environment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    environment["LOG_LEVEL"] = "warning"
    environment["PASSWORD_HASH_OPS"] = "1"
    environment["PASSWORD_HASH_MEMORY_BYTES"] = "8192"
    environment["IDENTITY_EVENTS_URL"] = "http://127.0.0.1:\(identityPort)"
    environment["AUTH_JWKS_URL"] = "http://127.0.0.1:\(identityPort)/.well-known/jwks.json"
    return environment
}()
func launch(_ service: String, port: Int) throws -> Process {
    var env = environment
    env["DATABASE_URL"] = cluster.url(forService: service)
    env["PORT"] = "\(port)"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binaries + "/\(service)-service")
    process.environment = env
    try process.run()
    return process
}
let identityProcess = try launch("identity", port: identityPort)
let learningProcess = try launch("learning", port: learningPort)
let client = HTTPClient(logger: logger)
let identity = client.upstream(HTTPUpstream(host: "127.0.0.1", port: identityPort))
for port in [identityPort, learningPort] {
    let upstream = client.upstream(HTTPUpstream(host: "127.0.0.1", port: port))
    for _ in 0..<600 {
        if (try? await upstream.send(HTTPClientRequest(method: .GET, path: "/health/ready", timeout: .seconds(2))))?.status == .ok { break }
        try await Task.sleep(for: .milliseconds(100))
    }
}

// Observation triggers and the baseline table, as superuser.
let identityAdmin = PostgresPool(configuration: cluster.superuserConfiguration(database: "identity"), logger: logger)
let learningAdmin = PostgresPool(configuration: cluster.superuserConfiguration(database: "learning"), logger: logger)
try await identityAdmin.script("""
    CREATE FUNCTION bench_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('bench_identity', NEW.id::text); RETURN NEW; END $$;
    CREATE TRIGGER bench_notify AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION bench_notify();
    """)
try await learningAdmin.script("""
    CREATE TABLE bench_baseline (user_id uuid PRIMARY KEY);
    CREATE FUNCTION bench_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify(TG_ARGV[0], NEW.user_id::text); RETURN NEW; END $$;
    CREATE TRIGGER bench_notify AFTER INSERT ON user_refs FOR EACH ROW EXECUTE FUNCTION bench_notify('bench_learning');
    CREATE TRIGGER bench_notify AFTER INSERT ON bench_baseline FOR EACH ROW EXECUTE FUNCTION bench_notify('bench_baseline');
    """)

let stamps = Locked<[String: [UUID: ContinuousClock.Instant]]>([:])
func observe(_ configuration: PostgresConfiguration, _ channel: String) async throws -> PostgresListener {
    let listener = PostgresListener(configuration: configuration, logger: logger)
    let stream = try await listener.listen(channel: channel)
    Task {
        for await event in stream {
            guard case .notification(let note) = event, let id = UUID(uuidString: note.payload) else { continue }
            let now = ContinuousClock.now
            stamps.withLock { $0[channel, default: [:]][id] = now }
        }
    }
    return listener
}
let listeners = [
    try await observe(cluster.superuserConfiguration(database: "identity"), "bench_identity"),
    try await observe(cluster.superuserConfiguration(database: "learning"), "bench_learning"),
    try await observe(cluster.superuserConfiguration(database: "learning"), "bench_baseline"),
]
// The baseline propagator: LISTEN on Identity's commits, one INSERT per user into Learning's database.
let baselineListener = PostgresListener(configuration: cluster.superuserConfiguration(database: "identity"), logger: logger)
let baselineStream = try await baselineListener.listen(channel: "bench_identity")
let baselinePool = PostgresPool(configuration: cluster.superuserConfiguration(database: "learning"), logger: logger)
Task {
    for await event in baselineStream {
        guard case .notification(let note) = event, let id = UUID(uuidString: note.payload) else { continue }
        _ = try? await baselinePool.query("INSERT INTO bench_baseline (user_id) VALUES (\(id))")
    }
}

/// Registers one user per 1/rate seconds for `duration`, open loop (not waiting for earlier ones).
func load(run: Int) async -> Int {
    let interval = Duration.seconds(1 / rate)
    let count = Int(rate * duration)
    let failures = Locked(0)
    let start = ContinuousClock.now
    await withTaskGroup(of: Void.self) { group in
        for index in 0..<count {
            try? await Task.sleep(until: start + interval * index, clock: .continuous)
            group.addTask {
                let body = #"{"query":"mutation($i: RegisterInput!) { register(input: $i) { token } }","variables":{"i":{"email":"r\#(run)-\#(index)@bench.example","password":"benchmark-password","firstName":"Bench","lastName":"User \#(index)"}}}"#
                let request = HTTPClientRequest(method: .POST, path: "/graphql", headers: HTTPHeaders([("content-type", "application/json")]),
                                                body: ByteBuffer(string: body), timeout: .seconds(30))
                let ok = (try? await identity.send(request)).map { $0.status == .ok && !String(buffer: $0.body).contains("\"errors\"") } ?? false
                if !ok { failures.withLock { $0 += 1 } }
            }
        }
    }
    return failures.withLock { $0 }
}

func lags(_ channel: String, since ids: Set<UUID>) -> (LatencySummary, missing: Int) {
    stamps.withLock { stamps in
        let origin = stamps["bench_identity"] ?? [:]
        let arrived = stamps[channel] ?? [:]
        var values: [Double] = []
        var missing = 0
        for id in ids {
            guard let start = origin[id] else { continue }
            guard let end = arrived[id] else { missing += 1; continue }
            let lag = start.duration(to: end)
            values.append(max(0, Double(lag.components.seconds) * 1000 + Double(lag.components.attoseconds) / 1e15))
        }
        return (LatencySummary(milliseconds: values), missing)
    }
}

var rows: [(LatencySummary, LatencySummary, Int, Int)] = []
for run in 1...runs {
    say("run \(run): \(Int(rate)) registrations/s for \(Int(duration)) s…")
    let before = Set(stamps.withLock { $0["bench_identity"]?.keys.map { $0 } ?? [] })
    let failures = await load(run: run)
    // Let the tail arrive (bounded).
    for _ in 0..<300 {
        let pending = stamps.withLock { s in (s["bench_identity"] ?? [:]).keys.filter { !before.contains($0) && s["bench_learning"]?[$0] == nil }.count }
        if pending == 0 { break }
        try await Task.sleep(for: .milliseconds(100))
    }
    let ids = Set(stamps.withLock { $0["bench_identity"]?.keys.filter { !before.contains($0) } ?? [] })
    let (service, missing) = lags("bench_learning", since: ids)
    let (baseline, _) = lags("bench_baseline", since: ids)
    say("  services p50 \(format(service.p50)) ms, p90 \(format(service.p90)), p99 \(format(service.p99)), max \(format(service.max)) — \(service.count) events, \(missing) missing, \(failures) failed requests")
    say("  baseline p50 \(format(baseline.p50)) ms, p99 \(format(baseline.p99)), max \(format(baseline.max))")
    rows.append((service, baseline, missing, failures))
}

say("\n| run | services p50 (ms) | p90 | p99 | max | events | missing | NOTIFY baseline p50 (ms) | p99 | max |")
say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for (index, row) in rows.enumerated() {
    say("| \(index + 1) | \(format(row.0.p50)) | \(format(row.0.p90)) | \(format(row.0.p99)) | \(format(row.0.max)) | \(row.0.count) | \(row.2) | \(format(row.1.p50)) | \(format(row.1.p99)) | \(format(row.1.max)) |")
}
say("| **median** | **\(format(median(rows.map(\.0.p50))))** | \(format(median(rows.map(\.0.p90)))) | **\(format(median(rows.map(\.0.p99))))** | \(format(median(rows.map(\.0.max)))) | | | \(format(median(rows.map(\.1.p50)))) | \(format(median(rows.map(\.1.p99)))) | \(format(median(rows.map(\.1.max)))) |")
// MARK: Gateway throughput

let gatewayPort = try freePort()
func graphql(_ port: Int, _ body: String, token: String?) async throws -> String {
    var headers = HTTPHeaders([("content-type", "application/json")])
    if let token { headers.add(name: "authorization", value: "Bearer \(token)") }
    let response = try await client.upstream(HTTPUpstream(host: "127.0.0.1", port: port))
        .send(HTTPClientRequest(method: .POST, path: "/graphql", headers: headers, body: ByteBuffer(string: body), timeout: .seconds(30)))
    return String(buffer: response.body)
}
func json(_ text: String) -> [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
var definitions: [SubgraphDefinition] = []
for (name, port) in [("identity", identityPort), ("learning", learningPort)] {
    let answer = json(try await graphql(port, #"{"query":"{ _service { sdl } }"}"#, token: nil))
    let sdl = ((answer["data"] as? [String: Any])?["_service"] as? [String: Any])?["sdl"] as? String ?? ""
    definitions.append(SubgraphDefinition(name: name, url: "http://127.0.0.1:\(port)/graphql", sdl: sdl))
}
guard case .success(let supergraph) = composeSupergraph(definitions) else { say("composition failed"); exit(1) }
let supergraphPath = cluster.directory + "/supergraph.graphql"
try supergraph.sdl.write(toFile: supergraphPath, atomically: true, encoding: .utf8)
let gatewayProcess = Process()
gatewayProcess.executableURL = URL(fileURLWithPath: binaries + "/gateway")
gatewayProcess.environment = environment.merging(["GATEWAY_PORT": "\(gatewayPort)", "GATEWAY_SUPERGRAPH_FILE": supergraphPath]) { $1 }
try gatewayProcess.run()
for _ in 0..<600 {
    if (try? await client.upstream(HTTPUpstream(host: "127.0.0.1", port: gatewayPort))
        .send(HTTPClientRequest(method: .GET, path: "/health/ready", timeout: .seconds(2))))?.status == .ok { break }
    try await Task.sleep(for: .milliseconds(100))
}
let registered = json(try await graphql(identityPort, #"{"query":"mutation { register(input: {email: \"tutor@bench.example\", password: \"benchmark-password\", firstName: \"Ada\", lastName: \"Tutor\", role: TUTOR}) { token user { id } } }"}"#, token: nil))
let registration = (registered["data"] as? [String: Any])?["register"] as? [String: Any] ?? [:]
let tutorToken = registration["token"] as? String ?? ""
let tutorID = (registration["user"] as? [String: Any])?["id"] as? String ?? ""
for _ in 0..<100 {
    let made = try await graphql(learningPort, #"{"query":"mutation { becomeTutor(input: {hourlyRate: \"45.00\", subjects: [\"math\"], languages: [\"en\"]}) { id } }"}"#, token: tutorToken)
    if !made.contains("errors") { break }
    try await Task.sleep(for: .milliseconds(50))
}
let meQuery = #"{"query":"{ me { id firstName tutorProfile { hourlyRate subjects } } }"}"#
let identityMe = #"{"query":"{ me { id firstName } }"}"#
let learningEntities = #"{"query":"query($r: [_Any!]!) { _entities(representations: $r) { ... on User { tutorProfile { hourlyRate subjects } } } }","variables":{"r":[{"__typename":"User","id":"\#(tutorID)"}]}}"#
let check = try await graphql(gatewayPort, meQuery, token: tutorToken)
say("\ngateway answer: \(check)")

/// Operations per second with `concurrency` in flight for `gatewaySeconds`; `operation` returns whether it succeeded.
func throughput(_ operation: @escaping @Sendable () async -> Bool) async -> (perSecond: Double, failures: Int) {
    let deadline = ContinuousClock.now + .seconds(settings.gatewaySeconds)
    let counts = Locked((ok: 0, failed: 0))
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<settings.concurrency {
            group.addTask {
                while ContinuousClock.now < deadline {
                    let ok = await operation()
                    counts.withLock { ok ? ($0.ok += 1) : ($0.failed += 1) }
                }
            }
        }
    }
    let (ok, failed) = counts.withLock { ($0.ok, $0.failed) }
    return (Double(ok) / settings.gatewaySeconds, failed)
}
var gatewayRows: [(Double, Double, Int)] = []
for run in 1...runs {
    let viaGateway = await throughput {
        (try? await graphql(gatewayPort, meQuery, token: tutorToken)).map { $0.contains("hourlyRate") && !$0.contains("errors") } ?? false
    }
    let direct = await throughput {
        guard let first = try? await graphql(identityPort, identityMe, token: tutorToken), first.contains("firstName"),
              let second = try? await graphql(learningPort, learningEntities, token: tutorToken), second.contains("hourlyRate") else { return false }
        return true
    }
    say("run \(run): gateway \(format(viaGateway.perSecond)) op/s (\(viaGateway.failures) failed); client calling both subgraphs \(format(direct.perSecond)) op/s")
    gatewayRows.append((viaGateway.perSecond, direct.perSecond, viaGateway.failures + direct.failures))
}
say("\n| run | gateway `me { … tutorProfile { … } }` (op/s) | client → both subgraphs directly (op/s) | failed |")
say("|---|---:|---:|---:|")
for (index, row) in gatewayRows.enumerated() { say("| \(index + 1) | \(format(row.0)) | \(format(row.1)) | \(row.2) |") }
say("| **median** | **\(format(median(gatewayRows.map(\.0))))** | \(format(median(gatewayRows.map(\.1)))) | |")
kill(gatewayProcess.processIdentifier, SIGTERM)
gatewayProcess.waitUntilExit()

let usersInIdentity = try await identityAdmin.query("SELECT count(*) FROM users")[0].decode(Int64.self, at: 0)
let refsInLearning = try await learningAdmin.query("SELECT count(*) FROM user_refs")[0].decode(Int64.self, at: 0)
say("users in identity: \(usersInIdentity); user_refs in learning: \(refsInLearning)")

kill(learningProcess.processIdentifier, SIGTERM)
kill(identityProcess.processIdentifier, SIGTERM)
learningProcess.waitUntilExit()
identityProcess.waitUntilExit()
for listener in listeners { await listener.shutdown() }
await baselineListener.shutdown()
await baselinePool.shutdown()
await identityAdmin.shutdown()
await learningAdmin.shutdown()
await client.shutdown()
try await cluster.stop()
