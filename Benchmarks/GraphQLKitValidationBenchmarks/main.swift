// graphql-validation-benchmarks: validation speed (issue 4), built in release mode and
// compared with graphql-js by Benchmarks/run-validation-benchmarks. The document is parsed
// once; an operation is `validate(schema:document:)` with the specified rules.
//
//   graphql-validation-benchmarks WORKLOAD [SECONDS] [QUERY_FILE]   ops per CPU-second
//   graphql-validation-benchmarks output WORKLOAD [QUERY_FILE]      the error messages, then "errors: N"
//
// Workloads:
//   W3     the standard introspection query against the GitHub schema
//   LARGE  the generated large query (Benchmarks/generate-large-query.js) against the GitHub schema
import BenchmarkStatistics
import GraphQLKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String) -> Never {
    let line = Array("graphql-validation-benchmarks: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

func githubSDL() -> String {
    guard let sdl = readGitHubSchemaSDL() else { fail("github-schema.graphql not found (set SHARED_DIR)") }
    return sdl
}

func workload(_ name: String, _ queryFile: String?) throws -> () -> [GraphQLError] {
    let schema = try buildSchema(githubSDL())
    guard schema.validationErrors.isEmpty else { fail("the GitHub schema is invalid") }
    let text: String
    switch name {
    case "W3": text = IntrospectionQuery.standard
    case "LARGE":
        guard let queryFile, let contents = readFile(queryFile) else { fail("LARGE needs the query file") }
        text = contents
    default: fail("unknown workload \(name) (W3, LARGE)")
    }
    let document = try Parser.parse(text)
    return { validate(schema: schema, document: document) }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: WORKLOAD [SECONDS] [QUERY_FILE] | output WORKLOAD [QUERY_FILE]") }
do {
    if arguments[1] == "output" {
        guard arguments.count >= 3 else { fail("usage: output WORKLOAD [QUERY_FILE]") }
        let errors = try workload(arguments[2], arguments.count >= 4 ? arguments[3] : nil)()
        for error in errors { print(error.message) }
        print("errors: \(errors.count)")
    } else {
        let seconds = arguments.count >= 3 ? Double(arguments[2]) ?? 2 : 2
        let run = try workload(arguments[1], arguments.count >= 4 ? arguments[3] : nil)
        var sink = 0
        let warmUpEnd = processCPUSeconds() + 0.5
        while processCPUSeconds() < warmUpEnd { sink &+= run().count + 1 }
        let start = processCPUSeconds()
        var operations = 0
        var now = start
        while now - start < seconds {
            sink &+= run().count + 1
            operations += 1
            now = processCPUSeconds()
        }
        if sink == 0 { fail("nothing ran") }
        print((Double(operations) / (now - start) * 10).rounded() / 10)
    }
} catch {
    fail("\(error)")
}
