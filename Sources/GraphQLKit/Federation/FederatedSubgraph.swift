/// A subgraph's SDL read with the federation specification: its `@link`s resolved, its orphan
/// `extend type`s turned into types, and the schema with everything the specification adds
/// (`_Any`, the field set scalar, `_Entity`, `_Service`, `Query._entities`, `Query._service`, the
/// federation and link directive definitions). Used to serve a subgraph
/// (``ExecutableSchema/subgraph(sdl:resolvers:entities:options:)``) and to compose subgraphs.
///
/// ```swift
/// let subgraph = try FederatedSubgraph(sdl: """
///     extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
///     type Query { product(upc: String!): Product }
///     type Product @key(fields: "upc") { upc: String! name: String }
///     """)
/// subgraph.entityTypeNames          // ["Product"]
/// try printSchema(subgraph.schema)  // … union _Entity = Product …
/// ```
public struct FederatedSubgraph: Sendable {
    /// The SDL as written (what `_service { sdl }` answers).
    public let sdl: String
    /// The SDL parsed, as written.
    public let document: Document
    /// The federation version and the local names of its elements.
    public let links: FederationLinks
    /// The schema with the federation additions.
    public let schema: GraphQLSchema
    /// The object types with a `@key` (the members of `_Entity`), in document order.
    public let entityTypeNames: [String]
    /// Types this subgraph only extends: written as `extend type` without a definition, or with `@extends`.
    public let extensionTypeNames: Set<String>

    /// The names the specification adds to a subgraph schema (not part of the subgraph's own types).
    public static let addedTypeNames: Set<String> = ["_Any", "_Entity", "_Service", "link__Import", "link__Purpose"]
    /// Field set scalar names subgraph SDL may define itself (Federation 1's `_FieldSet`, say).
    static let fieldSetScalarNames: Set<String> = ["FieldSet", "_FieldSet", "federation__FieldSet"]

    /// Reads subgraph SDL. Throws a ``GraphQLError`` for a syntax error, a bad `@link`, or SDL that
    /// does not build a schema.
    public init(sdl: String, options: BuildSchemaOptions = BuildSchemaOptions()) throws(GraphQLError) {
        let document = try Parser.parse(Source(body: sdl), options: options.parseOptions)
        try self.init(document: document, sdl: sdl, options: options)
    }

    /// Reads a parsed subgraph document (`sdl` is what `_service { sdl }` answers).
    public init(document: Document, sdl: String, options: BuildSchemaOptions = BuildSchemaOptions()) throws(GraphQLError) {
        self.sdl = sdl
        self.document = document
        let links = try FederationLinks.read(from: document)
        self.links = links

        var definedTypes: Set<String> = []
        var definedDirectives: Set<String> = []
        var queryTypeName = "Query"
        for definition in document.definitions {
            switch definition {
            case .type(let type): definedTypes.insert(type.name.value)
            case .directive(let directive): definedDirectives.insert(directive.name.value)
            case .schema(let schema):
                for operation in schema.operationTypes where operation.operation == .query { queryTypeName = operation.type.name.value }
            case .schemaExtension(let schema):
                for operation in schema.operationTypes where operation.operation == .query { queryTypeName = operation.type.name.value }
            default: break
            }
        }

        // Orphan extensions become definitions (a subgraph may extend what another subgraph defines).
        var extensionTypes: Set<String> = []
        var definitions: [Definition] = []
        definitions.reserveCapacity(document.definitions.count + 32)
        let extendsName = links.localName(.extends)
        for definition in document.definitions {
            switch definition {
            case .typeExtension(let typeExtension) where !definedTypes.contains(typeExtension.name.value)
                && GraphQLScalarType.specified(named: typeExtension.name.value) == nil:
                definedTypes.insert(typeExtension.name.value)
                extensionTypes.insert(typeExtension.name.value)
                definitions.append(.type(typeExtension.asDefinition))
            case .type(let type):
                if let extendsName, type.directives.contains(named: extendsName) { extensionTypes.insert(type.name.value) }
                definitions.append(definition)
            default:
                definitions.append(definition)
            }
        }
        self.extensionTypeNames = extensionTypes

        // Entity types: object types with a @key in their definition or an extension.
        var entities: [String] = []
        if let keyName = links.localName(.key) {
            var seen: Set<String> = []
            for definition in definitions {
                let name: String
                let directives: [Directive]
                switch definition {
                case .type(.object(let object)): (name, directives) = (object.name.value, object.directives)
                case .typeExtension(.object(let object)): (name, directives) = (object.name.value, object.directives)
                default: continue
                }
                if directives.contains(named: keyName), seen.insert(name).inserted { entities.append(name) }
            }
        }
        self.entityTypeNames = entities

        var additions: [String] = []
        if links.isFederation2 {
            for (name, sdl) in FederationSpecification.linkDefinitions
            where !(definedDirectives.contains(name) || definedTypes.contains(name)) {
                additions.append(sdl)
            }
        }
        for directive in FederationDirective.allCases {
            guard let local = links.localName(directive), !definedDirectives.contains(local) else { continue }
            additions.append(directive.definition(localName: local) { links.scalarNames[$0] ?? $0 })
        }
        for scalar in links.scalarNames.values.sorted() where !definedTypes.contains(scalar) { additions.append("scalar \(scalar)") }
        if !definedTypes.contains("_Any") { additions.append("scalar _Any") }
        if !definedTypes.contains("_Service") { additions.append("type _Service {\n  sdl: String\n}") }
        var rootFields: [String] = []
        if !entities.isEmpty {
            if !definedTypes.contains("_Entity") { additions.append("union _Entity = \(entities.joined(separator: " | "))") }
            rootFields.append("_entities(representations: [_Any!]!): [_Entity]!")
        }
        rootFields.append("_service: _Service!")
        let existingRootFields = Self.fieldNames(of: queryTypeName, in: definitions)
        rootFields.removeAll { field in existingRootFields.contains(String(field.prefix { $0 != "(" && $0 != ":" })) }
        if !rootFields.isEmpty {
            let body = rootFields.map { "  \($0)" }.joined(separator: "\n")
            additions.append(definedTypes.contains(queryTypeName) ? "extend type \(queryTypeName) {\n\(body)\n}" : "type \(queryTypeName) {\n\(body)\n}")
        }
        let added = try Parser.parse(additions.joined(separator: "\n\n"), options: ParseOptions(noLocation: true))
        let combined = Document(definitions: definitions + added.definitions, location: document.location, source: document.source)
        self.schema = try buildSchema(combined, options: options)
    }

