import Foundation

/// PostgreSQL counts timestamps in microseconds and dates in days from 2000-01-01 00:00:00 UTC.
enum PostgresEpoch {
    static let unixSeconds: Int64 = 946_684_800
    static let unixMicroseconds: Int64 = unixSeconds * 1_000_000
}

// Dates travel as timestamptz (microseconds, UTC). `Date` decodes from timestamptz, timestamp (read
// as UTC) and date (midnight UTC). ±infinity has no `Date` equivalent and is a decoding error.
extension Date: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    public static var postgresDataType: PostgresDataType { .timestamptz }
    public static var postgresFormat: PostgresFormat { .binary }
    public static var postgresArrayDataType: PostgresDataType { .timestamptzArray }

    public func encode(into writer: inout PostgresByteWriter) throws {
        let microseconds = (timeIntervalSince1970 * 1_000_000).rounded()
        guard microseconds.isFinite, abs(microseconds) < 9.0e18 else {
            throw PostgresEncodingFailure("date \(self) is outside the timestamptz range")
        }
        writer.write(integer: Int64(microseconds) - PostgresEpoch.unixMicroseconds)
    }

    public static func decode(_ value: PostgresBinaryValue) throws -> Date {
        switch value.type {
        case .timestamptz, .timestamp:
            try value.requireLength(8)
            let microseconds = try value.integer(at: 0, as: Int64.self)
            guard microseconds != .max, microseconds != .min else {
                throw PostgresDecodingFailure("\(value.type) is \(microseconds == .max ? "" : "-")infinity, which Date cannot represent")
            }
            let sinceUnix = microseconds + PostgresEpoch.unixMicroseconds
            let seconds = sinceUnix.quotientAndRemainder(dividingBy: 1_000_000)
            return Date(timeIntervalSince1970: Double(seconds.quotient) + Double(seconds.remainder) / 1_000_000)
        case .date:
            try value.requireLength(4)
            let days = try value.integer(at: 0, as: Int32.self)
            guard days != .max, days != .min else {
                throw PostgresDecodingFailure("date is \(days == .max ? "" : "-")infinity, which Date cannot represent")
            }
            return Date(timeIntervalSince1970: Double(Int64(days) * 86_400 + PostgresEpoch.unixSeconds))
        default:
            throw PostgresDecodingFailure.typeMismatch(Date.self, value.type)
        }
    }
}
