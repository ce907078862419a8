// swift-tools-version:6.0
// The federated GraphQL suite: GraphQLKit (our GraphQL engine), the data and HTTP layers,
// the gateway and six services. See README.md and ../shared/design/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "tutoring-federation",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "GraphQLKit", targets: ["GraphQLKit"]),
        .executable(name: "graphql-conformance", targets: ["GraphQLConformance"]),
        .executable(name: "graphql-kit-benchmarks", targets: ["GraphQLKitBenchmarks"]),
        .executable(name: "graphql-execution-benchmarks", targets: ["GraphQLExecutionBenchmarks"]),
    ],
    dependencies: [],
    targets: [
        // The GraphQL engine, written here: language, type system, validation, execution, federation.
        .target(name: "GraphQLKit"),
        // Reads the oracle's NDJSON cases on stdin, answers them with GraphQLKit on stdout.
        .executableTarget(name: "GraphQLConformance", dependencies: ["GraphQLConformanceKit"]),
        .testTarget(name: "GraphQLKitTests", dependencies: ["GraphQLKit", "GraphQLConformanceKit"]),
        // The case-answering logic of graphql-conformance, callable in-process by the tests.
        .target(name: "GraphQLConformanceKit", dependencies: ["GraphQLKit"]),
        // Release-mode measurements: parse speed (vs graphql-js, Benchmarks/run-parse-benchmarks) and stack use.
        .executableTarget(name: "GraphQLKitBenchmarks", dependencies: ["GraphQLKit"], path: "Benchmarks/GraphQLKitBenchmarks"),
        // Release-mode measurements of schema building and execution (W2, W4–W7) vs graphql-js,
        // Benchmarks/run-execution-benchmarks.
        .executableTarget(name: "GraphQLExecutionBenchmarks", dependencies: ["GraphQLKit"], path: "Benchmarks/GraphQLKitExecutionBenchmarks"),
    ],
    swiftLanguageModes: [.v6]
)