    private static func fieldNames(of typeName: String, in definitions: [Definition]) -> Set<String> {
        var names: Set<String> = []
        for definition in definitions {
            switch definition {
            case .type(.object(let object)) where object.name.value == typeName: names.formUnion(object.fields.map(\.name.value))
            case .typeExtension(.object(let object)) where object.name.value == typeName: names.formUnion(object.fields.map(\.name.value))
            default: break
            }
        }
        return names
    }

    /// The `@key`s of a type, in order: the field set text and whether the subgraph resolves it.
    ///
    /// `isExtension` says whether the key is declared on a type extension (an `extend type`, or
    /// a type marked `@extends`), which the supergraph records as `@join__type(extension: true)`.
    public func keys(of typeName: String) -> [(fields: String, resolvable: Bool, isExtension: Bool)] {
        let definitionDirectives: [Directive]
        let extensionDirectives: [Directive]
        switch schema.namedType(typeName) {
        case .object(let object)?:
            (definitionDirectives, extensionDirectives) = (object.astNode?.directives ?? [], object.extensionASTNodes.flatMap(\.directives))
        case .interface(let interface)?:
            (definitionDirectives, extensionDirectives) = (interface.astNode?.directives ?? [], interface.extensionASTNodes.flatMap(\.directives))
        default:
            return []
        }
        let definitionIsExtension = extensionTypeNames.contains(typeName)
        func read(_ directives: [Directive], onExtension: Bool) -> [(fields: String, resolvable: Bool, isExtension: Bool)] {
            links.applications(of: .key, in: directives).compactMap { key in
                guard let fields = key.stringArgument("fields") else { return nil }
                return (fields, key.booleanArgument("resolvable") ?? true, onExtension)
            }
        }
        return read(definitionDirectives, onExtension: definitionIsExtension) + read(extensionDirectives, onExtension: true)
    }

    /// The directives applied to field `fieldName` of type `typeName`.
    public func fieldDirectives(_ typeName: String, _ fieldName: String) -> [Directive] {
        schema.namedType(typeName)?.fields?[fieldName]?.astNode?.directives ?? []
    }

    /// Whether type `typeName` is one of the subgraph's own types (not a specification addition).
    public func isSubgraphType(_ typeName: String) -> Bool {
        guard let type = schema.namedType(typeName) else { return false }
        if typeName.hasPrefix("__") || Self.addedTypeNames.contains(typeName) || links.scalarNames.values.contains(typeName) { return false }
        if case .scalar(let scalar) = type, scalar.isSpecified || Self.fieldSetScalarNames.contains(typeName) { return false }
        return true
    }
}

extension TypeExtension {
    /// The extension written as a definition (for a type that has no other definition).
    var asDefinition: TypeDefinition {
        switch self {
        case .scalar(let node): return .scalar(ScalarTypeDefinition(name: node.name, directives: node.directives, location: node.location))
        case .object(let node): return .object(ObjectTypeDefinition(name: node.name, interfaces: node.interfaces, directives: node.directives, fields: node.fields, location: node.location))
        case .interface(let node): return .interface(InterfaceTypeDefinition(name: node.name, interfaces: node.interfaces, directives: node.directives, fields: node.fields, location: node.location))
        case .union(let node): return .union(UnionTypeDefinition(name: node.name, directives: node.directives, types: node.types, location: node.location))
        case .enum(let node): return .enum(EnumTypeDefinition(name: node.name, directives: node.directives, values: node.values, location: node.location))
        case .inputObject(let node): return .inputObject(InputObjectTypeDefinition(name: node.name, directives: node.directives, fields: node.fields, location: node.location))
        }
    }
}
