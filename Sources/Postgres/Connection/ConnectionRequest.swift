/// Work a caller hands to a connection's driver, with the continuation its answer goes to.
enum ConnectionRequest {
    /// One statement, extended protocol (prepared and cached), one Sync.
    case single(PostgresQuery, UnsafeContinuation<PostgresRows, any Error>)
    /// Several statements sent back to back in pipeline mode, each followed by a Sync so that one
    /// failing statement does not abort the others (outside an explicit transaction); one round trip.
    case pipeline([PostgresQuery], UnsafeContinuation<[Result<PostgresRows, PostgresError>], any Error>)
    /// A script in the simple query protocol: several statements, no parameters (migrations).
    case script(String, UnsafeContinuation<PostgresRows, any Error>)

    func fail(_ error: PostgresError) {
        switch self {
        case .single(_, let continuation): continuation.resume(throwing: error)
        case .pipeline(_, let continuation): continuation.resume(throwing: error)
        case .script(_, let continuation): continuation.resume(throwing: error)
        }
    }
}

/// The protocol messages the driver sent for the request in flight, in order, so that each result
/// libpq returns can be matched with the statement it belongs to.
enum PipelineStep {
    case prepare(query: Int, key: StatementKey)
    case execute(query: Int, key: StatementKey?)
    case sync
    case script
}
