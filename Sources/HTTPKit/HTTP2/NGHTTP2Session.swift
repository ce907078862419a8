import CNGHTTP2
import NIOCore
import NIOHTTP1

/// One libnghttp2 session (server or client side) driven by a channel handler on one event loop.
///
/// Input bytes are fed with ``receive(_:)`` straight from the channel's `ByteBuffer` (no copy);
/// nghttp2's callbacks (see `NGHTTP2Session+Callbacks.swift`) only record what they saw — header
/// fields and body bytes into ``HTTP2InboundMessage``s, everything else as
/// ``HTTP2SessionEvent``s — and never call back into nghttp2. The owner then drains the events and
/// submits responses, resets and GOAWAYs from outside any callback. ``send()`` serializes
/// outgoing frames into a reused output buffer; response bodies leave as slices of the caller's
/// `ByteBuffer` (nghttp2's `NO_COPY` data frames), so large bodies are never copied.
///
/// Not thread-safe: every call happens on the owning channel's event loop.
final class NGHTTP2Session {
    /// Which side of the connection this session plays.
    enum Role {
        case server
        case client
    }

    /// The SETTINGS this endpoint announces, and its local receive windows.
    struct LocalSettings {
        /// SETTINGS_MAX_CONCURRENT_STREAMS: how many streams the peer may open at once.
        var maxConcurrentStreams: UInt32 = 100
        /// SETTINGS_INITIAL_WINDOW_SIZE: per-stream receive window.
        var initialWindowSize: UInt32 = 1 << 20
        /// The connection-level receive window.
        var connectionWindowSize: Int32 = 16 << 20
        /// SETTINGS_MAX_HEADER_LIST_SIZE (advisory to the peer; enforced here as well).
        var maxHeaderListSize: UInt32 = 16 * 1024
        /// SETTINGS_ENABLE_PUSH (clients announce 0; servers never push).
        var enablePush: Bool = false
    }

    let role: Role
    private var session: OpaquePointer?
    let allocator: ByteBufferAllocator
    /// Header list limit per message, counted as RFC 9113 §6.5.2 does.
    let maxHeaderListSize: Int
    /// Body limit per message; larger bodies are rejected and not buffered.
    let maxBodySize: Int
    /// DATA payloads up to this size are copied into the output buffer (one small memcpy beats an
    /// extra iovec); larger ones are written as slices of the body buffer.
    private let inlineDataLimit = 8 * 1024

    private var messages: [Int32: HTTP2InboundMessage] = [:]
    private var outboundBodies: [Int32: ByteBuffer] = [:]
    private var events: [HTTP2SessionEvent] = []
    private var output: ByteBuffer
    private var pendingWrites: [ByteBuffer] = []
    private var consumed: [(streamID: Int32, count: Int)] = []
    private var now: NIODeadline = .now()
    private var headerBlock = HTTP2HeaderBlockBuilder()
    /// The last message nghttp2 passed to its error callback (for logs).
    private(set) var lastLibraryError: String?

    /// Creates the session and its nghttp2 state. Announce settings with ``submitSettings(_:)``.
    init(role: Role, allocator: ByteBufferAllocator, maxHeaderListSize: Int, maxBodySize: Int) throws {
        self.role = role
        self.allocator = allocator
        self.maxHeaderListSize = maxHeaderListSize
        self.maxBodySize = maxBodySize
        self.output = allocator.buffer(capacity: 4096)

        var callbacks: OpaquePointer?
        try Self.check(nghttp2_session_callbacks_new(&callbacks), "nghttp2_session_callbacks_new")
        defer { nghttp2_session_callbacks_del(callbacks) }
        NGHTTP2Callbacks.install(on: callbacks)

        var option: OpaquePointer?
        try Self.check(nghttp2_option_new(&option), "nghttp2_option_new")
        defer { nghttp2_option_del(option) }
        // Window updates follow what the owner has taken in (see `receive`), not what arrived.
        nghttp2_option_set_no_auto_window_update(option, 1)
        if role == .client {
            // Until the server's SETTINGS arrive, assume a conservative limit (RFC 9113 §6.5.2
            // recommends at least 100).
            nghttp2_option_set_peer_max_concurrent_streams(option, 100)
        }

        var raw: OpaquePointer?
        let userData = Unmanaged.passUnretained(self).toOpaque()
        switch role {
        case .server:
            try Self.check(nghttp2_session_server_new2(&raw, callbacks, userData, option), "nghttp2_session_server_new2")
        case .client:
            try Self.check(nghttp2_session_client_new2(&raw, callbacks, userData, option), "nghttp2_session_client_new2")
        }
        self.session = raw
    }

