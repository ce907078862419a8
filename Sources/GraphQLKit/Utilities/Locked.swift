#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a mutex, for the few caches GraphQLKit shares between requests (plans,
/// lazily computed schema facts).
///
/// `@unchecked Sendable` is sound because `value` is only ever read or written inside
/// `withLock`, which holds `mutex` for the whole access, so no two threads touch it at once.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ value: Value) {
        self.value = value
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value.
    @inline(__always)
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

/// A value computed on first use and then kept. Two threads racing on first use may both
/// compute it; the first result stored is the one every caller gets.
final class LazyValue<Value: Sendable>: Sendable {
    private let storage = Locked<Value?>(nil)

    init() {}

    func get(_ compute: () -> Value) -> Value {
        if let value = storage.withLock({ $0 }) { return value }
        let computed = compute()
        return storage.withLock { stored in
            if let stored { return stored }
            stored = computed
            return computed
        }
    }
}
