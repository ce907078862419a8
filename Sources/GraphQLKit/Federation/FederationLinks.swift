/// How one subgraph names the federation elements: the Federation 2 version it links (nil for a
/// Federation 1 subgraph, which has no `@link`), and the local name of each directive and of the
/// field set scalar after imports and renames.
///
/// ```graphql
/// extend schema @link(url: "https://specs.apollo.dev/federation/v2.3",
///                     import: ["@key", { name: "@shareable", as: "@share" }, "FieldSet"])
/// ```
/// gives `@key` for ``FederationDirective/key``, `@share` for ``FederationDirective/shareable``,
/// `@federation__requires` for the rest (not imported: namespaced) and `FieldSet` for the scalar.
public struct FederationLinks: Sendable, Hashable {
    /// The minor version of the linked Federation 2 specification; nil for Federation 1.
    public let minorVersion: Int?
    /// The linked federation URL as written (nil for Federation 1).
    public let federationURL: String?
    /// The local name of each directive available in the linked version.
    public let localNames: [FederationDirective: String]
    /// The canonical directive for each local directive name.
    public let directivesByLocalName: [String: FederationDirective]
    /// The local name of the field set scalar (`FieldSet`, `federation__FieldSet`, or `_FieldSet` in Federation 1).
    public var fieldSetTypeName: String { scalarNames["FieldSet"] ?? "FieldSet" }
    /// The local names of the specification's scalars (`FieldSet`, `Scope`, `Policy`,
    /// `ContextFieldValue` by canonical name) available in the linked version.
    public let scalarNames: [String: String]
    /// `@link`s to other specifications (for `@composeDirective`), as written.
    public let otherLinks: [LinkedSpecification]

    /// Whether the subgraph is a Federation 2 subgraph.
    public var isFederation2: Bool { minorVersion != nil }

    /// The local name of `directive`, nil when the linked version lacks it.
    public func localName(_ directive: FederationDirective) -> String? {
        localNames[directive]
    }

    /// Whether `directives` contain `directive` (under its local name).
    public func contains(_ directive: FederationDirective, in directives: [Directive]) -> Bool {
        guard let name = localNames[directive] else { return false }
        return directives.contains(named: name)
    }

    /// The applications of `directive` among `directives`.
    public func applications(of directive: FederationDirective, in directives: [Directive]) -> [Directive] {
        guard let name = localNames[directive] else { return [] }
        return directives.named(name)
    }

    /// Federation 1 naming: every directive by its bare name.
    public static let federation1 = FederationLinks(
        minorVersion: nil, federationURL: nil,
        localNames: Dictionary(uniqueKeysWithValues: FederationDirective.allCases.filter(\.existsInFederation1).map { ($0, $0.rawValue) }),
        scalarNames: ["FieldSet": "_FieldSet"], otherLinks: [])

    init(minorVersion: Int?, federationURL: String?, localNames: [FederationDirective: String], scalarNames: [String: String],
         otherLinks: [LinkedSpecification]) {
        self.minorVersion = minorVersion
        self.federationURL = federationURL
        self.localNames = localNames
        var reverse: [String: FederationDirective] = [:]
        for (directive, name) in localNames { reverse[name] = directive }
        self.directivesByLocalName = reverse
        self.scalarNames = scalarNames
        self.otherLinks = otherLinks
    }

