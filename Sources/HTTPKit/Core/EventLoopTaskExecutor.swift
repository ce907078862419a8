import NIOCore

/// A Swift `TaskExecutor` that runs jobs on one NIO event loop, so a task (and its child
/// tasks) that prefers it runs on the loop's thread: awaiting a future completed on the same
/// loop resumes without a hop to the cooperative pool and back.
///
/// ```swift
/// let executor = EventLoopTaskExecutor(eventLoop: channel.eventLoop)
/// Task(executorPreference: executor) { try await client.send(request, to: upstream) }
/// ```
public final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop every job runs on.
    public let eventLoop: any EventLoop

    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
