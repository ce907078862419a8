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
    /// A logger carrying connection metadata (`http.connection`, `http.stream` on HTTP/2).
    public var logger: Logger

    /// Creates a context (the server does this; tests may too).
    public init(eventLoop: any EventLoop, allocator: ByteBufferAllocator, remoteAddress: SocketAddress?, logger: Logger) {
        self.eventLoop = eventLoop
        self.allocator = allocator
        self.remoteAddress = remoteAddress
        self.logger = logger
    }
}
