import Logging
import NIOCore

/// Per-request facts a responder may need: the event loop the connection lives on (the place to
/// answer synchronously), an allocator for response bodies, the peer's address and a logger.
public struct HTTPRequestContext: Sendable {
    /// The event loop of the connection; `.response` and `.future` replies are completed here.
    public var eventLoop: any EventLoop
    /// Allocates response bodies.
    public var allocator: ByteBufferAllocator
    /// The client's address, when known.
    public var remoteAddress: SocketAddress?
    /// The HTTP/2 stream the request arrived on (nil on HTTP/1.1).
    public var streamID: Int32?
    private var connectionLogger: Logger
    /// The connection's loop as a task executor, when `.task` replies run on the event loop
    /// (``HTTPServerConfiguration/runsTasksOnEventLoop``).
    var taskExecutor: EventLoopTaskExecutor?

    /// A logger carrying connection metadata (`http.connection`, and `http.stream` on HTTP/2).
    /// The stream is added when the logger is read, so requests that never log pay nothing
    /// for it (some log handlers re-render their metadata on every change).
    public var logger: Logger {
        get {
            guard let streamID else { return connectionLogger }
            var logger = connectionLogger
            logger[metadataKey: "http.stream"] = "\(streamID)"
            return logger
        }
        set {
            connectionLogger = newValue
            streamID = nil
        }
    }

    /// Creates a context (the server does this; tests may too).
    public init(eventLoop: any EventLoop, allocator: ByteBufferAllocator, remoteAddress: SocketAddress?, logger: Logger, streamID: Int32? = nil) {
        self.eventLoop = eventLoop
        self.allocator = allocator
        self.remoteAddress = remoteAddress
        self.connectionLogger = logger
        self.streamID = streamID
    }
}