    deinit {
        // nghttp2 never calls back from nghttp2_session_del, so freeing here is safe.
        nghttp2_session_del(self.session)
    }

    private static func check(_ rc: Int32, _ function: StaticString) throws {
        if rc != 0 { throw NGHTTP2Error(code: rc, function: function) }
    }

    // MARK: - Settings and session-level frames

    /// Queues our SETTINGS frame and widens the connection receive window.
    func submitSettings(_ settings: LocalSettings) throws {
        var entries = [
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue),
                value: settings.maxConcurrentStreams
            ),
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue),
                value: settings.initialWindowSize
            ),
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue),
                value: settings.maxHeaderListSize
            ),
        ]
        if self.role == .client {
            entries.append(
                nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_ENABLE_PUSH.rawValue), value: 0)
            )
        }
        try Self.check(
            nghttp2_submit_settings(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), &entries, entries.count),
            "nghttp2_submit_settings"
        )
        try Self.check(
            nghttp2_session_set_local_window_size(
                self.session,
                UInt8(NGHTTP2_FLAG_NONE.rawValue),
                0,
                settings.connectionWindowSize
            ),
            "nghttp2_session_set_local_window_size"
        )
    }

    /// Turns this server session into the continuation of an `Upgrade: h2c` request: stream 1 is
    /// the upgraded request, already complete on the client's side (RFC 7540 §3.2).
    func upgradeFromHTTP1(settingsPayload: [UInt8], isHeadRequest: Bool) throws {
        try settingsPayload.withUnsafeBufferPointer { payload in
            try Self.check(
                nghttp2_session_upgrade2(
                    self.session,
                    payload.baseAddress,
                    payload.count,
                    isHeadRequest ? 1 : 0,
                    nil
                ),
                "nghttp2_session_upgrade2"
            )
        }
    }

    /// Sends a GOAWAY announcing shutdown without refusing anything yet (server only); follow it
    /// with ``submitGoaway(errorCode:)`` once in-flight streams had a round trip to arrive.
    func submitShutdownNotice() {
        _ = nghttp2_submit_shutdown_notice(self.session)
    }

    /// Sends GOAWAY with the last stream id nghttp2 processed; no new streams are accepted after it.
    func submitGoaway(errorCode: HTTP2ErrorCode) {
        let last = nghttp2_session_get_last_proc_stream_id(self.session)
        _ = nghttp2_submit_goaway(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), last, errorCode.rawValue, nil, 0)
    }

    /// Ends the session with a GOAWAY carrying `errorCode`; once it is sent, ``wantsIO`` is false.
    func terminate(errorCode: HTTP2ErrorCode) {
        _ = nghttp2_session_terminate_session(self.session, errorCode.rawValue)
    }

    /// Queues a PING (used to time the second GOAWAY of a graceful shutdown).
    func submitPing() {
        _ = nghttp2_submit_ping(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), nil)
    }

    /// Resets one stream.
    func resetStream(_ streamID: Int32, errorCode: HTTP2ErrorCode) {
        _ = nghttp2_submit_rst_stream(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, errorCode.rawValue)
    }

    /// `false` once the session has nothing left to read or write (after GOAWAY with no open
    /// streams, or a fatal error): the owner closes the connection.
    var wantsIO: Bool {
        nghttp2_session_want_read(self.session) != 0 || nghttp2_session_want_write(self.session) != 0
    }

    /// The peer's SETTINGS_MAX_CONCURRENT_STREAMS (or our assumption before its SETTINGS).
    var remoteMaxConcurrentStreams: UInt32 {
        nghttp2_session_get_remote_settings(self.session, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS)
    }

    /// Streams the peer opened or we opened that are not yet closed (as nghttp2 counts them).
    var hasOpenStreams: Bool { !self.messages.isEmpty || !self.outboundBodies.isEmpty }

    // MARK: - Input

    /// Feeds bytes read from the socket. Callbacks fire during this call and queue events; drain
    /// them with ``drainEvents(_:)`` afterwards. Throws when nghttp2 gives up on the connection
    /// (bad preface, flooding); a GOAWAY may then be queued, so still call ``send()``.
    func receive(_ buffer: ByteBuffer) throws {
        guard buffer.readableBytes > 0 else { return }
        self.now = .now()
        let session = self.session
        let rc = buffer.withUnsafeReadableBytes { bytes in
            nghttp2_session_mem_recv(session, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), bytes.count)
        }
        // The bytes are now in our buffers (or were dropped by a limit): give the window back.
        for entry in self.consumed {
            _ = nghttp2_session_consume(session, entry.streamID, entry.count)
        }
        self.consumed.removeAll(keepingCapacity: true)
        if rc < 0 {
            throw NGHTTP2Error(code: Int32(rc), function: "nghttp2_session_mem_recv")
        }
    }

    /// Hands every queued event to `body` in arrival order, then forgets the messages of closed
    /// streams. `body` may submit frames; it runs outside nghttp2's callbacks.
    func drainEvents(_ body: (HTTP2SessionEvent) -> Void) {
        var index = 0
        while index < self.events.count {
            let event = self.events[index]
            index += 1
            body(event)
            if case .streamClosed(let streamID, _) = event {
                self.messages[streamID] = nil
            }
        }
        self.events.removeAll(keepingCapacity: true)
    }

    /// Removes and returns a stream's message (typically on `.messageComplete`).
    func takeMessage(_ streamID: Int32) -> HTTP2InboundMessage? {
        self.messages.removeValue(forKey: streamID)
    }

    /// Looks at a stream's message without removing it.
    func message(_ streamID: Int32) -> HTTP2InboundMessage? {
        self.messages[streamID]
    }

    /// Marks a message that is still arriving as refused (e.g. it timed out): its remaining bytes
    /// are dropped and no `.messageComplete` follows.
    func reject(_ streamID: Int32, _ reason: HTTP2InboundMessage.Rejection) {
        guard self.messages[streamID]?.rejection == nil else { return }
        self.messages[streamID]?.rejection = reason
        self.messages[streamID]?.body = ByteBuffer()
    }

    /// Stream ids whose messages started before `deadline` and are still arriving.
    func streamsStarted(before deadline: NIODeadline) -> [Int32] {
        self.messages.compactMap { $0.value.startedAt < deadline && $0.value.rejection == nil ? $0.key : nil }
    }

    // MARK: - Output

    /// Serializes every frame nghttp2 may send now (within flow-control windows) and hands the
    /// resulting buffers, in order, to `write`. Returns `false` if nothing was produced.
    @discardableResult
    func send(_ write: (ByteBuffer) -> Void) throws -> Bool {
        if self.output.readableBytes == 0 {
            // Reuses the storage when the previous write has left the socket (the usual case).
            self.output.clear()
        }
        let rc = nghttp2_session_send(self.session)
        if self.output.readableBytes > 0 {
            self.pendingWrites.append(self.output.readSlice(length: self.output.readableBytes)!)
        }
        let produced = !self.pendingWrites.isEmpty
        for buffer in self.pendingWrites {
            write(buffer)
        }
        self.pendingWrites.removeAll(keepingCapacity: true)
        if rc != 0 {
            throw NGHTTP2Error(code: rc, function: "nghttp2_session_send")
        }
        return produced
    }

    /// Queues a response on `streamID` (server). A non-empty `body` is sent without copying;
    /// `contentLength` is announced (for `HEAD`, the length of the body not sent).
    func submitResponse(
        streamID: Int32,
        status: HTTPResponseStatus,
        headers: HTTPHeaders,
        body: ByteBuffer?,
        contentLength: Int
    ) throws {
        self.headerBlock.reset()
        self.headerBlock.appendStatus(status.code)
        self.headerBlock.appendContentLength(contentLength)
        self.headerBlock.append(headers)
        let sendsBody = body.map { $0.readableBytes > 0 } ?? false
        let rc = self.withDataProvider(hasBody: sendsBody) { provider in
            self.headerBlock.withNameValuePairs { nva, count in
                nghttp2_submit_response(self.session, streamID, nva, count, provider)
            }
        }
        try Self.check(rc, "nghttp2_submit_response")
        if let body, sendsBody {
            self.outboundBodies[streamID] = body
        }
    }

    /// Queues a request (client) and returns its stream id. `body` is sent without copying.
    func submitRequest(
        method: HTTPMethod,
        scheme: String,
        authority: String,
        path: String,
        headers: HTTPHeaders,
        body: ByteBuffer?
    ) throws -> Int32 {
        self.headerBlock.reset()
        self.headerBlock.appendRequestPseudoHeaders(
            method: method.rawValue,
            scheme: scheme,
            authority: authority,
            path: path
        )
        if let body {
            self.headerBlock.appendContentLength(body.readableBytes)
        }
        self.headerBlock.append(headers)
        let sendsBody = body.map { $0.readableBytes > 0 } ?? false
        let streamID = self.withDataProvider(hasBody: sendsBody) { provider in
            self.headerBlock.withNameValuePairs { nva, count in
                nghttp2_submit_request(self.session, nil, nva, count, provider, nil)
            }
        }
        guard streamID > 0 else {
            throw NGHTTP2Error(code: streamID, function: "nghttp2_submit_request")
        }
        if let body, sendsBody {
            self.outboundBodies[streamID] = body
        }
        self.messages[streamID] = HTTP2InboundMessage(body: ByteBuffer(), startedAt: .now())
        return streamID
    }

    private func withDataProvider(hasBody: Bool, _ body: (UnsafePointer<nghttp2_data_provider>?) -> Int32) -> Int32 {
        guard hasBody else { return body(nil) }
        var provider = nghttp2_data_provider(
            source: nghttp2_data_source(ptr: nil),
            read_callback: NGHTTP2Callbacks.readBody
        )
        return withUnsafePointer(to: &provider) { body($0) }
    }

    // MARK: - Callback entry points (called only by NGHTTP2Callbacks, inside nghttp2)

    func callbackBeginHeaders(streamID: Int32, category: nghttp2_headers_category) {
        if self.role == .server, category == NGHTTP2_HCAT_REQUEST {
            self.messages[streamID] = HTTP2InboundMessage(body: ByteBuffer(), startedAt: self.now)
        }
    }

    func callbackHeader(streamID: Int32, name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        guard var message = self.messages.removeValue(forKey: streamID) else { return }
        defer { self.messages[streamID] = message }
        guard message.rejection == nil else { return }
        message.headerListSize += name.count + value.count + 32
        if message.headerListSize > self.maxHeaderListSize {
            // Reported when the header block ends, so the answer never precedes the block.
            message.rejection = .headersTooLarge
            message.headers = HTTPHeaders()
            return
        }
        if name.first == UInt8(ascii: ":") {
            let text = String(decoding: value, as: UTF8.self)
            switch String(decoding: name, as: UTF8.self) {
            case ":method": message.method = text
            case ":path": message.path = text
            case ":authority": message.authority = text
            case ":scheme": message.scheme = text
            case ":status": message.status = Int(text)
            default: break  // nghttp2 already rejects unknown pseudo-headers
            }
            return
        }
        let field = (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
        if message.headComplete {
            if message.trailers == nil { message.trailers = HTTPHeaders() }
            message.trailers!.add(name: field.0, value: field.1)
        } else {
            message.headers.add(name: field.0, value: field.1)
        }
    }

    func callbackHeadersEnded(streamID: Int32, endStream: Bool) {
        guard var message = self.messages[streamID] else { return }
        if message.rejection == .headersTooLarge, !message.headComplete {
            message.headComplete = true
            self.messages[streamID] = message
            self.events.append(.messageRejected(streamID: streamID, .headersTooLarge))
            return
        }
        if !message.headComplete {
            if self.role == .client, let status = message.status, (100..<200).contains(status) {
                // An informational response: the final head follows in another header block.
                message.status = nil
                message.headers = HTTPHeaders()
                message.headerListSize = 0
                self.messages[streamID] = message
                return
            }
            message.headComplete = true
            self.messages[streamID] = message
            if message.rejection == nil {
                self.events.append(.headComplete(streamID: streamID))
            }
        }
        if endStream, message.rejection == nil {
            self.events.append(.messageComplete(streamID: streamID))
        }
    }

    func callbackDataEnded(streamID: Int32) {
        if let message = self.messages[streamID], message.rejection == nil {
            self.events.append(.messageComplete(streamID: streamID))
        }
    }

    func callbackDataChunk(streamID: Int32, bytes: UnsafeRawBufferPointer) {
        self.consumed.append((streamID, bytes.count))
        guard self.messages[streamID]?.rejection == nil, let size = self.messages[streamID]?.body.readableBytes else {
            return
        }
        if size + bytes.count > self.maxBodySize {
            self.messages[streamID]!.rejection = .bodyTooLarge
            self.messages[streamID]!.body = ByteBuffer()
            self.events.append(.messageRejected(streamID: streamID, .bodyTooLarge))
            return
        }
        if size == 0, self.messages[streamID]!.body.capacity == 0 {
            // First chunk: size the buffer once from content-length when the peer sent one.
            let declared = self.messages[streamID]!.headers.first(name: "content-length").flatMap { Int($0) }
            let capacity = min(max(declared ?? bytes.count, bytes.count), self.maxBodySize)
            self.messages[streamID]!.body = self.allocator.buffer(capacity: capacity)
        }
        self.messages[streamID]!.body.writeBytes(bytes)
    }

    func callbackStreamClosed(streamID: Int32, errorCode: UInt32) {
        self.outboundBodies[streamID] = nil
        self.events.append(.streamClosed(streamID: streamID, errorCode: errorCode))
    }

    func callbackEvent(_ event: HTTP2SessionEvent) {
        self.events.append(event)
    }

    func callbackLibraryError(_ message: String) {
        self.lastLibraryError = message
    }

    func callbackSend(_ bytes: UnsafeRawBufferPointer) {
        self.output.writeBytes(bytes)
    }

    /// How many body bytes the next DATA frame of `streamID` carries (`nil`: no body queued).
    func callbackRemainingBody(streamID: Int32) -> Int? {
        self.outboundBodies[streamID]?.readableBytes
    }

    /// Writes one DATA frame: the 9-byte frame header, then `length` bytes of the stream's body —
    /// copied for small frames, as a slice of the caller's buffer for large ones.
    func callbackSendData(streamID: Int32, frameHeader: UnsafeRawBufferPointer, length: Int, padding: Int) -> Bool {
        guard var body = self.outboundBodies.removeValue(forKey: streamID),
            let slice = body.readSlice(length: length)
        else { return false }
        if body.readableBytes > 0 {
            self.outboundBodies[streamID] = body
        }
        self.output.writeBytes(frameHeader)
        if padding > 0 {
            self.output.writeInteger(UInt8(padding - 1))
        }
        if length <= self.inlineDataLimit {
            self.output.writeImmutableBuffer(slice)
        } else {
            self.pendingWrites.append(self.output.readSlice(length: self.output.readableBytes)!)
            self.pendingWrites.append(slice)
            // A fresh buffer: writing on into the one just handed off would copy it.
            self.output = self.allocator.buffer(capacity: 4096)
        }
        if padding > 1 {
            self.output.writeRepeatingByte(0, count: padding - 1)
        }
        return true
    }
}
