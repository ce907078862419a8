/// A parsed GraphQL document: executable definitions (operations, fragments), type-system
/// definitions and extensions, in source order.
///
/// Every AST type is a `Sendable`, `Hashable` value type; sum types are enums with associated
/// values, so consumers `switch` instead of downcasting. Each node carries an optional
/// ``Location`` (nil when parsed with ``ParseOptions/noLocation``): byte offsets into the
/// document's ``source``.
///
/// ```swift
/// let document = try Parser.parse("query Hero { hero { name } }")
/// for case .operation(let operation) in document.definitions {
///     print(operation.name?.value ?? "anonymous")   // "Hero"
/// }
/// ```
public struct Document: Sendable, Hashable {
    public var definitions: [Definition]
    public var location: Location?
    /// The text the node locations point into (set by the parser).
    public var source: Source?

    public init(definitions: [Definition], location: Location? = nil, source: Source? = nil) {
        self.definitions = definitions
        self.location = location
        self.source = source
    }
}

/// One top-level definition of a ``Document``.
public enum Definition: Sendable, Hashable {
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)
    case schema(SchemaDefinition)
    case type(TypeDefinition)
    case directive(DirectiveDefinition)
    case schemaExtension(SchemaExtension)
    case typeExtension(TypeExtension)

    /// The definition's location, if kept.
    public var location: Location? {
        switch self {
        case .operation(let node): return node.location
        case .fragment(let node): return node.location
        case .schema(let node): return node.location
        case .type(let node): return node.location
        case .directive(let node): return node.location
        case .schemaExtension(let node): return node.location
        case .typeExtension(let node): return node.location
        }
    }

    /// Whether this is an operation or a fragment (what an executable document may contain).
    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: return true
        default: return false
        }
    }
}

/// A GraphQL name (of a field, type, argument, …) with its location.
public struct Name: Sendable, Hashable, ExpressibleByStringLiteral {
    public var value: String
    public var location: Location?

    public init(_ value: String, location: Location? = nil) {
        self.value = value
        self.location = location
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}
