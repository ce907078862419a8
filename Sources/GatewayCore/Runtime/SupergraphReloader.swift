import Logging
import ServiceLifecycle

/// Polls the supergraph source at a fixed interval and hands each result to the runtime
/// (which swaps or keeps). Stops on graceful shutdown.
public struct SupergraphReloader: Service {
    public let runtime: GatewayRuntime
    public let interval: Duration

    public init(runtime: GatewayRuntime, interval: Duration) {
        self.runtime = runtime
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                // The wait ends early on graceful shutdown, so a long interval never delays it.
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            if Task.isShuttingDownGracefully { return }
            await runtime.reload()
        }
    }
}
