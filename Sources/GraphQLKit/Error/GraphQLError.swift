/// One step of a response path: an object key or a list index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}

/// An error found while parsing, validating or executing a GraphQL request: the shape of the
/// `errors` entries of a GraphQL response, as graphql-js's `GraphQLError`.
///
/// ```swift
/// do {
///     _ = try Parser.parse("{ field(arg: $) }")
/// } catch {
///     error.message                  // "Syntax Error: Expected Name, found \")\"."
///     error.locations                // [SourceLocation(line: 1, column: 15)]
///     error.jsonValue.serialized()   // {"message":"Syntax Error: …","locations":[{"line":1,"column":15}]}
///     print(error)                   // message plus the marked source line, as graphql-js prints it
/// }
/// ```
public struct GraphQLError: Error, Sendable, Hashable {
    /// The human-readable message.
    public var message: String
    /// Where in the document the error is (1-based line, UTF-16 column); nil when not tied to
    /// the document.
    public var locations: [SourceLocation]?
    /// The response path of the field that failed (execution errors only).
    public var path: [PathComponent]?
    /// Extra fields for the `extensions` entry (e.g. `code`); omitted from JSON when empty.
    public var extensions: JSONObject?
    /// The document the locations refer to (not serialized; used for printing).
    public var source: Source?
    /// Byte offsets into ``source`` of each location (not serialized).
    public var positions: [Int]?
    /// Locations of the AST nodes the error is about, when it was created from nodes (not
    /// serialized; used for printing, as graphql-js prints from its `nodes`).
    public var nodeLocations: [Location]?

    /// An error with explicit locations (or none).
    public init(message: String, locations: [SourceLocation]? = nil, path: [PathComponent]? = nil, extensions: JSONObject? = nil) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
    }

    /// An error at byte `positions` of `source` (graphql-js's `source` + `positions` options).
    public init(message: String, source: Source, positions: [Int], path: [PathComponent]? = nil, extensions: JSONObject? = nil) {
        self.message = message
        self.source = source
        self.positions = positions
        self.locations = positions.map { source.location(ofByteOffset: $0) }
        self.path = path
        self.extensions = extensions
    }

    /// An error about AST nodes of a document parsed from `source`, located at each node's
    /// start (graphql-js's `nodes` option). Nodes without a location are skipped; with none left,
    /// or without a source, the error has no locations.
    ///
    /// ```swift
    /// GraphQLError(message: "Unknown field \"x\".", nodes: [field.location], source: document.source)
    /// ```
    public init(message: String, nodes: [Location?], source: Source?, path: [PathComponent]? = nil, extensions: JSONObject? = nil) {
        self.message = message
        self.path = path
        self.extensions = extensions
        let located = nodes.compactMap { $0 }
        if let source, !located.isEmpty {
            self.nodeLocations = located
            self.source = source
            self.positions = located.map(\.start)
            self.locations = located.map { source.location(ofByteOffset: $0.start) }
        }
    }

    /// A syntax error: `"Syntax Error: " + description` at one position.
    public static func syntaxError(source: Source, position: Int, description: String) -> GraphQLError {
        GraphQLError(message: "Syntax Error: " + description, source: source, positions: [position])
    }

    /// The error in the response format, with graphql-js `toJSON()`'s keys and order:
    /// `message`, then `locations`, `path` and `extensions` when present.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object.appendNew("message", .string(message))
        if let locations {
            object.appendNew("locations", .array(locations.map { .object(["line": .int($0.line), "column": .int($0.column)]) }))
        }
        if let path {
            object.appendNew("path", .array(path.map { component in
                switch component {
                case .key(let key): return .string(key)
                case .index(let index): return .int(index)
                }
            }))
        }
        if let extensions, !extensions.isEmpty {
            object.appendNew("extensions", .object(extensions))
        }
        return .object(object)
    }

    public static func == (lhs: GraphQLError, rhs: GraphQLError) -> Bool {
        lhs.message == rhs.message && lhs.locations == rhs.locations && lhs.path == rhs.path && lhs.extensions == rhs.extensions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(message)
        hasher.combine(locations)
        hasher.combine(path)
    }
}
