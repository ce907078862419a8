import NIOCore

/// The decisions of one upstream's connection pool, as a value: which connection runs which
/// request, when to open a connection, when to queue, when to give up. The pool performs the
/// returned actions (connecting sockets, writing requests, completing promises).
///
/// HTTP/2 pools use one connection (`maxConnections == 1`) whose capacity is the peer's
/// SETTINGS_MAX_CONCURRENT_STREAMS; HTTP/1.1 pools use up to `maxConnections` connections of
/// capacity 1. Requests beyond the capacity wait in FIFO order. A connection that received
/// GOAWAY drains: it finishes its requests, takes no new ones, and a replacement is opened.
struct ConnectionPoolStateMachine {
    typealias ConnectionID = Int
    typealias RequestID = Int

    enum ConnectionState: Equatable {
        case connecting
        case ready(capacity: Int, inFlight: Int)
        case draining(inFlight: Int)
    }

    /// Why the pool fails a request by itself.
    enum FailureReason: Equatable {
        /// Connecting to the upstream failed (and no other connection can take the request).
        case connectFailed
        /// The pool is shut down.
        case shutdown
        /// The request was cancelled or timed out while it waited for a connection.
        case cancelledWhileQueued
    }

    enum Action: Equatable {
        /// Open connection `ConnectionID`.
        case connect(ConnectionID)
        /// Send the request on the connection.
        case execute(RequestID, on: ConnectionID)
        /// Complete the request with this failure.
        case fail(RequestID, FailureReason)
        /// Close the connection (drained, or the pool shut down).
        case close(ConnectionID)
    }

    private(set) var connections: [ConnectionID: ConnectionState] = [:]
    private var queue = CircularBuffer<RequestID>(initialCapacity: 16)
    private var nextConnectionID = 0
    private(set) var isShutdown = false
    let maxConnections: Int
    /// Requests one new connection is expected to take at once (HTTP/2: ~100, HTTP/1.1: 1).
    let expectedCapacityPerConnection: Int

    init(maxConnections: Int, expectedCapacityPerConnection: Int) {
        precondition(maxConnections > 0 && expectedCapacityPerConnection > 0)
        self.maxConnections = maxConnections
        self.expectedCapacityPerConnection = expectedCapacityPerConnection
    }

    /// Requests waiting for a connection.
    var queuedCount: Int { self.queue.count }

    /// A new request.
    mutating func request(_ id: RequestID) -> [Action] {
        guard !self.isShutdown else { return [.fail(id, .shutdown)] }
        if let connection = self.connectionWithRoom() {
            self.take(on: connection)
            return [.execute(id, on: connection)]
        }
        self.queue.append(id)
        return self.connectIfUseful()
    }

    /// A request that must run again (its stream was refused, or GOAWAY said it was not
    /// processed). It goes to the front of the queue.
    mutating func retry(_ id: RequestID) -> [Action] {
        guard !self.isShutdown else { return [.fail(id, .shutdown)] }
        if let connection = self.connectionWithRoom() {
            self.take(on: connection)
            return [.execute(id, on: connection)]
        }
        self.queue.prepend(id)
        return self.connectIfUseful()
    }

    /// A queued request was cancelled or timed out. In-flight requests are the connection's job.
    mutating func cancelQueued(_ id: RequestID) -> [Action] {
        guard let index = self.queue.firstIndex(of: id) else { return [] }
        self.queue.remove(at: index)
        return [.fail(id, .cancelledWhileQueued)]
    }

    /// The connection is up and can carry `capacity` concurrent requests.
    mutating func connected(_ connection: ConnectionID, capacity: Int) -> [Action] {
        guard case .connecting = self.connections[connection] else { return [] }
        if self.isShutdown {
            self.connections[connection] = nil
            return [.close(connection)]
        }
        self.connections[connection] = .ready(capacity: max(capacity, 1), inFlight: 0)
        return self.dispatchQueued(on: connection)
    }

    /// The peer changed its concurrency limit.
    mutating func capacityChanged(_ connection: ConnectionID, capacity: Int) -> [Action] {
        guard case .ready(_, let inFlight) = self.connections[connection] else { return [] }
        self.connections[connection] = .ready(capacity: max(capacity, 1), inFlight: inFlight)
        return self.dispatchQueued(on: connection)
    }

