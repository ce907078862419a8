/// A directive of the Apollo Federation subgraph specification, by its canonical name (the name
/// it has when imported without renaming).
public enum FederationDirective: String, Sendable, Hashable, CaseIterable {
    case key
    case requires
    case provides
    case external
    case tag
    case extends
    case shareable
    case inaccessible
    case override
    case composeDirective
    case interfaceObject
    case authenticated
    case requiresScopes
    case policy
    case context
    case fromContext
    case cost
    case listSize

    /// The first Federation 2 minor version that defines the directive.
    public var minimumMinorVersion: Int {
        switch self {
        case .composeDirective: return 1
        case .interfaceObject: return 3
        case .authenticated, .requiresScopes: return 5
        case .policy: return 6
        case .context, .fromContext: return 8
        case .cost, .listSize: return 9
        default: return 0
        }
    }

    /// Whether Federation 1 subgraphs (no `@link`) have the directive.
    public var existsInFederation1: Bool {
        switch self {
        case .key, .requires, .provides, .external, .tag, .extends, .inaccessible: return true
        default: return false
        }
    }

    /// The directive's definition, named `localName`, with `scalar` giving the local names of
    /// the specification's scalars (`FieldSet`, `Scope`, `Policy`, `ContextFieldValue`).
    func definition(localName: String, scalar: (String) -> String) -> String {
        let fieldSet = scalar("FieldSet")
        let access = "FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"
        let everywhere = "FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION"
        switch self {
        case .key: return "directive @\(localName)(fields: \(fieldSet)!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE"
        case .requires: return "directive @\(localName)(fields: \(fieldSet)!) on FIELD_DEFINITION"
        case .provides: return "directive @\(localName)(fields: \(fieldSet)!) on FIELD_DEFINITION"
        case .external: return "directive @\(localName)(reason: String) on OBJECT | FIELD_DEFINITION"
        case .tag: return "directive @\(localName)(name: String!) repeatable on \(everywhere)"
        case .extends: return "directive @\(localName) on OBJECT | INTERFACE"
        case .shareable: return "directive @\(localName) repeatable on OBJECT | FIELD_DEFINITION"
        case .inaccessible: return "directive @\(localName) on \(everywhere)"
        case .override: return "directive @\(localName)(from: String!, label: String) on FIELD_DEFINITION"
        case .composeDirective: return "directive @\(localName)(name: String!) repeatable on SCHEMA"
        case .interfaceObject: return "directive @\(localName) on OBJECT"
        case .authenticated: return "directive @\(localName) on \(access)"
        case .requiresScopes: return "directive @\(localName)(scopes: [[\(scalar("Scope"))!]!]!) on \(access)"
        case .policy: return "directive @\(localName)(policies: [[\(scalar("Policy"))!]!]!) on \(access)"
        case .context: return "directive @\(localName)(name: String!) repeatable on INTERFACE | OBJECT | UNION"
        case .fromContext: return "directive @\(localName)(field: \(scalar("ContextFieldValue"))) on ARGUMENT_DEFINITION"
        case .cost: return "directive @\(localName)(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR"
        case .listSize: return "directive @\(localName)(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION"
        }
    }
}

/// The URLs and names of the specifications a subgraph links.
public enum FederationSpecification {
    /// The URL prefix of the federation specification (`…/federation/v2.3`).
    public static let federationURLPrefix = "https://specs.apollo.dev/federation/v"
    /// The URL prefix of the link specification (`…/link/v1.0`).
    public static let linkURLPrefix = "https://specs.apollo.dev/link/v"
    /// The newest Federation 2 minor version this implementation knows.
    public static let latestMinorVersion = 12
    /// The specification's scalars with the minor version that introduced them.
    static let scalars: [(name: String, minimumMinorVersion: Int)] = [("FieldSet", 0), ("Scope", 5), ("Policy", 6), ("ContextFieldValue", 8)]
    /// The definitions of the link specification that a Federation 2 subgraph gets.
    static let linkDefinitions: [(name: String, sdl: String)] = [
        ("link", "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA"),
        ("link__Import", "scalar link__Import"),
        ("link__Purpose", "enum link__Purpose {\n  SECURITY\n  EXECUTION\n}"),
    ]
}
