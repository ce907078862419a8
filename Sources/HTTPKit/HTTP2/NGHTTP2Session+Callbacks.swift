import CNGHTTP2

/// nghttp2's callbacks: file-scope, non-capturing functions that recover the owning
/// ``NGHTTP2Session`` from `user_data` (passed unretained: the session object owns the C session
/// and outlives it), check every pointer, and only record what they saw. None of them calls back
/// into nghttp2; on a broken invariant they return `NGHTTP2_ERR_CALLBACK_FAILURE`, which makes
/// nghttp2 fail the whole session instead of crashing the process.
enum NGHTTP2Callbacks {
    static func install(on callbacks: OpaquePointer?) {
        nghttp2_session_callbacks_set_send_callback(callbacks, sendCallback)
        nghttp2_session_callbacks_set_send_data_callback(callbacks, sendDataCallback)
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, beginHeadersCallback)
        nghttp2_session_callbacks_set_on_header_callback(callbacks, headerCallback)
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, frameReceivedCallback)
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, dataChunkCallback)
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, streamCloseCallback)
        nghttp2_session_callbacks_set_error_callback2(callbacks, errorCallback)
    }

    /// The `read_callback` of every data provider: announces how much of the stream's body the next
    /// DATA frame carries and asks for `NO_COPY`, so the bytes go out in `sendDataCallback`.
    static let readBody: nghttp2_data_source_read_callback = readBodyCallback
}

private let callbackFailure = Int32(NGHTTP2_ERR_CALLBACK_FAILURE.rawValue)
private let temporalFailure = Int32(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)

private func owner(_ userData: UnsafeMutableRawPointer?) -> NGHTTP2Session? {
    guard let userData else { return nil }
    return Unmanaged<NGHTTP2Session>.fromOpaque(userData).takeUnretainedValue()
}

private func sendCallback(
    _ session: OpaquePointer?,
    _ data: UnsafePointer<UInt8>?,
    _ length: Int,
    _ flags: Int32,
    _ userData: UnsafeMutableRawPointer?
) -> Int {
    guard let owner = owner(userData), let data else { return Int(callbackFailure) }
    owner.callbackSend(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

private func sendDataCallback(
    _ session: OpaquePointer?,
    _ frame: UnsafeMutablePointer<nghttp2_frame>?,
    _ frameHeader: UnsafePointer<UInt8>?,
    _ length: Int,
    _ source: UnsafeMutablePointer<nghttp2_data_source>?,
    _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let owner = owner(userData), let frame, let frameHeader else { return callbackFailure }
    let sent = owner.callbackSendData(
        streamID: frame.pointee.hd.stream_id,
        frameHeader: UnsafeRawBufferPointer(start: frameHeader, count: 9),
        length: length,
        padding: Int(frame.pointee.data.padlen)
    )
    return sent ? 0 : temporalFailure
}

private func readBodyCallback(
    _ session: OpaquePointer?,
    _ streamID: Int32,
    _ buffer: UnsafeMutablePointer<UInt8>?,
    _ length: Int,
    _ dataFlags: UnsafeMutablePointer<UInt32>?,
    _ source: UnsafeMutablePointer<nghttp2_data_source>?,
    _ userData: UnsafeMutableRawPointer?
) -> Int {
    guard let owner = owner(userData), let dataFlags else { return Int(callbackFailure) }
    guard let remaining = owner.callbackRemainingBody(streamID: streamID) else {
        return Int(temporalFailure)
    }
    let count = min(length, remaining)
    var flags = NGHTTP2_DATA_FLAG_NO_COPY.rawValue
    if count == remaining {
        flags |= NGHTTP2_DATA_FLAG_EOF.rawValue
    }
    dataFlags.pointee |= flags
    return count
}

private func beginHeadersCallback(
    _ session: OpaquePointer?,
    _ frame: UnsafePointer<nghttp2_frame>?,
    _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let owner = owner(userData), let frame else { return callbackFailure }
    if frame.pointee.hd.type == UInt8(NGHTTP2_HEADERS.rawValue) {
        owner.callbackBeginHeaders(streamID: frame.pointee.hd.stream_id, category: frame.pointee.headers.cat)
    }
    return 0
}

private func headerCallback(
    _ session: OpaquePointer?,
    _ frame: UnsafePointer<nghttp2_frame>?,
    _ name: UnsafePointer<UInt8>?,
    _ nameLength: Int,
    _ value: UnsafePointer<UInt8>?,
    _ valueLength: Int,
    _ flags: UInt8,
    _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let owner = owner(userData), let frame, let name, let value else { return callbackFailure }
    owner.callbackHeader(
        streamID: frame.pointee.hd.stream_id,
        name: UnsafeRawBufferPointer(start: name, count: nameLength),
        value: UnsafeRawBufferPointer(start: value, count: valueLength)
    )
    return 0
}

private func frameReceivedCallback(
    _ session: OpaquePointer?,
    _ frame: UnsafePointer<nghttp2_frame>?,
    _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let owner = owner(userData), let frame else { return callbackFailure }
    let header = frame.pointee.hd
    let endStream = header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    let isAck = header.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) != 0
    switch UInt32(header.type) {
    case NGHTTP2_HEADERS.rawValue:
        owner.callbackHeadersEnded(streamID: header.stream_id, endStream: endStream)
    case NGHTTP2_DATA.rawValue:
        if endStream { owner.callbackDataEnded(streamID: header.stream_id) }
    case NGHTTP2_GOAWAY.rawValue:
        owner.callbackEvent(
            .goawayReceived(lastStreamID: frame.pointee.goaway.last_stream_id, errorCode: frame.pointee.goaway.error_code)
        )
    case NGHTTP2_SETTINGS.rawValue:
        if !isAck { owner.callbackEvent(.remoteSettingsChanged) }
    case NGHTTP2_PING.rawValue:
        if isAck { owner.callbackEvent(.pingAcknowledged) }
    default:
        break
    }
    return 0
}

private func dataChunkCallback(
    _ session: OpaquePointer?,
    _ flags: UInt8,
    _ streamID: Int32,
    _ data: UnsafePointer<UInt8>?,
    _ length: Int,
    _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let owner = owner(userData), let data else { return callbackFailure }
    owner.callbackDataChunk(streamID: streamID, bytes: UnsafeRawBufferPointer(start: data, count: length))
    return 0
}

private func streamCloseCallback(
    _ session: OpaquePointer?,
    _ streamID: Int32,
    _ errorCode: UInt32,
    _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let owner = owner(userData) else { return callbackFailure }
    owner.callbackStreamClosed(streamID: streamID, errorCode: errorCode)
    return 0
}

private func errorCallback(
    _ session: OpaquePointer?,
    _ libraryErrorCode: Int32,
    _ message: UnsafePointer<CChar>?,
    _ length: Int,
    _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let owner = owner(userData), let message else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: message, count: length)
    owner.callbackLibraryError(String(decoding: bytes, as: UTF8.self))
    return 0
}
