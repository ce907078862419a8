/// A position in a producer's event feed: every event whose `(txid, position)` key is at or before
/// it has been handed out. Consumers store it as an opaque string (``encoded``) and send it back as
/// `after=`; only the feed interprets it.
///
/// Two versions exist on the wire, both URL-safe base64 without padding:
/// - version 1: `[1][txid: u64][position: i64]` — a plain position;
/// - version 2: the same plus the visibility of a resync snapshot (`xmax` and the in-progress
///   transaction ids). Events that snapshot already saw (`txid < xmax` and not in progress) are
///   part of the snapshot the consumer loaded, so the feed skips them. Once the feed moves past
///   `xmax` it hands out version-1 cursors again.
///
/// ```swift
/// let cursor = try EventCursor(encoded: request.after)   // throws EventCursor.DecodingError
/// let next = EventCursor(txid: 812, position: 4051).encoded
/// ```
public struct EventCursor: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// What a resync snapshot saw: transactions below `xmax` and not listed in `inProgress`.
    public struct SnapshotVisibility: Sendable, Hashable {
        public var xmax: UInt64
        public var inProgress: [UInt64]

        public init(xmax: UInt64, inProgress: [UInt64]) {
            self.xmax = xmax
            self.inProgress = inProgress.sorted()
        }

        /// Whether a transaction committed before the snapshot (so its events are in it).
        public func saw(_ txid: UInt64) -> Bool {
            txid < xmax && !inProgress.contains(txid)
        }

        /// `pg_snapshot` text (`xmin:xmax:xip,…`) with the same answers for every txid at or above
        /// the smallest in-progress one (all the feed asks about).
        var pgSnapshotText: String {
            let xmin = inProgress.first ?? xmax
            return "\(xmin):\(xmax):" + inProgress.map(String.init).joined(separator: ",")
        }
    }

    /// Why a cursor string was refused.
    public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The transaction id (`xid8`) of the last event handed out; 0 at the origin.
    public var txid: UInt64
    /// The outbox position of the last event handed out within `txid`; 0 at the origin.
    public var position: Int64
    /// Set after a resync until the feed passed the snapshot's `xmax`.
    public var snapshot: SnapshotVisibility?

    /// Before the first event ever written.
    public static let origin = EventCursor(txid: 0, position: 0)

    /// The most in-progress transaction ids a version-2 cursor carries (PostgreSQL's own limit is
    /// `max_connections` plus prepared transactions; 4096 keeps a cursor under 45 KB).
    static let maximumInProgress = 4096

    public init(txid: UInt64, position: Int64, snapshot: SnapshotVisibility? = nil) {
        self.txid = txid
        self.position = position
        self.snapshot = snapshot
    }

    /// Orders by `(txid, position)`; the snapshot part does not take part.
    public static func < (lhs: EventCursor, rhs: EventCursor) -> Bool {
        (lhs.txid, lhs.position) < (rhs.txid, rhs.position)
    }

    public var description: String {
        snapshot.map { "(\(txid), \(position), snapshot xmax \($0.xmax))" } ?? "(\(txid), \(position))"
    }

    /// The opaque wire form.
    public var encoded: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(17 + (snapshot.map { 10 + 8 * $0.inProgress.count } ?? 0))
        // Never truncate the in-progress list (that would skip events): too long a list is
        // dropped whole, leaving the version guards to absorb the re-applied events.
        let snapshot = self.snapshot.flatMap { $0.inProgress.count <= Self.maximumInProgress ? $0 : nil }
        bytes.append(snapshot == nil ? 1 : 2)
        Self.append(txid, to: &bytes)
        Self.append(UInt64(bitPattern: position), to: &bytes)
        if let snapshot {
            Self.append(snapshot.xmax, to: &bytes)
            let count = UInt16(snapshot.inProgress.count)
            bytes.append(UInt8(count >> 8))
            bytes.append(UInt8(count & 0xff))
            for txid in snapshot.inProgress { Self.append(txid, to: &bytes) }
        }
        return Base64URL.encode(bytes)
    }

    /// Parses the wire form; an empty string is the origin.
    public init(encoded: String) throws {
        if encoded.isEmpty {
            self = .origin
            return
        }
        guard encoded.utf8.count <= 64 * 1024, let bytes = Base64URL.decode(encoded), let version = bytes.first else {
            throw DecodingError(message: "the cursor is not one this feed issued (not URL-safe base64)")
        }
        var reader = ByteReader(bytes: bytes, offset: 1)
        switch version {
        case 1:
            guard bytes.count == 17, let txid = reader.uint64(), let position = reader.uint64() else {
                throw DecodingError(message: "the cursor is truncated or has trailing bytes")
            }
            self.init(txid: txid, position: Int64(bitPattern: position))
        case 2:
            guard let txid = reader.uint64(), let position = reader.uint64(), let xmax = reader.uint64(),
                let count = reader.uint16(), bytes.count == 27 + 8 * Int(count)
            else {
                throw DecodingError(message: "the cursor is truncated or has trailing bytes")
            }
            var inProgress: [UInt64] = []
            inProgress.reserveCapacity(Int(count))
            for _ in 0..<count { inProgress.append(reader.uint64()!) }
            self.init(txid: txid, position: Int64(bitPattern: position),
                      snapshot: SnapshotVisibility(xmax: xmax, inProgress: inProgress))
        default:
            throw DecodingError(message: "cursor version \(version) is not supported by this feed (it knows 1 and 2)")
        }
        guard position >= 0 else { throw DecodingError(message: "the cursor has a negative position") }
    }

    /// The cursor after handing out the event at `(txid, position)`: keeps the snapshot part only
    /// while the feed is still below its `xmax`.
    func advanced(toTxid txid: UInt64, position: Int64) -> EventCursor {
        var next = EventCursor(txid: txid, position: position, snapshot: snapshot)
        if let snapshot, txid >= snapshot.xmax { next.snapshot = nil }
        return next
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// Reads big-endian integers from a byte array.
private struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    mutating func uint64() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for index in offset..<(offset + 8) { value = value << 8 | UInt64(bytes[index]) }
        offset += 8
        return value
    }

    mutating func uint16() -> UInt16? {
        guard offset + 2 <= bytes.count else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }
}
