#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CPostgresLinux
import Foundation
import Synchronization

/// The thread this module owns to drive libpq: an epoll loop over the sockets of every connection,
/// plus an eventfd so other threads can hand it work. No libpq call runs anywhere else, so neither
/// Swift's cooperative pool nor anybody's event loop ever waits on the database.
///
/// Work arrives through `submit`, which queues a closure and wakes the loop at most once per batch
/// of submissions (a pending wake-up is not repeated), so a burst of queries costs one wake-up.
final class IOThread: Sendable {
    /// The process-wide I/O thread, started on first use and kept for the life of the process.
    static let shared = IOThread(name: "postgres-io")

    private struct Inbox {
        var work: [@Sendable (IOLoop) -> Void] = []
        var wakePending = false
    }

    private let epollFD: Int32
    private let wakeFD: Int32
    private let inbox = Mutex(Inbox())
    /// `pthread_self()` of the loop thread once it runs, 0 before.
    private let loopThreadID = Atomic<UInt>(0)

    init(name: String) {
        let epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epollFD >= 0, "postgres I/O thread: epoll_create1 failed (errno \(errno))")
        let wakeFD = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
        precondition(wakeFD >= 0, "postgres I/O thread: eventfd failed (errno \(errno))")
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = wakeFD
        precondition(epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event) == 0, "postgres I/O thread: epoll_ctl failed")
        self.epollFD = epollFD
        self.wakeFD = wakeFD

        let ready = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            self.loopThreadID.store(UInt(pthread_self()), ordering: .releasing)
            ready.signal()
            IOLoop(thread: self, epollFD: epollFD, wakeFD: wakeFD).run()
        }
        thread.name = name
        thread.start()
        ready.wait()
    }

    /// Whether the caller runs on this I/O thread.
    var inThread: Bool {
        loopThreadID.load(ordering: .acquiring) == UInt(pthread_self())
    }

    /// Runs `work` on the I/O thread, after the work already queued.
    func submit(_ work: @escaping @Sendable (IOLoop) -> Void) {
        let fromLoop = inThread
        let mustWake = inbox.withLock { inbox -> Bool in
            inbox.work.append(work)
            if inbox.wakePending || fromLoop { return false }
            inbox.wakePending = true
            return true
        }
        if mustWake {
            var one: UInt64 = 1
            _ = withUnsafeBytes(of: &one) { write(wakeFD, $0.baseAddress, 8) }
        }
    }

    /// Takes everything queued so far (called by the loop).
    fileprivate func takeWork() -> [@Sendable (IOLoop) -> Void] {
        inbox.withLock { inbox in
            inbox.wakePending = false
            guard !inbox.work.isEmpty else { return [] }
            let work = inbox.work
            inbox.work.removeAll(keepingCapacity: true)
            return work
        }
    }

    fileprivate var hasWork: Bool {
        inbox.withLock { !$0.work.isEmpty }
    }
}

/// Something the loop tells when its socket is ready. Lives on the I/O thread only.
protocol IOHandler: AnyObject {
    func handleIO(readable: Bool, writable: Bool, hangup: Bool)
}

/// The loop-side state of an `IOThread`: socket registrations and timers. Confined to the I/O thread;
/// handlers receive it as a parameter and never keep it past their call.
final class IOLoop {
    struct TimerID: Hashable { fileprivate let raw: UInt64 }

    private struct Registration {
        let handler: IOHandler
        var events: UInt32
    }

    private struct Timer {
        let id: TimerID
        let deadline: ContinuousClock.Instant
        let action: () -> Void
    }

    unowned let thread: IOThread
    private let epollFD: Int32
    private let wakeFD: Int32
    private var registrations: [Int32: Registration] = [:]
    private var timers: [Timer] = []
    private var nextTimerID: UInt64 = 0

    fileprivate init(thread: IOThread, epollFD: Int32, wakeFD: Int32) {
        self.thread = thread
        self.epollFD = epollFD
        self.wakeFD = wakeFD
    }

    /// Watches `fd` for reading (always) and for writing (when `write` is true) on behalf of `handler`.
    /// Calling it again for the same descriptor changes the interest or the handler.
    func watch(fd: Int32, handler: IOHandler, write: Bool) {
        let events = EPOLLIN.rawValue | EPOLLRDHUP.rawValue | (write ? EPOLLOUT.rawValue : 0)
        if var existing = registrations[fd] {
            if existing.events == events && existing.handler === handler { return }
            existing = Registration(handler: handler, events: events)
            registrations[fd] = existing
            var event = epoll_event(events: events, data: epoll_data_t(fd: fd))
            if epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event) != 0 && errno == ENOENT {
                // libpq closed and reopened a socket under the same number: register it anew.
                _ = epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
            }
        } else {
            registrations[fd] = Registration(handler: handler, events: events)
            var event = epoll_event(events: events, data: epoll_data_t(fd: fd))
            if epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) != 0 && errno == EEXIST {
                _ = epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
            }
        }
    }

    /// Stops watching `fd` (before it is closed, or after libpq replaced it).
    func unwatch(fd: Int32) {
        guard registrations.removeValue(forKey: fd) != nil else { return }
        var event = epoll_event()
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, &event)  // EBADF/ENOENT when libpq already closed it: fine
    }

    /// Runs `action` on this thread after `delay`, unless cancelled first.
    @discardableResult
    func schedule(after delay: Duration, _ action: @escaping () -> Void) -> TimerID {
        nextTimerID += 1
        let id = TimerID(raw: nextTimerID)
        timers.append(Timer(id: id, deadline: .now + delay, action: action))
        return id
    }

    func cancel(_ timer: TimerID) {
        timers.removeAll { $0.id == timer }
    }

    fileprivate func run() {
        let capacity = 64
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while true {
            runSubmittedWork()
            let timeout = thread.hasWork ? 0 : millisecondsUntilNextTimer()
            let count = epoll_wait(epollFD, events, Int32(capacity), timeout)
            if count < 0 {
                if errno == EINTR { continue }
                fatalError("postgres I/O thread: epoll_wait failed (errno \(errno))")
            }
            for index in 0..<Int(count) {
                let event = events[index]
                let fd = event.data.fd
                if fd == wakeFD {
                    var value: UInt64 = 0
                    _ = withUnsafeMutableBytes(of: &value) { read(wakeFD, $0.baseAddress, 8) }
                    continue
                }
                guard let registration = registrations[fd] else { continue }
                let flags = event.events
                registration.handler.handleIO(
                    readable: flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLERR.rawValue) != 0,
                    writable: flags & EPOLLOUT.rawValue != 0,
                    hangup: flags & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
                )
            }
            fireDueTimers()
        }
    }

    private func runSubmittedWork() {
        // Work may submit more work; keep going until the inbox is empty.
        while true {
            let work = thread.takeWork()
            if work.isEmpty { return }
            for item in work { item(self) }
        }
    }

    private func millisecondsUntilNextTimer() -> Int32 {
        guard let next = timers.min(by: { $0.deadline < $1.deadline }) else { return -1 }
        let remaining = ContinuousClock.now.duration(to: next.deadline)
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }

    private func fireDueTimers() {
        guard !timers.isEmpty else { return }
        let now = ContinuousClock.now
        let due = timers.filter { $0.deadline <= now }
        guard !due.isEmpty else { return }
        timers.removeAll { $0.deadline <= now }
        for timer in due { timer.action() }
    }
}
