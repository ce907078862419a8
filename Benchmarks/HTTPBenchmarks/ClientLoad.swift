import HTTPKit
import Logging

/// Placeholder until the client lands in this branch.
enum ClientLoad {
    static func run(arguments: BenchmarkArguments, logger: Logger) async throws {}
}
