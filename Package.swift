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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    ],
    targets: [
        // The GraphQL engine, written here: language, type system, validation, execution, federation.
        .target(name: "GraphQLKit"),
        // Reads the oracle's NDJSON cases on stdin, answers them with GraphQLKit on stdout.
        .executableTarget(name: "GraphQLConformance", dependencies: ["GraphQLKit"]),
        .testTarget(name: "GraphQLKitTests", dependencies: ["GraphQLKit"]),
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
    ],
    swiftLanguageModes: [.v6]
)
