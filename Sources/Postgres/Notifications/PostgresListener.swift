import Logging
import Synchronization

/// What a listener's subscription yields.
public enum PostgresListenerEvent: Sendable, Hashable {
    /// A NOTIFY on the subscribed channel.
    case notification(PostgresNotification)
    /// The listener lost its connection and is listening again on a new one. Notifications sent while
    /// it was disconnected are lost (PostgreSQL does not queue them for absent listeners): re-read
    /// whatever the notifications stand for.
    case reconnected
}

/// LISTEN/NOTIFY on a dedicated connection, as async sequences. The listener reconnects by itself
/// (with capped exponential back-off) and re-issues LISTEN for every subscribed channel, then tells
/// each subscriber `.reconnected`.
///
/// PostgreSQL delivers a notification only to sessions listening at commit time, so anything sent
/// while the listener was disconnected is gone: consumers must also poll periodically (and re-poll on
/// `.reconnected`); notifications are a wake-up, never the only source of truth.
///
/// ```swift
/// let listener = PostgresListener(configuration: config, logger: logger)
/// let events = try await listener.listen(channel: "outbox")   // returns once LISTEN is active
/// for await event in events {
///     switch event {
///     case .notification(let note): print(note.payload)
///     case .reconnected: await pollEverything()
///     }
/// }
/// await listener.shutdown()
/// ```
public final class PostgresListener: Sendable {
    private struct Subscriber {
        let channel: String
        let continuation: AsyncStream<PostgresListenerEvent>.Continuation
    }

    private struct State {
        var subscribers: [Int: Subscriber] = [:]
        var nextID = 0
        /// Channels LISTENed on the current connection.
        var listening: Set<String> = []
        var connection: PostgresConnection?
        var readinessWaiters: [CheckedContinuation<Void, any Error>] = []
        var runner: Task<Void, Never>?
        var stopped = false
        var wanted: Set<String> { Set(subscribers.values.map(\.channel)) }
    }

    public let configuration: PostgresConfiguration
    private let logger: Logger
    private let initialBackoff: Duration
    private let maximumBackoff: Duration
    private let bufferSize: Int
    private let state = Mutex(State())

    /// - Parameters:
    ///   - initialBackoff / maximumBackoff: delay between reconnection attempts (doubling, capped).
    ///   - bufferSize: notifications kept per subscriber that has not consumed them yet (oldest dropped beyond).
    public init(
        configuration: PostgresConfiguration, logger: Logger = Logger(label: "postgres.listener"),
        initialBackoff: Duration = .milliseconds(100), maximumBackoff: Duration = .seconds(5), bufferSize: Int = 10_000
    ) {
        self.configuration = configuration
        self.logger = logger
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.bufferSize = bufferSize
    }

