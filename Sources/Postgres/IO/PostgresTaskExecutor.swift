/// Runs tasks on the Postgres I/O thread, for code that mostly waits on the database. A task that
/// prefers this executor sends its queries and is resumed by the thread that reads the answers, so a
/// query costs no thread hop at all (by default each answer wakes a cooperative-pool thread).
///
/// Keep such tasks short between awaits: while one runs, the I/O thread serves no other connection.
///
/// ```swift
/// try await withTaskExecutorPreference(PostgresTaskExecutor.shared) {
///     for id in ids { try await pool.query("SELECT … WHERE id = \(id)") }
/// }
/// ```
public final class PostgresTaskExecutor: TaskExecutor {
    /// The executor of the module's I/O thread.
    public static let shared = PostgresTaskExecutor(thread: .shared)

    let thread: IOThread

    init(thread: IOThread) {
        self.thread = thread
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        thread.submit { _ in job.runSynchronously(on: executor) }
    }
}
