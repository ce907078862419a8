import CLibPQ
#if canImport(Glibc)
import Glibc
#endif
import Logging

/// Drives one libpq connection: the non-blocking connect (`PQconnectStartParams` + `PQconnectPoll`) on
/// the I/O thread, then requests in pipeline mode (`PQsendPrepare`/`PQsendQueryPrepared` +
/// `PQpipelineSync`, `PQflush`), reading with `PQconsumeInput`/`PQisBusy`/`PQgetResult` when the I/O
/// thread sees the socket readable. One request is in flight at a time; later ones wait in `queue`.
///
/// A caller whose request finds the connection idle sends it itself, on its own thread: the socket is
/// non-blocking, so this only copies bytes into the kernel, and it saves waking the I/O thread (one
/// thread hop per query). Only if the kernel cannot take everything at once (`PQflush` returns 1) or
/// the send fails does the I/O thread take over.
///
/// `@unchecked Sendable` proof: every piece of mutable state (and the libpq connection) is touched only
/// while holding `lock`; the `IOLoop` (not thread-safe) is touched only on the I/O thread, which
/// `onIOThread` enforces by hopping there.
final class ConnectionDriver: IOHandler, @unchecked Sendable {
    private enum State {
        case connecting((Result<Void, PostgresError>) -> Void, IOLoop.TimerID)
        case ready
        case closed
    }

    private struct InFlight {
        var request: ConnectionRequest
        var steps: [PipelineStep] = []
        var cursor = 0
        var results: [Result<PostgresRows, PostgresError>?] = []
        var failedPrepares: [StatementKey: PostgresError] = [:]
        /// For scripts: the last result with rows, and the first error.
        var scriptRows: PostgresRows?
        var scriptError: PostgresError?
    }

    let configuration: PostgresConfiguration
    let shared: ConnectionShared
    let logger: Logger
    private unowned let loop: IOLoop
    private var connection: OpaquePointer?
    private var socket: Int32 = -1
    private var state: State = .closed
    private var wantsWrite = false
    private var queue: [ConnectionRequest] = []
    private var queueHead = 0
    private var inFlight: InFlight?
    private var statements: PreparedStatementCache
    private var notificationHandler: (@Sendable (PostgresNotification) -> Void)?
    private let lock = PthreadMutex()
    let thread: IOThread

    init(configuration: PostgresConfiguration, statementCacheCapacity: Int, loop: IOLoop, shared: ConnectionShared, logger: Logger) {
        self.configuration = configuration
        self.statements = PreparedStatementCache(capacity: statementCacheCapacity)
        self.loop = loop
        self.thread = loop.thread
        self.shared = shared
        self.logger = logger
    }

    // MARK: Connecting

    /// Starts connecting; `continuation` resumes when the connection is ready or has failed.
    func connect(_ continuation: @escaping (Result<Void, PostgresError>) -> Void) {
        lock.withLock { connectLocked(continuation) }
    }