    /// Subscribes to `channel`; returns once the server confirmed LISTEN (so a NOTIFY sent after this
    /// returns is delivered). Throws if the listener cannot connect (it keeps retrying in the background
    /// for its other subscribers) or was shut down. Ending the iteration ends the subscription.
    public func listen(channel: String) async throws -> AsyncStream<PostgresListenerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: PostgresListenerEvent.self, bufferingPolicy: .bufferingNewest(bufferSize))
        let id = try state.withLock { state -> Int in
            if state.stopped { throw PostgresError(code: .connectionClosed, message: "the listener is shut down") }
            state.nextID += 1
            state.subscribers[state.nextID] = Subscriber(channel: channel, continuation: continuation)
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        startRunnerIfNeeded()
        do {
            try await ensureListening(channel)
        } catch {
            _ = state.withLock { $0.subscribers.removeValue(forKey: id) }
            continuation.finish()
            throw error
        }
        return stream
    }

    /// Stops listening: closes the connection and ends every subscription. Safe to call more than once.
    public func shutdown() async {
        let (runner, connection, subscribers, waiters) = state.withLock { state in
            state.stopped = true
            defer {
                state.subscribers = [:]
                state.readinessWaiters = []
                state.connection = nil
            }
            return (state.runner, state.connection, Array(state.subscribers.values), state.readinessWaiters)
        }
        for waiter in waiters { waiter.resume(throwing: PostgresError(code: .connectionClosed, message: "the listener is shut down")) }
        for subscriber in subscribers { subscriber.continuation.finish() }
        runner?.cancel()
        await connection?.close()
        await runner?.value
    }

    // MARK: Internals

    private func ensureListening(_ channel: String) async throws {
        while true {
            let connection = state.withLock { state -> PostgresConnection? in
                state.listening.contains(channel) ? nil : state.connection
            }
            if state.withLock({ $0.listening.contains(channel) && $0.connection != nil }) { return }
            if let connection {
                do {
                    _ = try await connection.script("LISTEN \(PostgresQuoting.identifier(channel))")
                    let current = state.withLock { state -> Bool in
                        guard state.connection === connection else { return false }
                        state.listening.insert(channel)
                        return true
                    }
                    if current { return }
                } catch let error as PostgresError where error.code == .server {
                    throw error
                } catch {
                    // The connection broke: the runner reconnects and LISTENs again; wait for it.
                }
            }
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.stopped { return true }
                    if state.connection != nil && state.listening.contains(channel) { return true }
                    state.readinessWaiters.append(waiter)
                    return false
                }
                if resumeNow { waiter.resume() }
            }
            if state.withLock({ $0.stopped }) {
                throw PostgresError(code: .connectionClosed, message: "the listener is shut down")
            }
        }
    }

    private func startRunnerIfNeeded() {
        state.withLock { state in
            guard state.runner == nil, !state.stopped else { return }
            state.runner = Task { [self] in await run() }
        }
    }

    /// Connect, LISTEN, wait for the connection to end, repeat — until shut down.
    private func run() async {
        var failures = 0
        var everConnected = false
        while !state.withLock({ $0.stopped }) {
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, statementCacheCapacity: 0, logger: logger)
                let (closed, closedContinuation) = AsyncStream.makeStream(of: Void.self)
                connection.onClose { _ in closedContinuation.finish() }
                connection.setNotificationHandler { [weak self] notification in self?.deliver(notification) }
                // LISTEN every wanted channel; repeat if subscriptions arrived meanwhile.
                var listened: Set<String> = []
                while true {
                    let missing = state.withLock { $0.wanted }.subtracting(listened)
                    if missing.isEmpty { break }
                    let sql = missing.sorted().map { "LISTEN \(PostgresQuoting.identifier($0))" }.joined(separator: "; ")
                    _ = try await connection.script(sql)
                    listened.formUnion(missing)
                }
                let (waiters, subscribers, stopped) = state.withLock { state in
                    state.connection = connection
                    state.listening = listened
                    defer { state.readinessWaiters = [] }
                    return (state.readinessWaiters, Array(state.subscribers.values), state.stopped)
                }
                if stopped {
                    await connection.close()
                    return
                }
                for waiter in waiters { waiter.resume() }
                if everConnected {
                    logger.info("listener reconnected; notifications sent meanwhile are lost", metadata: ["db.channels": "\(listened.sorted())"])
                    for subscriber in subscribers { subscriber.continuation.yield(.reconnected) }
                }
                everConnected = true
                failures = 0
                for await _ in closed {}
                state.withLock { state in
                    if state.connection === connection {
                        state.connection = nil
                        state.listening = []
                    }
                }
                if !state.withLock({ $0.stopped }) { logger.warning("listener connection lost; reconnecting") }
            } catch {
                let waiters = state.withLock { state in
                    defer { state.readinessWaiters = [] }
                    return state.readinessWaiters
                }
                for waiter in waiters { waiter.resume(throwing: error) }
                failures += 1
                let delay = min(initialBackoff * (1 << min(failures - 1, 16)), maximumBackoff)
                logger.warning("listener could not connect; retrying", metadata: ["error": "\(error)", "db.retry_in": "\(delay)"])
                try? await Task.sleep(for: delay)
            }
        }
    }

    private func deliver(_ notification: PostgresNotification) {
        state.withLock { state in
            for subscriber in state.subscribers.values where subscriber.channel == notification.channel {
                subscriber.continuation.yield(.notification(notification))
            }
        }
    }
}