    /// Connecting failed.
    mutating func connectFailed(_ connection: ConnectionID) -> [Action] {
        guard case .connecting = self.connections[connection] else { return [] }
        self.connections[connection] = nil
        // Others may still serve the queue; if none exists, the upstream is unreachable: fail fast.
        guard self.connections.isEmpty else { return [] }
        var actions: [Action] = []
        while let id = self.queue.popFirst() {
            actions.append(.fail(id, .connectFailed))
        }
        return actions
    }

    /// A request on `connection` finished (successfully or not).
    mutating func requestFinished(on connection: ConnectionID) -> [Action] {
        switch self.connections[connection] {
        case .ready(let capacity, let inFlight):
            self.connections[connection] = .ready(capacity: capacity, inFlight: max(inFlight - 1, 0))
            return self.dispatchQueued(on: connection)
        case .draining(let inFlight):
            if inFlight <= 1 {
                self.connections[connection] = nil
                return [.close(connection)] + self.connectIfUseful()
            }
            self.connections[connection] = .draining(inFlight: inFlight - 1)
            return []
        case .connecting, nil:
            return []
        }
    }

    /// The peer sent GOAWAY: finish what runs there, send nothing new, open a replacement.
    mutating func goaway(on connection: ConnectionID) -> [Action] {
        guard case .ready(_, let inFlight) = self.connections[connection] else { return [] }
        if inFlight == 0 {
            self.connections[connection] = nil
            return [.close(connection)] + self.connectIfUseful()
        }
        self.connections[connection] = .draining(inFlight: inFlight)
        return self.connectIfUseful()
    }

    /// The connection closed. Its in-flight requests are reported separately (failed or retried).
    mutating func closed(_ connection: ConnectionID) -> [Action] {
        guard self.connections.removeValue(forKey: connection) != nil else { return [] }
        return self.connectIfUseful()
    }

    /// Shut down: fail queued requests and close every connection.
    mutating func shutdown() -> [Action] {
        self.isShutdown = true
        var actions: [Action] = []
        while let id = self.queue.popFirst() {
            actions.append(.fail(id, .shutdown))
        }
        for connection in self.connections.keys.sorted() {
            if case .connecting = self.connections[connection] { continue }  // closed when it connects
            actions.append(.close(connection))
        }
        self.connections = self.connections.filter { $0.value == .connecting }
        return actions
    }

    // MARK: Helpers

    private func connectionWithRoom() -> ConnectionID? {
        var best: (id: ConnectionID, load: Int)?
        for (id, state) in self.connections {
            guard case .ready(let capacity, let inFlight) = state, inFlight < capacity else { continue }
            if best == nil || inFlight < best!.load || (inFlight == best!.load && id < best!.id) {
                best = (id, inFlight)
            }
        }
        return best?.id
    }

    private mutating func take(on connection: ConnectionID) {
        if case .ready(let capacity, let inFlight) = self.connections[connection] {
            self.connections[connection] = .ready(capacity: capacity, inFlight: inFlight + 1)
        }
    }

    private mutating func dispatchQueued(on connection: ConnectionID) -> [Action] {
        var actions: [Action] = []
        while case .ready(let capacity, let inFlight) = self.connections[connection], inFlight < capacity,
            let id = self.queue.popFirst()
        {
            self.connections[connection] = .ready(capacity: capacity, inFlight: inFlight + 1)
            actions.append(.execute(id, on: connection))
        }
        return actions
    }

    /// Opens connections while queued requests outnumber what the connections being opened are
    /// expected to carry, within the limit. Draining connections do not count: they are leaving.
    private mutating func connectIfUseful() -> [Action] {
        guard !self.isShutdown, !self.queue.isEmpty else { return [] }
        var live = 0
        var connecting = 0
        for state in self.connections.values {
            switch state {
            case .connecting: connecting += 1
            case .ready: live += 1
            case .draining: break
            }
        }
        var actions: [Action] = []
        while live + connecting < self.maxConnections,
            self.queue.count > connecting * self.expectedCapacityPerConnection
        {
            let id = self.nextConnectionID
            self.nextConnectionID += 1
            self.connections[id] = .connecting
            connecting += 1
            actions.append(.connect(id))
        }
        return actions
    }
}
