/// A `NOTIFY` the server delivered: channel, payload, and the process ID of the notifying session.
public struct PostgresNotification: Sendable, Hashable {
    public let channel: String
    public let payload: String
    public let backendPID: Int32

    public init(channel: String, payload: String, backendPID: Int32) {
        self.channel = channel
        self.payload = payload
        self.backendPID = backendPID
    }
}
