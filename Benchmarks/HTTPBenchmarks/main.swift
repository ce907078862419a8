// HTTPBenchmarks: the servers and the client load generator that Benchmarks/run-http.sh drives.
//
//   HTTPBenchmarks serve-bare --port 9001     bare SwiftNIO HTTP/1.1 server, static bytes (baseline)
//   HTTPBenchmarks serve-kit  --port 9002     HTTPKit server (HTTP/1.1 + h2c), same static bytes
//   HTTPBenchmarks serve-graphql --port 9003  GraphQLHTTP endpoint /graphql on HTTPKit (GraphQLKit schema)
//   HTTPBenchmarks client --port 9002 --protocol h2|h1 --requests N --concurrency C [--connections K]
//
// Servers print "listening <port>" and run until stdin closes or SIGTERM. Build with -c release.
import Foundation
import HTTPKit
import Logging
import NIOCore
import NIOPosix

/// What the GraphQL endpoint answers to `{ __typename }`; both servers send these bytes.
let staticBody = Array(#"{"data":{"__typename":"Query"}}"#.utf8)

let arguments = BenchmarkArguments(CommandLine.arguments.dropFirst())
var logger = Logger(label: "http-benchmarks")
logger.logLevel = .warning

switch arguments.command {
case "serve-bare":
    let group = MultiThreadedEventLoopGroup(numberOfThreads: arguments.int("threads", default: 1))
    let channel = try await BareNIOServer.start(host: "127.0.0.1", port: arguments.int("port", default: 0), body: staticBody, group: group)
    announce("listening \(channel.localAddress?.port ?? 0)")
    await waitForStdinToClose()
    try await channel.close().get()
case "serve-kit":
    let group = MultiThreadedEventLoopGroup(numberOfThreads: arguments.int("threads", default: 1))
    let server = HTTPServer(
        configuration: HTTPServerConfiguration(host: "127.0.0.1", port: arguments.int("port", default: 0)),
        responder: StaticBenchmarkRoutes.router(body: staticBody),
        eventLoopGroup: group,
        logger: logger
    )
    try await server.start()
    announce("listening \(server.port ?? 0)")
    await waitForStdinToClose()
    await server.shutdown()
case "serve-graphql":
    let group = MultiThreadedEventLoopGroup(numberOfThreads: arguments.int("threads", default: 1))
    let server = HTTPServer(
        configuration: HTTPServerConfiguration(host: "127.0.0.1", port: arguments.int("port", default: 0)),
        responder: try GraphQLBenchmarkRoutes.router(),
        eventLoopGroup: group,
        logger: logger
    )
    try await server.start()
    announce("listening \(server.port ?? 0)")
    await waitForStdinToClose()
    await server.shutdown()
case "client":
    try await ClientLoad.run(arguments: arguments, logger: logger)
default:
    FileHandle.standardError.write(Data("usage: HTTPBenchmarks serve-bare|serve-kit|serve-graphql|client [--port N] ...\n".utf8))
    exit(2)
}

/// Prints one line and flushes it at once (the runner script waits for it).
func announce(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Blocks (off the cooperative pool) until stdin reaches EOF: the runner script holds it open.
func waitForStdinToClose() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        Thread.detachNewThread {
            while let line = readLine(), line != "quit" {}
            continuation.resume()
        }
    }
}
