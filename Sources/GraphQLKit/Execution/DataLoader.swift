/// Batches and caches loads for one request: every `load(key)` issued while the executor runs a
/// pass of async resolvers becomes one call of the batch function, and each key is loaded at
/// most once per loader (create one loader per request, in the request's context).
///
/// ```swift
/// let authors = DataLoader<String, Author> { ids in
///     let rows = try await database.authors(ids: ids)          // one query for the whole batch
///     return ids.map { id in rows[id].map(Result.success) ?? .failure(NotFound(id)) }
/// }
/// // in a resolver:
/// book.field("author") { book, _, context in try await context.authors.load(book.authorID) }
/// ```
///
/// Inside execution the batch is dispatched when every resolver of the pass has either
/// finished or is waiting on a loader, so nothing that could still join a batch is left out.
/// Outside execution, loads are dispatched after the current task yields; ``loadMany(_:)``
/// batches its keys in any case.
public final class DataLoader<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// Loads a batch: one result per key, in the keys' order.
    public typealias BatchFunction = @Sendable ([Key]) async throws -> [Result<Value, any Error>]

    private let batchFunction: BatchFunction
    private let maxBatchSize: Int
    private let cachesResults: Bool
    private let state = Locked(LoaderState())

    private struct Waiter {
        let continuation: CheckedContinuation<Value, any Error>
        let batch: LoadBatch?
    }

    private enum Entry {
        case pending([Waiter])
        case done(Result<Value, any Error>)
    }

    private struct LoaderState {
        var entries: [Key: Entry] = [:]
        /// Keys waiting for dispatch, with the position of the resolver that asked first.
        var queue: [(key: Key, slot: Int, subslot: Int)] = []
        var dispatchScheduled = false
        var batchCalls = 0
    }

    /// A loader whose batch function returns one result per key, in order.
    ///
    /// - Parameters:
    ///   - maxBatchSize: keys per call of the batch function; larger batches are split.
    ///   - cachesResults: keep results (values and errors) per key for the loader's lifetime.
    public init(maxBatchSize: Int = 1000, cachesResults: Bool = true, batch: @escaping BatchFunction) {
        self.batchFunction = batch
        self.maxBatchSize = max(1, maxBatchSize)
        self.cachesResults = cachesResults
    }

    /// A loader whose batch function returns the values it found by key; a key it leaves out
    /// fails with ``DataLoaderError/noValue(for:)``.
    public convenience init(maxBatchSize: Int = 1000, cachesResults: Bool = true,
                            batchByKey: @escaping @Sendable ([Key]) async throws -> [Key: Value]) {
        self.init(maxBatchSize: maxBatchSize, cachesResults: cachesResults) { keys in
            let found = try await batchByKey(keys)
            return keys.map { key in found[key].map { .success($0) } ?? .failure(DataLoaderError.noValue(for: String(describing: key))) }
        }
    }

    /// How many times the batch function has been called (for tests and metrics).
    public var batchCallCount: Int { state.withLock { $0.batchCalls } }

    /// The value for `key`, loaded in a batch with the other keys requested meanwhile.
    public func load(_ key: Key) async throws -> Value {
        let batch = LoadBatch.current
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            let waiter = Waiter(continuation: continuation, batch: batch)
            let outcome: (done: Result<Value, any Error>?, schedule: Bool) = state.withLock { state in
                switch state.entries[key] {
                case .done(let result)?:
                    return (result, false)
                case .pending(var waiters)?:
                    waiters.append(waiter)
                    state.entries[key] = .pending(waiters)
                    return (nil, false)
                case nil:
                    state.entries[key] = .pending([waiter])
                    state.queue.append((key, LoadBatch.slot, LoadBatch.subslot))
                    let schedule = !state.dispatchScheduled
                    state.dispatchScheduled = true
                    return (nil, schedule)
                }
            }
            if let done = outcome.done {
                continuation.resume(with: done)
                return
            }
            if outcome.schedule { scheduleDispatch(in: batch) }
            batch?.suspended()
        }
    }

    /// The values for several keys (one batch for all of them), each a success or an error.
    public func loadMany(_ keys: [Key]) async -> [Result<Value, any Error>] {
        if keys.isEmpty { return [] }
        let batch = LoadBatch.current
        // The child tasks stand for this task in its batch: it waits while they all wait.
        let childBatch = batch.map { LoadBatch(running: keys.count, parent: $0) }
        defer { batch?.resumed() }
        return await withTaskGroup(of: (Int, Result<Value, any Error>).self) { group in
            for (index, key) in keys.enumerated() {
                group.addTask {
                    await LoadBatch.$subslot.withValue(index) {
                        await LoadBatch.$current.withValue(childBatch ?? nil) {
                            let result: Result<Value, any Error>
                            do { result = .success(try await self.load(key)) } catch { result = .failure(error) }
                            childBatch?.finished()
                            return (index, result)
                        }
                    }
                }
            }
            var results = [Result<Value, any Error>](repeating: .failure(DataLoaderError.noValue(for: "")), count: keys.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
    }

    /// Puts a value in the cache (no effect if the key is already loaded or loading).
    public func prime(_ key: Key, _ value: Value) {
        state.withLock { state in
            if state.entries[key] == nil { state.entries[key] = .done(.success(value)) }
        }
    }

    /// Forgets a cached result, so the next load of `key` loads it again.
    public func clear(_ key: Key) {
        state.withLock { state in
            if case .done? = state.entries[key] { state.entries[key] = nil }
        }
    }

    /// Dispatches the queued keys now.
    public func dispatch() {
        // Keys in the order of the resolvers that asked for them (their order in the
        // document), not the order their tasks happened to run in: batches are deterministic.
        let keys: [Key] = state.withLock { state in
            state.dispatchScheduled = false
            defer { state.queue.removeAll() }
            return state.queue.enumerated()
                .sorted { ($0.element.slot, $0.element.subslot, $0.offset) < ($1.element.slot, $1.element.subslot, $1.offset) }
                .map(\.element.key)
        }
        guard !keys.isEmpty else { return }
        var start = 0
        while start < keys.count {
            let chunk = Array(keys[start..<min(start + maxBatchSize, keys.count)])
            start += maxBatchSize
            state.withLock { $0.batchCalls += 1 }
            // The batch runs outside any execution pass: its own loads dispatch on their own.
            Task { [self] in
                await LoadBatch.$current.withValue(nil) {
                    let results: [Result<Value, any Error>]
                    do {
                        let loaded = try await batchFunction(chunk)
                        results = loaded.count == chunk.count ? loaded
                            : Array(repeating: .failure(DataLoaderError.wrongResultCount(expected: chunk.count, got: loaded.count)), count: chunk.count)
                    } catch {
                        results = Array(repeating: .failure(error), count: chunk.count)
                    }
                    complete(chunk, results)
                }
            }
        }
    }

    private func complete(_ keys: [Key], _ results: [Result<Value, any Error>]) {
        let waiters: [(Waiter, Result<Value, any Error>)] = state.withLock { state in
            var resumed: [(Waiter, Result<Value, any Error>)] = []
            for (key, result) in zip(keys, results) {
                if case .pending(let waiting)? = state.entries[key] {
                    for waiter in waiting { resumed.append((waiter, result)) }
                }
                state.entries[key] = cachesResults ? .done(result) : nil
            }
            return resumed
        }
        for (waiter, result) in waiters {
            waiter.batch?.resumed()
            waiter.continuation.resume(with: result)
        }
    }

    private func scheduleDispatch(in batch: LoadBatch?) {
        if let batch {
            batch.register { [self] in dispatch() }
        } else {
            Task { [self] in
                await Task.yield()
                dispatch()
            }
        }
    }
}

/// Why a load failed on the loader's side.
public enum DataLoaderError: Error, Sendable, CustomStringConvertible {
    /// The batch function returned no value for the key.
    case noValue(for: String)
    /// The batch function returned a different number of results than keys.
    case wrongResultCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .noValue(let key): return "No value was loaded for key \(key)."
        case .wrongResultCount(let expected, let got): return "The batch function returned \(got) results for \(expected) keys."
        }
    }
}

