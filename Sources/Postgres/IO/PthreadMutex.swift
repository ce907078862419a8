#if canImport(Glibc)
import Glibc
#endif

/// A plain mutex for state shared by the I/O thread and callers, held only for short, non-blocking
/// work (libpq calls on a non-blocking socket, bookkeeping).
///
/// `@unchecked Sendable` proof: the pthread mutex is heap-allocated once, never moved, and
/// `pthread_mutex_lock`/`unlock` are safe to call from any thread.
final class PthreadMutex: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    @inline(__always)
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
