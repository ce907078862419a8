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
        .library(name: "Postgres", targets: ["Postgres"]),
        .library(name: "PostgresTestSupport", targets: ["PostgresTestSupport"]),
        .executable(name: "postgres-benchmarks", targets: ["PostgresBenchmarks"]),
        .library(name: "HTTPKit", targets: ["HTTPKit"]),
        .executable(name: "graphql-kit-benchmarks", targets: ["GraphQLKitBenchmarks"]),
        .executable(name: "graphql-execution-benchmarks", targets: ["GraphQLExecutionBenchmarks"]),
        .executable(name: "graphql-validation-benchmarks", targets: ["GraphQLValidationBenchmarks"]),
        .library(name: "EventKit", targets: ["EventKit"]),
        .library(name: "GraphQLHTTP", targets: ["GraphQLHTTP"]),
        .library(name: "SupergraphComposition", targets: ["SupergraphComposition"]),
        .executable(name: "event-benchmarks", targets: ["EventBenchmarks"]),
        .library(name: "ServiceRuntime", targets: ["ServiceRuntime"]),
        .executable(name: "identity-service", targets: ["IdentityService"]),
        .executable(name: "learning-service", targets: ["LearningService"]),
        .executable(name: "suite-run", targets: ["SuiteRunner"]),
        .executable(name: "service-benchmarks", targets: ["ServiceBenchmarks"]),
        .library(name: "GatewayCore", targets: ["GatewayCore"]),
        .executable(name: "gateway", targets: ["Gateway"]),
        .executable(name: "gateway-benchmark", targets: ["GatewayBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-atomics.git", from: "1.3.0"),
    ],
    targets: [
        // The GraphQL engine, written here: language, type system, validation, execution, federation.
        // -disable-large-loadable-types-reg2mem: with the reg2mem pass (Swift 6.3) every
        // construction of a large AST struct (Field, FieldDefinition, …) compiled to a full copy
        // plus a destroy of the original, a large share of parse time (BENCHMARKS.md, "Parse").
        .target(name: "GraphQLKit", swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-large-loadable-types-reg2mem"])]),
        // Reads the oracle's NDJSON cases on stdin, answers them with GraphQLKit on stdout.
        .executableTarget(name: "GraphQLConformance", dependencies: ["GraphQLConformanceKit"]),
        .testTarget(name: "GraphQLKitTests", dependencies: ["GraphQLKit", "GraphQLConformanceKit"]),
        // The case-answering logic of graphql-conformance, callable in-process by the tests.
        .target(name: "GraphQLConformanceKit", dependencies: ["GraphQLKit"]),
        // Release-mode measurements: parse speed (vs graphql-js, Benchmarks/run-parse-benchmarks) and stack use.
        .executableTarget(name: "GraphQLKitBenchmarks", dependencies: ["GraphQLKit", "BenchmarkStatistics"], path: "Benchmarks/GraphQLKitBenchmarks"),
        // libpq's C headers; only the Postgres module imports it.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // epoll, eventfd and posix_spawn extras (Linux C library headers) for the Postgres module.
        .systemLibrary(name: "CPostgresLinux"),
        // libpq made async: connections driven by an I/O thread, pool, transactions, typed rows,
        // LISTEN/NOTIFY, pipeline mode, migrations and the local cluster manager.
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                "CPostgresLinux",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // A shared throwaway cluster (or TEST_DATABASE_URL) and per-test databases for any test target.
        .target(name: "PostgresTestSupport", dependencies: ["Postgres"]),
        .testTarget(
            name: "PostgresTests",
            dependencies: [
                "Postgres", "PostgresTestSupport",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
        // Pool round trips and batch loads side by side with pgbench -S on the same cluster.
        .executableTarget(
            name: "PostgresBenchmarks",
            dependencies: ["Postgres"],
            path: "Benchmarks/PostgresBenchmarks"
        ),
        // libnghttp2's C API (HTTP/2 framing, HPACK, flow control); imported only by HTTPKit.
        .systemLibrary(name: "CNGHTTP2", pkgConfig: "libnghttp2", providers: [.apt(["libnghttp2-dev"])]),
        // HTTP/1.1 (SwiftNIO) and HTTP/2 (libnghttp2) server and client, routing, health, metrics.
        .target(
            name: "HTTPKit",
            dependencies: [
                "CNGHTTP2",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        // Runs external peers (curl, nghttp, h2load) from tests without blocking Swift's cooperative pool.
        .target(name: "ProcessTestSupport"),
        .testTarget(
            name: "HTTPKitTests",
            dependencies: [
                "HTTPKit", "ProcessTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // GraphQL over HTTP (the GraphQL-over-HTTP specification) on HTTPKit: GET/POST, Accept
        // negotiation, status codes, request caching; `ExecutableSchemaHTTPExecutor` serves a GraphQLKit schema.
        .target(
            name: "GraphQLHTTP",
            dependencies: [
                "GraphQLKit", "HTTPKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "GraphQLHTTPTests",
            dependencies: [
                "GraphQLHTTP", "GraphQLKit", "HTTPKit", "ProcessTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Release-mode benchmark: a bare SwiftNIO server vs HTTPKit, and HTTPKit's client (see BENCHMARKS.md).
        .executableTarget(
            name: "HTTPBenchmarks",
            dependencies: [
                "HTTPKit", "GraphQLHTTP", "GraphQLKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/HTTPBenchmarks"
        ),
        // Release-mode measurements of schema building and execution (W2, W4–W7) vs graphql-js,
        // Benchmarks/run-execution-benchmarks.
        .executableTarget(name: "GraphQLExecutionBenchmarks", dependencies: ["GraphQLKit", "BenchmarkStatistics"], path: "Benchmarks/GraphQLKitExecutionBenchmarks"),
        // Validation speed (vs graphql-js, Benchmarks/run-validation-benchmarks): W3 and a large generated query.
        .executableTarget(name: "GraphQLValidationBenchmarks", dependencies: ["GraphQLKit", "BenchmarkStatistics"], path: "Benchmarks/GraphQLKitValidationBenchmarks"),
        // Events between services: the transactional outbox, the HTTP event feed (long-poll, snapshot,
        // retention) and the consumer that fills reference tables exactly once (see README "Events").
        .target(
            name: "EventKit",
            dependencies: [
                "Postgres",
                "HTTPKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "EventKitTests",
            dependencies: [
                "EventKit", "Postgres", "PostgresTestSupport", "HTTPKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Federation composition: subgraph SDLs -> join-spec supergraph (Apollo's rules and error codes),
        // supergraphs composed elsewhere, and the API schema clients see.
        .target(name: "SupergraphComposition", dependencies: ["GraphQLKit"]),
        .testTarget(name: "SupergraphCompositionTests", dependencies: ["SupergraphComposition", "GraphQLKit"]),
        // What the benchmark executables share: latency percentiles and medians, the process CPU clock,
        // reading input files (the GitHub schema).
        .target(name: "BenchmarkStatistics", path: "Benchmarks/BenchmarkStatistics"),
        // Release-mode benchmark: event propagation lag, producer commit -> consumer commit (BENCHMARKS.md).
        .executableTarget(
            name: "EventBenchmarks",
            dependencies: [
                "BenchmarkStatistics",
                "EventKit", "Postgres", "HTTPKit",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/EventBenchmarks"
        ),
        // The gateway's engine: supergraph model and API schema, query planner, plan executor
        // over HTTP/2 to the subgraphs (see README "Gateway").
        .target(
            name: "GatewayCore",
            dependencies: [
                "GraphQLKit", "HTTPKit", "GraphQLHTTP", "SupergraphComposition", "TokenAuth",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The gateway executable: configuration from the environment, HTTP server, hot reload.
        .executableTarget(
            name: "Gateway",
            dependencies: [
                "GatewayCore", "HTTPKit", "TokenAuth",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Release-mode benchmark: the graphql-gateways-benchmark scenario, gateway vs monolith vs
        // the subgraphs' own capacity (BENCHMARKS.md).
        .executableTarget(
            name: "GatewayBenchmark",
            dependencies: [
                "GatewayCore", "GraphQLKit", "HTTPKit", "BenchmarkStatistics",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/GatewayBenchmark"
        ),
        .testTarget(
            name: "GatewayCoreTests",
            dependencies: [
                "GatewayCore", "GraphQLKit", "HTTPKit", "GraphQLHTTP", "TokenAuth",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libsodium's C API (Argon2id password hashing, Ed25519 signatures); imported by TokenAuth and ServiceRuntime.
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        // Service tokens shared by the services and the gateway: EdDSA JWTs, JWKS, Ed25519 keys (libsodium)
        // and `TokenVerifier` (keys fetched over HTTPKit's client, refreshed on an unknown `kid`).
        .target(
            name: "TokenAuth",
            dependencies: [
                "CSodium", "HTTPKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What every service shares: configuration, logs, metrics, health, GraphQL over HTTP, auth
        // (signed tokens, JWKS, password hashing), migrations, events (EventKit) and graceful shutdown.
        .target(
            name: "ServiceRuntime",
            dependencies: [
                "GraphQLKit", "GraphQLHTTP", "Postgres", "HTTPKit", "EventKit", "CSodium", "TokenAuth",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ServiceRuntimeTests",
            dependencies: ["ServiceRuntime", "GraphQLKit", "HTTPKit", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio")]
        ),
        // The Identity subgraph (users, sessions, tokens; produces identity.user.* events), port 4001.
        .executableTarget(
            name: "IdentityService",
            dependencies: ["ServiceRuntime", "GraphQLKit", "GraphQLHTTP", "Postgres", "EventKit", .product(name: "Logging", package: "swift-log")],
            exclude: ["Schema.graphql"]
        ),
        // The Learning subgraph (tutors, students, courses, lessons; consumes identity.user.*), port 4002.
        .executableTarget(
            name: "LearningService",
            dependencies: ["ServiceRuntime", "GraphQLKit", "GraphQLHTTP", "Postgres", "EventKit", .product(name: "Logging", package: "swift-log")],
            exclude: ["Schema.graphql"]
        ),
        // `infra/run`: the development cluster, migrations, the services, demo data, clean stop on Ctrl-C.
        .executableTarget(
            name: "SuiteRunner",
            dependencies: [
                "Postgres", "HTTPKit", "SupergraphComposition", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Release-mode benchmark: event propagation lag Identity -> Learning with the real executables.
        .executableTarget(
            name: "ServiceBenchmarks",
            dependencies: [
                "BenchmarkStatistics",
                "Postgres", "HTTPKit", "SupergraphComposition", .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/ServiceBenchmarks"
        ),
        // End to end: the real service executables on a real cluster, the event fault cases.
        .testTarget(
            name: "ServicesEndToEndTests",
            dependencies: [
                "Postgres", "PostgresTestSupport", "HTTPKit", "GraphQLKit", "SupergraphComposition",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