/// The resolvers of one execution pass, counted so loaders know when nothing more can join a
/// batch: when every one has finished or waits on a loader, the queued loads are dispatched.
///
/// Each wait on a loader is paired with its resumption, so child tasks a resolver starts
/// (`async let`, task groups), which see the same batch, move the count below zero and back;
/// a count at or below zero means nobody is known to be running, and queued loads dispatch:
/// at worst a batch is split, never left waiting.
final class LoadBatch: Sendable {
    @TaskLocal static var current: LoadBatch?
    /// The position of the running resolver in its pass (document order); keys are batched in
    /// this order.
    @TaskLocal static var slot: Int = .max
    /// The position of a key within one ``DataLoader/loadMany(_:)`` call.
    @TaskLocal static var subslot: Int = 0

    private struct State {
        var running: Int
        var dispatchers: [@Sendable () -> Void] = []
    }

    private let state: Locked<State>
    /// A batch nested in a waiting task (``DataLoader/loadMany(_:)``) stands for that task.
    private let parent: LoadBatch?

    init(running: Int, parent: LoadBatch? = nil) {
        self.state = Locked(State(running: running))
        self.parent = parent
    }

    /// A loader has keys queued: they are dispatched when the outermost batch is idle.
    func register(_ dispatch: @escaping @Sendable () -> Void) {
        if let parent {
            parent.register(dispatch)
            return
        }
        let ready: [@Sendable () -> Void] = state.withLock { state in
            state.dispatchers.append(dispatch)
            return state.running <= 0 ? takeDispatchers(&state) : []
        }
        for dispatch in ready { dispatch() }
    }

    /// A resolver of the batch is about to wait on a loader.
    func suspended() { change(-1) }

    /// A resolver's load completed; it runs again.
    func resumed() { change(+1) }

    /// A resolver of the batch finished.
    func finished() { change(-1) }

    private func change(_ delta: Int) {
        let (ready, nowIdle, nowRunning): ([@Sendable () -> Void], Bool, Bool) = state.withLock { state in
            let before = state.running
            state.running += delta
            let ready = parent == nil && state.running <= 0 ? takeDispatchers(&state) : []
            return (ready, before > 0 && state.running <= 0, before <= 0 && state.running > 0)
        }
        for dispatch in ready { dispatch() }
        // A nested batch is one waiting task of its parent.
        if nowIdle { parent?.suspended() }
        if nowRunning { parent?.resumed() }
    }

    private func takeDispatchers(_ state: inout State) -> [@Sendable () -> Void] {
        defer { state.dispatchers.removeAll() }
        return state.dispatchers
    }
}