    /// Reads the `@link`s on the schema definition and extensions of a subgraph document.
    /// Throws (code `INVALID_LINK_DIRECTIVE_USAGE`) for an import the specification does not have,
    /// or a federation version it does not know.
    public static func read(from document: Document) throws(GraphQLError) -> FederationLinks {
        var links: [Directive] = []
        for definition in document.definitions {
            switch definition {
            case .schema(let schema): links += schema.directives.named("link")
            case .schemaExtension(let schema): links += schema.directives.named("link")
            default: break
            }
        }
        var federation: Directive?
        var others: [LinkedSpecification] = []
        for link in links {
            guard let url = link.stringArgument("url") else {
                throw linkError("A @link must have a string \"url\" argument.")
            }
            if url.hasPrefix(FederationSpecification.federationURLPrefix) {
                if federation != nil { throw linkError("The federation specification is linked more than once.") }
                federation = link
            } else if !url.hasPrefix(FederationSpecification.linkURLPrefix) {
                others.append(try LinkedSpecification(link, url: url))
            }
        }
        guard let federation, let url = federation.stringArgument("url") else { return .federation1 }
        let versionText = url.dropFirst(FederationSpecification.federationURLPrefix.count)
        let parts = versionText.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "2", let minor = Int(parts[1]), minor >= 0,
              minor <= FederationSpecification.latestMinorVersion else {
            throw linkError("Invalid version v\(versionText) for the federation feature in @link direction on schema (known: up to v2.\(FederationSpecification.latestMinorVersion)).")
        }
        let namespace = federation.stringArgument("as") ?? "federation"
        let available = FederationDirective.allCases.filter { $0.minimumMinorVersion <= minor }
        var localNames: [FederationDirective: String] = [:]
        for directive in available { localNames[directive] = "\(namespace)__\(directive.rawValue)" }
        var scalars: [String: String] = [:]
        for scalar in FederationSpecification.scalars where scalar.minimumMinorVersion <= minor {
            scalars[scalar.name] = "\(namespace)__\(scalar.name)"
        }
        for (name, alias) in try imports(of: federation) {
            if scalars[name] != nil {
                scalars[name] = alias ?? name
                continue
            }
            guard name.hasPrefix("@") else {
                throw linkError("Cannot import unknown element \"\(name)\".")
            }
            let bare = String(name.dropFirst())
            guard let directive = FederationDirective(rawValue: bare) else {
                throw linkError("Cannot import unknown element \"\(name)\".")
            }
            guard directive.minimumMinorVersion <= minor else {
                throw linkError("Cannot import unknown element \"\(name)\" (it needs federation v2.\(directive.minimumMinorVersion), the schema links v2.\(minor)).")
            }
            if let alias {
                guard alias.hasPrefix("@") else {
                    throw linkError("Invalid @link import renaming: directive \"\(name)\" imported name should start with a '@' character, but got \"\(alias)\".")
                }
                localNames[directive] = String(alias.dropFirst())
            } else {
                localNames[directive] = bare
            }
        }
        return FederationLinks(minorVersion: minor, federationURL: url, localNames: localNames, scalarNames: scalars, otherLinks: others)
    }

    /// The `import:` list of a `@link`: names with their optional `as` renames.
    static func imports(of link: Directive) throws(GraphQLError) -> [(name: String, alias: String?)] {
        guard let value = link.argument("import") else { return [] }
        let items: [Value]
        switch value {
        case .list(let list): items = list.values
        default: items = [value]
        }
        var result: [(String, String?)] = []
        for item in items {
            switch item {
            case .string(let string):
                result.append((string.value, nil))
            case .object(let object):
                var name: String?
                var alias: String?
                for field in object.fields {
                    guard case .string(let string) = field.value else {
                        throw linkError("Invalid value for the \"\(field.name.value)\" field of an @link import.")
                    }
                    switch field.name.value {
                    case "name": name = string.value
                    case "as": alias = string.value
                    default: throw linkError("Unknown field \"\(field.name.value)\" in an @link import.")
                    }
                }
                guard let name else { throw linkError("An object @link import needs a \"name\".") }
                result.append((name, alias))
            default:
                throw linkError("Invalid sub-value \(Printer.print(item)) for @link(import:) argument: values should be either strings or input object values of the form { name: \"<importedElement>\", as: \"<alias>\" }.")
            }
        }
        return result
    }

    static func linkError(_ message: String) -> GraphQLError {
        GraphQLError(message: "[INVALID_LINK_DIRECTIVE_USAGE] \(message)", extensions: ["code": "INVALID_LINK_DIRECTIVE_USAGE"])
    }
}

/// A `@link` to a specification other than federation and link (custom directives composed
/// with `@composeDirective`).
public struct LinkedSpecification: Sendable, Hashable {
    public let url: String
    /// The imported element names (`@myDirective`) with their renames.
    public let imports: [String]
    /// The `@link` as written.
    public let directive: Directive

    init(_ directive: Directive, url: String) throws(GraphQLError) {
        self.url = url
        self.directive = directive
        self.imports = try FederationLinks.imports(of: directive).map { $0.alias ?? $0.name }
    }
}
