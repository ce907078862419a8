// graphql-execution-benchmarks: schema building and execution speed (issue 3's W2, W4–W7),
// built in release mode and compared with graphql-js by Benchmarks/run-execution-benchmarks.
//
//   graphql-execution-benchmarks WORKLOAD [SECONDS]   ops per CPU-second for W2, W4, W5, W6 or W7
//   graphql-execution-benchmarks output WORKLOAD      the response JSON (to compare with graphql-js's)
//   graphql-execution-benchmarks repeat WORKLOAD N    N operations, for profiling (perf, callgrind)
//
// Workloads:
//   W2  buildSchema of the GitHub schema SDL (parse included, as in graphql-js's buildSchema)
//   W4  the standard introspection query against the GitHub schema (execution only: prepared
//       document, plan cached)
//   W5  { items { id name price inStock tags } } over 1000 in-memory items
//   W6  100 users × 10 posts × 5 comments
//   W7  parse + validate + execute of a small query with a variable, every time from text
import BenchmarkStatistics
import GraphQLKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String) -> Never {
    let line = Array("graphql-execution-benchmarks: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

func githubSDL() -> String {
    guard let sdl = readGitHubSchemaSDL() else { fail("github-schema.graphql not found (set SHARED_DIR)") }
    return sdl
}

/// One operation of a workload: returns the response bytes' length (so nothing is optimized away).
typealias Operation = () async -> Int

func workload(_ name: String) async throws -> Operation {
    switch name {
    case "W2":
        let sdl = githubSDL()
        return { ((try? buildSchema(sdl))?.types.count) ?? 0 }
    case "W4":
        let executable = try ExecutableSchema<Void>(schema: try buildSchema(githubSDL()))
        let prepared = executable.prepare(IntrospectionQuery.standard)
        return { await executable.execute(prepared: prepared, context: ()).serialized().count }
    case "W5":
        let executable = try ItemsWorkload.schema()
        let prepared = executable.prepare(ItemsWorkload.query)
        return { await executable.execute(prepared: prepared, context: ()).serialized().count }
    case "W6":
        let executable = try NestedWorkload.schema()
        let prepared = executable.prepare(NestedWorkload.query)
        return { await executable.execute(prepared: prepared, context: ()).serialized().count }
    case "W7":
        // Parse + validate (the specified rules) + execute from text, no caching.
        let executable = try LookupWorkload.schema(validator: .none)
        return {
            guard let document = try? Parser.parse(LookupWorkload.query) else { return 0 }
            let errors = DocumentValidator.specified.validate(executable.schema, document)
            if !errors.isEmpty { return 0 }
            return await executable.execute(document: document, variables: LookupWorkload.variables, context: ()).serialized().count
        }
    default:
        fail("unknown workload \(name) (W2, W4, W5, W6, W7)")
    }
}

/// The measurement runs off the main actor, on the concurrency pool as a server's request
/// handling does: awaiting the executor from main.swift's top level would hop to the pool and
/// back on every operation, which is harness overhead, not GraphQLKit's.
func main() async {
let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: WORKLOAD [SECONDS] | output WORKLOAD | repeat WORKLOAD N") }
do {
    switch arguments[1] {
    case "output":
        guard arguments.count >= 3 else { fail("usage: output WORKLOAD") }
        let name = arguments[2]
        switch name {
        case "W4":
            let executable = try ExecutableSchema<Void>(schema: try buildSchema(githubSDL()))
            print(String(decoding: await executable.execute(GraphQLRequest(query: IntrospectionQuery.standard), context: ()).serialized(), as: UTF8.self))
        case "W5":
            let executable = try ItemsWorkload.schema()
            print(String(decoding: await executable.execute(GraphQLRequest(query: ItemsWorkload.query), context: ()).serialized(), as: UTF8.self))
        case "W6":
            let executable = try NestedWorkload.schema()
            print(String(decoding: await executable.execute(GraphQLRequest(query: NestedWorkload.query), context: ()).serialized(), as: UTF8.self))
        case "W7":
            let executable = try LookupWorkload.schema(validator: .none)
            print(String(decoding: await executable.execute(GraphQLRequest(query: LookupWorkload.query, variables: LookupWorkload.variables), context: ()).serialized(), as: UTF8.self))
        case "W2":
            print(try printSchema(try buildSchema(githubSDL())))
        default:
            fail("unknown workload \(name)")
        }
    case "repeat":
        guard arguments.count >= 4, let times = Int(arguments[3]) else { fail("usage: repeat WORKLOAD N") }
        let operation = try await workload(arguments[2])
        var total = 0
        for _ in 0..<times { total &+= await operation() }
        print(total)
    default:
        let seconds = arguments.count >= 3 ? Double(arguments[2]) ?? 2 : 2
        let operation = try await workload(arguments[1])
        var sink = 0
        let warmUpEnd = processCPUSeconds() + 0.5
        while processCPUSeconds() < warmUpEnd { sink &+= await operation() }
        let start = processCPUSeconds()
        var operations = 0
        var now = start
        while now - start < seconds {
            sink &+= await operation()
            operations += 1
            now = processCPUSeconds()
        }
        if sink == 0 { fail("the workload produced nothing") }
        print((Double(operations) / (now - start) * 10).rounded() / 10)
    }
} catch {
    fail("\(error)")
}
}

await Task.detached { await main() }.value