    private func connectLocked(_ continuation: @escaping (Result<Void, PostgresError>) -> Void) {
        let pairs = configuration.libpqKeywords
        let connection = withCStringArrays(pairs.map(\.0), pairs.map(\.1)) { keywords, values in
            PQconnectStartParams(keywords, values, 0)
        }
        guard let connection else {
            continuation(.failure(PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection")))
            return
        }
        self.connection = connection
        if PQstatus(connection) == CONNECTION_BAD {
            let message = errorMessage()
            PQfinish(connection)
            self.connection = nil
            runCloseHandlers(PostgresError(code: .connectionFailed, message: message))
            continuation(.failure(PostgresError(code: .connectionFailed, message: message)))
            return
        }
        PQsetNoticeReceiver(connection, noticeReceiver, Unmanaged.passUnretained(self).toOpaque())
        let timeout = configuration.connectTimeout
        let timer = loop.schedule(after: timeout) { [weak self] in
            guard let self else { return }
            self.lock.withLock { self.connectTimedOut(after: timeout) }
        }
        state = .connecting(continuation, timer)
        // libpq: behave as if PQconnectPoll had returned PGRES_POLLING_WRITING.
        updateSocket(write: true)
    }

    private func pollConnect() {
        guard case .connecting(let continuation, let timer) = state, let connection else { return }
        let status = PQconnectPoll(connection)
        switch status {
        case PGRES_POLLING_READING:
            updateSocket(write: false)
        case PGRES_POLLING_WRITING:
            updateSocket(write: true)
        case PGRES_POLLING_OK:
            loop.cancel(timer)
            guard PQsetnonblocking(connection, 1) == 0 else {
                failConnect(continuation, timer, message: "could not switch the connection to non-blocking mode: \(errorMessage())")
                return
            }
            state = .ready
            shared.setBackendPID(PQbackendPID(connection))
            updateSocket(write: false)
            logger.debug("postgres connection ready", metadata: ["db.pid": "\(PQbackendPID(connection))"])
            continuation(.success(()))
        default:
            failConnect(continuation, timer, message: errorMessage())
        }
    }

    private func failConnect(_ continuation: (Result<Void, PostgresError>) -> Void, _ timer: IOLoop.TimerID, message: String, code: PostgresError.Code = .connectionFailed) {
        loop.cancel(timer)
        let error = PostgresError(code: code, message: message)
        tearDown(error)
        continuation(.failure(error))
    }

    private func connectTimedOut(after timeout: Duration) {
        guard case .connecting(let continuation, let timer) = state else { return }
        failConnect(
            continuation, timer,
            message: "could not connect to \(configuration.redactedDescription) within \(timeout)", code: .timeout)
    }

    /// Follows libpq's socket (it can change while connecting) and sets the write interest.
    private func updateSocket(write: Bool) {
        guard thread.inThread else {
            // A caller's direct send could not flush everything: let the I/O thread watch for writability.
            onIOThread { $0.flush() }
            return
        }
        guard let connection else { return }
        let current = PQsocket(connection)
        if current != socket {
            if socket >= 0 { loop.unwatch(fd: socket) }
            socket = current
        }
        wantsWrite = write
        if socket >= 0 { loop.watch(fd: socket, handler: self, write: write) }
    }

    // MARK: Requests

    /// Sends `request` now if the connection is idle (on the caller's thread), else queues it.
    func enqueue(_ request: ConnectionRequest) {
        lock.withLock { enqueueLocked(request) }
    }

    func setNotificationHandler(_ handler: @escaping @Sendable (PostgresNotification) -> Void) {
        lock.withLock { notificationHandler = handler }
    }

    /// Runs `body` on the I/O thread with the lock held: at once when already there, else queued.
    private func onIOThread(_ body: @escaping @Sendable (ConnectionDriver) -> Void) {
        if thread.inThread {
            body(self)
        } else {
            thread.submit { [self] _ in lock.withLock { body(self) } }
        }
    }

    private func enqueueLocked(_ request: ConnectionRequest) {
        guard case .ready = state else {
            request.fail(PostgresError(code: .connectionClosed, message: "the connection is closed"))
            return
        }
        if inFlight == nil && queueHead == queue.count {
            start(request)
        } else {
            queue.append(request)
        }
    }

    private func startNext() {
        while inFlight == nil, queueHead < queue.count, case .ready = state {
            let request = queue[queueHead]
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            start(request)
        }
    }

    private func start(_ request: ConnectionRequest) {
        guard let connection else { return }
        var flight = InFlight(request: request)
        switch request {
        case .single(let query, let continuation):
            if let problem = validate(query) {
                continuation.resume(throwing: problem)
                return
            }
            flight.results = [nil]
            guard enterPipelineMode(connection), send(query, index: 0, into: &flight), pipelineSync(connection, into: &flight) else {
                return connectionBroke()
            }
        case .pipeline(let queries, let continuation):
            flight.results = queries.map { validate($0).map { .failure($0) } }
            if !flight.results.contains(where: { $0 == nil }) {
                continuation.resume(returning: flight.results.map { $0! })
                return
            }
            guard enterPipelineMode(connection) else { return connectionBroke() }
            for (index, query) in queries.enumerated() where flight.results[index] == nil {
                guard send(query, index: index, into: &flight), pipelineSync(connection, into: &flight) else {
                    return connectionBroke()
                }
            }
        case .script(let sql, _):
            if PQpipelineStatus(connection) != PQ_PIPELINE_OFF {
                guard PQexitPipelineMode(connection) == 1 else { return connectionBroke() }
            }
            guard PQsendQuery(connection, sql) == 1 else { return connectionBroke() }
            flight.steps.append(.script)
            shared.statementsSent.add(1, ordering: .relaxed)
        }
        inFlight = flight
        shared.roundTrips.add(1, ordering: .relaxed)
        shared.setTransactionState(.active)
        flush()
    }

    private func validate(_ query: PostgresQuery) -> PostgresError? {
        if var error = query.bindings.deferredError {
            error.query = query.sql
            return error
        }
        if query.bindings.count > 65_535 {
            return PostgresError(
                code: .encoding, message: "a statement takes at most 65535 parameters; this one has \(query.bindings.count)",
                query: query.sql)
        }
        return nil
    }

    private func enterPipelineMode(_ connection: OpaquePointer) -> Bool {
        PQpipelineStatus(connection) != PQ_PIPELINE_OFF || PQenterPipelineMode(connection) == 1
    }

    private func pipelineSync(_ connection: OpaquePointer, into flight: inout InFlight) -> Bool {
        flight.steps.append(.sync)
        return PQpipelineSync(connection) == 1
    }

    /// Queues Parse (first use only) and Bind/Describe/Execute for `query`.
    private func send(_ query: PostgresQuery, index: Int, into flight: inout InFlight) -> Bool {
        guard let connection else { return false }
        let bindings = query.bindings
        let key = StatementKey(sql: query.sql, types: bindings.types)
        shared.statementsSent.add(1, ordering: .relaxed)
        var statementName = statements.name(for: key)
        if statementName == nil, let newName = statements.add(key) {
            let prepared = bindings.entries.withUnsafeBufferPointer { entries in
                withUnsafeTemporaryAllocation(of: Oid.self, capacity: max(entries.count, 1)) { types in
                    for (position, entry) in entries.enumerated() { types[position] = entry.type }
                    return PQsendPrepare(connection, newName, query.sql, Int32(entries.count), types.baseAddress)
                }
            }
            guard prepared == 1 else { return false }
            shared.statementsPrepared.add(1, ordering: .relaxed)
            flight.steps.append(.prepare(query: index, key: key))
            statementName = newName
        }
        let sent = withParameterPointers(bindings) { count, values, lengths, formats, types in
            if let statementName {
                return PQsendQueryPrepared(connection, statementName, count, values, lengths, formats, 1)
            }
            return PQsendQueryParams(connection, query.sql, count, types, values, lengths, formats, 1)
        }
        guard sent == 1 else { return false }
        flight.steps.append(.execute(query: index, key: statementName == nil ? nil : key))
        return true
    }

    private func flush() {
        guard let connection else { return }
        switch PQflush(connection) {
        case 0: if wantsWrite { updateSocket(write: false) }
        case 1: if !wantsWrite { updateSocket(write: true) }
        default: connectionBroke()
        }
    }

    // MARK: Reading

    func handleIO(readable: Bool, writable: Bool, hangup: Bool) {
        lock.withLock { handleIOLocked(readable: readable, writable: writable, hangup: hangup) }
    }

    private func handleIOLocked(readable: Bool, writable: Bool, hangup: Bool) {
        switch state {
        case .connecting:
            pollConnect()
        case .ready:
            guard let connection else { return }
            if readable || hangup {
                guard PQconsumeInput(connection) == 1 else { return connectionBroke() }
                deliverNotifications(connection)
                if inFlight != nil { processResults(connection) }
                guard self.connection != nil else { return }
                if PQstatus(connection) == CONNECTION_BAD { return connectionBroke() }
            }
            if wantsWrite && (writable || readable) { flush() }
        case .closed:
            if socket >= 0 { loop.unwatch(fd: socket) }
        }
    }

    private func deliverNotifications(_ connection: OpaquePointer) {
        while let notify = PQnotifies(connection) {
            let notification = PostgresNotification(
                channel: String(cString: notify.pointee.relname),
                payload: String(cString: notify.pointee.extra),
                backendPID: notify.pointee.be_pid)
            PQfreemem(notify)
            notificationHandler?(notification)
        }
    }

    private func processResults(_ connection: OpaquePointer) {
        // Mutates `inFlight` in place (no copies of its arrays); a broken connection clears it.
        while let cursor = inFlight?.cursor, let stepCount = inFlight?.steps.count, cursor < stepCount {
            guard PQisBusy(connection) == 0 else { return }
            let step = inFlight!.steps[cursor]
            guard let result = PQgetResult(connection) else {
                // NULL ends the results of one command.
                if case .sync = step {
                    return protocolViolation("an end-of-command marker arrived where a pipeline sync was expected")
                }
                inFlight!.cursor += 1
                continue
            }
            let status = PQresultStatus(result)
            switch step {
            case .sync:
                PQclear(result)
                guard status == PGRES_PIPELINE_SYNC else {
                    return protocolViolation("expected a pipeline sync, got \(String(cString: PQresStatus(status)))")
                }
                inFlight!.cursor += 1
            case .prepare(let query, let key):
                guard status != PGRES_COMMAND_OK else {
                    PQclear(result)
                    continue
                }
                statements.remove(key)
                let sql = inFlight!.request.sql(at: query)
                let error = status == PGRES_PIPELINE_ABORTED ? abortedError(query: sql) : serverError(result, query: sql)
                PQclear(result)
                if inFlight!.results[query] == nil { inFlight!.results[query] = .failure(error) }
                if status != PGRES_PIPELINE_ABORTED { inFlight!.failedPrepares[key] = error }
            case .execute(let query, let key):
                switch status {
                case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                    if inFlight!.results[query] == nil {
                        inFlight!.results[query] = .success(PostgresRows(result: result))
                    } else {
                        PQclear(result)
                    }
                case PGRES_PIPELINE_ABORTED:
                    PQclear(result)
                    if inFlight!.results[query] == nil {
                        inFlight!.results[query] = .failure(abortedError(query: inFlight!.request.sql(at: query)))
                    }
                case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                    PQclear(result)
                    return unsupported("COPY is not supported by this client; use INSERT … SELECT unnest(…) or a script")
                default:
                    var error = serverError(result, query: inFlight!.request.sql(at: query))
                    PQclear(result)
                    if let key {
                        if error.sqlState == "26000", let prepareError = inFlight!.failedPrepares[key] { error = prepareError }
                        // The server re-plans cached statements but refuses a changed result type: prepare anew next time.
                        if error.sqlState == "0A000" { statements.remove(key) }
                    }
                    if inFlight!.results[query] == nil { inFlight!.results[query] = .failure(error) }
                }
            case .script:
                switch status {
                case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                    inFlight!.scriptRows = PostgresRows(result: result)
                case PGRES_COPY_IN:
                    PQclear(result)
                    if inFlight!.scriptError == nil {
                        inFlight!.scriptError = PostgresError(code: .unsupported, message: "COPY FROM STDIN is not supported by this client")
                    }
                    guard PQputCopyEnd(connection, "COPY FROM STDIN is not supported by this client") != -1 else {
                        return connectionBroke()
                    }
                    flush()
                case PGRES_COPY_OUT, PGRES_COPY_BOTH:
                    PQclear(result)
                    return unsupported("COPY TO STDOUT is not supported by this client")
                default:
                    let error = serverError(result, query: inFlight!.request.sqlText)
                    PQclear(result)
                    if inFlight!.scriptError == nil { inFlight!.scriptError = error }
                }
            }
        }
        guard let flight = inFlight, flight.cursor == flight.steps.count else { return }
        inFlight = nil
        updateTransactionState(connection)
        complete(flight)
        startNext()
    }

    private func complete(_ flight: InFlight) {
        switch flight.request {
        case .single(_, let continuation):
            switch flight.results[0] {
            case .success(let rows): continuation.resume(returning: rows)
            case .failure(let error): continuation.resume(throwing: error)
            case nil: continuation.resume(throwing: PostgresError(code: .connectionClosed, message: "no result for the statement"))
            }
        case .pipeline(_, let continuation):
            continuation.resume(returning: flight.results.map {
                $0 ?? .failure(PostgresError(code: .connectionClosed, message: "no result for the statement"))
            })
        case .script(_, let continuation):
            if let error = flight.scriptError {
                continuation.resume(throwing: error)
            } else if let rows = flight.scriptRows {
                continuation.resume(returning: rows)
            } else {
                continuation.resume(throwing: PostgresError(code: .connectionClosed, message: "no result for the script"))
            }
        }
    }

    private func updateTransactionState(_ connection: OpaquePointer) {
        let state: ConnectionShared.TransactionState = switch PQtransactionStatus(connection) {
        case PQTRANS_IDLE: .idle
        case PQTRANS_INTRANS: .inTransaction
        case PQTRANS_INERROR: .failedTransaction
        case PQTRANS_ACTIVE: .active
        default: .unknown
        }
        shared.setTransactionState(state)
    }

    private func abortedError(query: String?) -> PostgresError {
        PostgresError(
            code: .server,
            message: "not executed: an earlier statement in the same pipeline failed", sqlState: "25P02", query: query)
    }

    private func serverError(_ result: OpaquePointer, query: String?) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let message = field(Int32(UInt8(ascii: "M")))
            ?? PQresultErrorMessage(result).map { String(cString: $0).trimmingTrailingWhitespace } ?? "unknown error"
        return PostgresError(
            code: .server, message: message,
            sqlState: field(Int32(UInt8(ascii: "C"))),
            severity: field(Int32(UInt8(ascii: "V"))) ?? field(Int32(UInt8(ascii: "S"))),
            detail: field(Int32(UInt8(ascii: "D"))),
            hint: field(Int32(UInt8(ascii: "H"))),
            context: field(Int32(UInt8(ascii: "W"))),
            position: field(Int32(UInt8(ascii: "P"))).flatMap { Int($0) },
            schema: field(Int32(UInt8(ascii: "s"))),
            table: field(Int32(UInt8(ascii: "t"))),
            column: field(Int32(UInt8(ascii: "c"))),
            constraint: field(Int32(UInt8(ascii: "n"))),
            query: query)
    }

    // MARK: Closing

    private func errorMessage() -> String {
        guard let connection, let text = PQerrorMessage(connection) else { return "unknown libpq error" }
        let message = String(cString: text).trimmingTrailingWhitespace
        return message.isEmpty ? "unknown libpq error" : message
    }

    private func connectionBroke() {
        let message = errorMessage()
        let error = PostgresError(code: .connectionClosed, message: "connection to \(configuration.redactedDescription) lost: \(message)")
        onIOThread { $0.closeLocked(error) }
    }

    private func protocolViolation(_ what: String) {
        closeLocked(PostgresError(code: .connectionClosed, message: "closing the connection after a protocol surprise: \(what)"))
    }

    private func unsupported(_ what: String) {
        closeLocked(PostgresError(code: .unsupported, message: what))
    }

    /// Closes the connection and fails everything still waiting with `error`. Call on the I/O thread.
    func close(_ error: PostgresError) {
        precondition(thread.inThread, "ConnectionDriver.close must run on the I/O thread")
        lock.withLock { closeLocked(error) }
    }

    private func closeLocked(_ error: PostgresError) {
        if case .connecting(let continuation, let timer) = state {
            failConnect(continuation, timer, message: error.message, code: error.code)
            return
        }
        tearDown(error)
        if let flight = inFlight {
            inFlight = nil
            flight.request.fail(error)
        }
        let waiting = queue[queueHead...]
        queue = []
        queueHead = 0
        for request in waiting { request.fail(error) }
    }

    private func tearDown(_ error: PostgresError) {
        if socket >= 0 {
            loop.unwatch(fd: socket)
            socket = -1
        }
        if let connection {
            PQfinish(connection)
            self.connection = nil
        }
        state = .closed
        shared.setTransactionState(.unknown)
        runCloseHandlers(error)
    }

    /// Marks the connection closed now; its close handlers run later, outside this driver's lock.
    private func runCloseHandlers(_ error: PostgresError) {
        let handlers = shared.markClosed(error)
        if !handlers.isEmpty {
            thread.submit { _ in for handler in handlers { handler(error) } }
        }
    }

    fileprivate func notice(_ text: String) {
        logger.debug("postgres notice", metadata: ["db.notice": "\(text.trimmingTrailingWhitespace)"])
    }
}

extension ConnectionRequest {
    func sql(at index: Int) -> String? {
        switch self {
        case .single(let query, _): query.sql
        case .pipeline(let queries, _): index < queries.count ? queries[index].sql : nil
        case .script(let sql, _): sql
        }
    }

