import Postgres

/// Runs `body` with a temporary cluster of its own (for tests that stop or restart the server) and
/// stops it afterwards, also when `body` throws.
func withOwnCluster<R>(services: [String] = ["learning"], _ body: (LocalCluster) async throws -> R) async throws -> R {
    let cluster = try await LocalCluster.start(.temporary(services: services))
    do {
        let result = try await body(cluster)
        try await cluster.stop()
        return result
    } catch {
        try? await cluster.stop()
        throw error
    }
}
