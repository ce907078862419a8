import Foundation
import HTTPKit
import Logging
import Postgres

// `infra/run`: starts the development PostgreSQL cluster (persistent folder, one database + role
// per service), the services (each applies its migrations at start), waits until all are ready,
// prints the endpoints, and on Ctrl-C (or SIGTERM) stops the services gracefully, then the cluster.

let options: RunnerOptions
do {
    options = try RunnerOptions(arguments: CommandLine.arguments)
} catch let error as UsageError {
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    exit(error.message.hasPrefix("usage") ? 0 : 2)
}

/// Prints a line at once (stdout may be a pipe or file, where print would buffer).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

var logger = Logger(label: "suite-run")
logger.logLevel = .info
let ports = ["gateway": 4000, "identity": 4001, "learning": 4002, "payment": 4003, "communication": 4004, "ai": 4005, "analytics": 4006]
let stopRequested = AsyncStream<Int32>.makeStream()
signal(SIGINT, SIG_IGN)
signal(SIGTERM, SIG_IGN)
let signalSources = [SIGINT, SIGTERM].map { number in
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler { stopRequested.continuation.yield(number) }
    source.resume()
    return source
}

let cluster = try await LocalCluster.start(.persistent(directory: options.dataDirectory, logger: logger))
say("PostgreSQL: 127.0.0.1:\(cluster.port), data in \(cluster.directory)")
let adminPassword = ProcessInfo.processInfo.environment["IDENTITY_ADMIN_PASSWORD"] ?? "admin-password-1"
var children: [ChildProcess] = []
let client = HTTPClient(logger: logger)

@MainActor func stopAll() async {
    for child in children.reversed() { child.stop() }
    await client.shutdown()
    try? await cluster.stop()
}

do {
    for service in options.services {
        guard let port = ports[service] else { throw UsageError(message: "unknown service \(service)") }
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = cluster.url(forService: service)
        environment["PORT"] = "\(port)"
        environment["IDENTITY_EVENTS_URL"] = environment["IDENTITY_EVENTS_URL"] ?? "http://127.0.0.1:4001"
        environment["AUTH_JWKS_URL"] = environment["AUTH_JWKS_URL"] ?? "http://127.0.0.1:4001/.well-known/jwks.json"
        if service == "gateway" {
            // The subgraphs started before it are composed here into the supergraph file it serves.
            let path = URL(fileURLWithPath: cluster.directory).deletingLastPathComponent().path + "/supergraph.graphql"
            let subgraphs = options.services.filter { $0 != "gateway" }.compactMap { name in
                ports[name].map { (name: name, port: $0, caller: GraphQLCaller(client: client.upstream(HTTPUpstream(host: "127.0.0.1", port: $0)))) }
            }
            try await SupergraphFile.write(subgraphs: subgraphs, to: path)
            environment["GATEWAY_PORT"] = "\(port)"
            environment["GATEWAY_SUPERGRAPH_FILE"] = path
            // The gateway verifies bearer tokens against Identity's key set before planning.
            environment["GATEWAY_JWKS_URL"] = environment["GATEWAY_JWKS_URL"] ?? environment["AUTH_JWKS_URL"]
        }
        if service == "identity" {
            environment["IDENTITY_ADMIN_EMAIL"] = environment["IDENTITY_ADMIN_EMAIL"] ?? "admin@example.com"
            environment["IDENTITY_ADMIN_PASSWORD"] = adminPassword
        }
        let executable = options.binaryDirectory + (service == "gateway" ? "/gateway" : "/\(service)-service")
        let child = ChildProcess(name: service, executable: executable, environment: environment)
        try child.start()
        children.append(child)
        let caller = GraphQLCaller(client: client.upstream(HTTPUpstream(host: "127.0.0.1", port: port)))
        var ready = false
        for _ in 0..<600 where child.isRunning {
            if await caller.isOK("/health/ready") { ready = true; break }
            try await Task.sleep(for: .milliseconds(100))
        }
        guard ready else { throw UsageError(message: "\(service) did not become ready (see its log above)") }
        say("\(service): http://127.0.0.1:\(port)/graphql  (health /health/ready, metrics /metrics\(service == "identity" ? ", events /events, keys /.well-known/jwks.json" : ""))")
    }
    if options.demo {
        let identity = GraphQLCaller(client: client.upstream(HTTPUpstream(host: "127.0.0.1", port: 4001)))
        let learning = options.services.contains("learning")
            ? GraphQLCaller(client: client.upstream(HTTPUpstream(host: "127.0.0.1", port: 4002))) : nil
        let lines = try await DemoData.load(identity: identity, learning: learning)
        say("demo data loaded:\n" + lines.joined(separator: "\n"))
    }
    say("admin: admin@example.com / \(adminPassword)")
    if options.services.contains("gateway") {
        say("endpoint: http://127.0.0.1:4000/graphql (the gateway; subgraphs on :4001 identity, :4002 learning)")
    } else {
        say("endpoint: http://127.0.0.1:4001/graphql (identity), http://127.0.0.1:4002/graphql (learning)")
    }
    say("ready; press Ctrl-C to stop")
    if !options.exitWhenReady {
        // Stop on a signal, or when a service exits by itself.
        let started = children
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for await _ in stopRequested.stream { return } }
            group.addTask {
                while !Task.isCancelled {
                    if started.contains(where: { !$0.isRunning }) { return }
                    try? await Task.sleep(for: .milliseconds(250))
                }
            }
            await group.next()
            group.cancelAll()
        }
        if let dead = children.first(where: { !$0.isRunning }) {
            say("\(dead.name) exited (status \(dead.process.terminationStatus)); stopping everything")
        }
    }
    say("stopping…")
    await stopAll()
    say("stopped")
    _ = signalSources
} catch {
    FileHandle.standardError.write(Data("infra/run: \(error)\n".utf8))
    await stopAll()
    exit(1)
}