    var sqlText: String? { sql(at: 0) }
}

/// libpq calls this (on the I/O thread, inside a libpq call) for NOTICE/WARNING messages.
private func noticeReceiver(_ context: UnsafeMutableRawPointer?, _ result: OpaquePointer?) {
    guard let context, let result, let message = PQresultErrorMessage(result) else { return }
    let driver = Unmanaged<ConnectionDriver>.fromOpaque(context).takeUnretainedValue()
    driver.notice(String(cString: message))
}

/// A static byte for zero-length, non-NULL parameter values (libpq reads a NULL pointer as SQL NULL).
/// `nonisolated(unsafe)` proof: initialized once (Swift globals are initialized exactly once, thread-safely)
/// and never written afterwards; libpq only reads zero bytes from it.
private nonisolated(unsafe) let emptyParameterValue: UnsafePointer<CChar> = {
    let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return UnsafePointer(pointer)
}()

/// Hands libpq pointers into the bindings' one buffer (no copy of the values).
private func withParameterPointers<R>(
    _ bindings: PostgresBindings,
    _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, UnsafePointer<Oid>?) -> R
) -> R {
    let count = bindings.entries.count
    if count == 0 { return body(0, nil, nil, nil, nil) }
    return bindings.bytes.withUnsafeBytes { buffer in
        withUnsafeTemporaryAllocation(of: UnsafePointer<CChar>?.self, capacity: count) { values in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: count * 2) { lengthsAndFormats in
                withUnsafeTemporaryAllocation(of: Oid.self, capacity: count) { types in
                    for (index, entry) in bindings.entries.enumerated() {
                        if entry.length < 0 {
                            values[index] = nil
                        } else if entry.length == 0 || buffer.baseAddress == nil {
                            values[index] = emptyParameterValue
                        } else {
                            values[index] = (buffer.baseAddress! + Int(entry.offset)).assumingMemoryBound(to: CChar.self)
                        }
                        lengthsAndFormats[index] = max(entry.length, 0)
                        lengthsAndFormats[count + index] = Int32(entry.format)
                        types[index] = entry.type
                    }
                    let base = lengthsAndFormats.baseAddress!
                    return body(Int32(count), UnsafePointer(values.baseAddress), UnsafePointer(base), UnsafePointer(base + count), UnsafePointer(types.baseAddress))
                }
            }
        }
    }
}

/// Builds NULL-terminated C string arrays for `PQconnectStartParams`.
private func withCStringArrays<R>(_ first: [String], _ second: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let firstC = first.map { strdup($0) }
    let secondC = second.map { strdup($0) }
    defer {
        firstC.forEach { free($0) }
        secondC.forEach { free($0) }
    }
    let firstPointers = firstC.map { UnsafePointer($0) } + [nil]
    let secondPointers = secondC.map { UnsafePointer($0) } + [nil]
    return firstPointers.withUnsafeBufferPointer { a in
        secondPointers.withUnsafeBufferPointer { b in body(a.baseAddress!, b.baseAddress!) }
    }
}
