/// A PostgreSQL type, by OID (the numbers are fixed for built-in types; see `pg_type`).
public struct PostgresDataType: Hashable, Sendable, CustomStringConvertible {
    public let oid: UInt32
    public init(oid: UInt32) { self.oid = oid }

    /// No type given: the server infers the parameter's type from the statement.
    public static let unspecified = PostgresDataType(oid: 0)
    public static let bool = PostgresDataType(oid: 16)
    public static let bytea = PostgresDataType(oid: 17)
    public static let char = PostgresDataType(oid: 18)
    public static let name = PostgresDataType(oid: 19)
    public static let int8 = PostgresDataType(oid: 20)
    public static let int2 = PostgresDataType(oid: 21)
    public static let int4 = PostgresDataType(oid: 23)
    public static let text = PostgresDataType(oid: 25)
    public static let oidType = PostgresDataType(oid: 26)
    public static let json = PostgresDataType(oid: 114)
    public static let xml = PostgresDataType(oid: 142)
    public static let float4 = PostgresDataType(oid: 700)
    public static let float8 = PostgresDataType(oid: 701)
    public static let unknown = PostgresDataType(oid: 705)
    public static let bpchar = PostgresDataType(oid: 1042)
    public static let varchar = PostgresDataType(oid: 1043)
    public static let date = PostgresDataType(oid: 1082)
    public static let time = PostgresDataType(oid: 1083)
    public static let timestamp = PostgresDataType(oid: 1114)
    public static let timestamptz = PostgresDataType(oid: 1184)
    public static let interval = PostgresDataType(oid: 1186)
    public static let numeric = PostgresDataType(oid: 1700)
    public static let uuid = PostgresDataType(oid: 2950)
    public static let jsonb = PostgresDataType(oid: 3802)
    public static let xid8 = PostgresDataType(oid: 5069)

    public static let boolArray = PostgresDataType(oid: 1000)
    public static let byteaArray = PostgresDataType(oid: 1001)
    public static let nameArray = PostgresDataType(oid: 1003)
    public static let int2Array = PostgresDataType(oid: 1005)
    public static let int4Array = PostgresDataType(oid: 1007)
    public static let textArray = PostgresDataType(oid: 1009)
    public static let bpcharArray = PostgresDataType(oid: 1014)
    public static let varcharArray = PostgresDataType(oid: 1015)
    public static let int8Array = PostgresDataType(oid: 1016)
    public static let float4Array = PostgresDataType(oid: 1021)
    public static let float8Array = PostgresDataType(oid: 1022)
    public static let timestampArray = PostgresDataType(oid: 1115)
    public static let dateArray = PostgresDataType(oid: 1182)
    public static let timestamptzArray = PostgresDataType(oid: 1185)
    public static let numericArray = PostgresDataType(oid: 1231)
    public static let uuidArray = PostgresDataType(oid: 2951)
    public static let jsonArray = PostgresDataType(oid: 199)
    public static let jsonbArray = PostgresDataType(oid: 3807)

    /// OIDs from here up belong to types created in a database (enums, domains over them, extensions).
    static let firstUserDefinedOID: UInt32 = 16384

    /// Whether values of this type travel as plain UTF-8 text in the binary format.
    var isTextual: Bool {
        switch self {
        case .text, .varchar, .bpchar, .name, .unknown, .json, .xml, .char: true
        default: oid >= Self.firstUserDefinedOID  // enums and citext send their label/text
        }
    }

    public var description: String {
        switch self {
        case .unspecified: "unspecified"
        case .bool: "boolean"
        case .bytea: "bytea"
        case .char: "\"char\""
        case .name: "name"
        case .int8: "bigint"
        case .int2: "smallint"
        case .int4: "integer"
        case .text: "text"
        case .oidType: "oid"
        case .json: "json"
        case .xml: "xml"
        case .float4: "real"
        case .float8: "double precision"
        case .unknown: "unknown"
        case .bpchar: "character"
        case .varchar: "character varying"
        case .date: "date"
        case .time: "time"
        case .timestamp: "timestamp"
        case .timestamptz: "timestamptz"
        case .interval: "interval"
        case .numeric: "numeric"
        case .uuid: "uuid"
        case .jsonb: "jsonb"
        case .xid8: "xid8"
        case .boolArray: "boolean[]"
        case .byteaArray: "bytea[]"
        case .nameArray: "name[]"
        case .int2Array: "smallint[]"
        case .int4Array: "integer[]"
        case .textArray: "text[]"
        case .bpcharArray: "character[]"
        case .varcharArray: "character varying[]"
        case .int8Array: "bigint[]"
        case .float4Array: "real[]"
        case .float8Array: "double precision[]"
        case .timestampArray: "timestamp[]"
        case .dateArray: "date[]"
        case .timestamptzArray: "timestamptz[]"
        case .numericArray: "numeric[]"
        case .uuidArray: "uuid[]"
        case .jsonArray: "json[]"
        case .jsonbArray: "jsonb[]"
        default: "type with OID \(oid)"
        }
    }
}

/// How a parameter value travels to the server.
public enum PostgresFormat: Int16, Sendable {
    case text = 0
    case binary = 1
}
