/// Options for ``buildSchema(_:options:)`` and ``extendSchema(_:with:options:)``.
public struct BuildSchemaOptions: Sendable {
    /// Coercion hooks for custom scalars, by scalar name (a scalar without an entry passes
    /// values through, as in graphql-js). Given here, they also coerce the SDL's default values.
    public var scalars: [String: ScalarCoercion]
    /// Options for parsing SDL text.
    public var parseOptions: ParseOptions
    /// Skips the SDL validation rules (``specifiedSDLRules``), as graphql-js's `assumeValidSDL`.
    public var assumeValidSDL: Bool

    public init(scalars: [String: ScalarCoercion] = [:], parseOptions: ParseOptions = ParseOptions(), assumeValidSDL: Bool = false) {
        self.scalars = scalars
        self.parseOptions = parseOptions
        self.assumeValidSDL = assumeValidSDL
    }
}

/// Builds a schema from SDL text (graphql-js `buildSchema`): every type, directive and schema
/// definition, and every `extend` of them. Without a `schema { … }` definition the types named
/// `Query`, `Mutation` and `Subscription` are the roots. The built-in directives are added
/// unless the SDL defines one of the same name.
///
/// ```swift
/// let schema = try buildSchema("""
///     type Query { book(id: ID!): Book }
///     type Book { id: ID! title: String }
///     extend type Book { author: String }
///     """)
/// ```
///
/// Throws a ``GraphQLError`` for a syntax error or an SDL the type system cannot build (an
/// unknown type, an extension of a type that is not defined). The type-system rules
/// (``GraphQLSchema/validationErrors``) are checked separately, as graphql-js does.
public func buildSchema(_ sdl: String, options: BuildSchemaOptions = BuildSchemaOptions()) throws(GraphQLError) -> GraphQLSchema {
    try buildSchema(Parser.parse(Source(body: sdl), options: options.parseOptions), options: options)
}

/// Builds a schema from a parsed SDL document (graphql-js `buildASTSchema`).
public func buildSchema(_ document: Document, options: BuildSchemaOptions = BuildSchemaOptions()) throws(GraphQLError) -> GraphQLSchema {
    // The SDL validation rules first (graphql-js `assertValidSDL`: one error, the messages
    // joined); the builder itself reports what it cannot build past.
    if !options.assumeValidSDL { try assertValidSDL(document, extending: nil) }
    var builder = SchemaBuilder(existing: nil, document: document, options: options)
    return try builder.build()
}

/// Throws the SDL validation errors of `document` as one error, their messages joined by a
/// blank line, without locations (graphql-js `assertValidSDL`/`assertValidSDLExtension`).
func assertValidSDL(_ document: Document, extending schema: GraphQLSchema?) throws(GraphQLError) {
    let errors = validateSDL(document, extending: schema)
    if !errors.isEmpty { throw GraphQLError(message: errors.map(\.message).joined(separator: "\n\n")) }
}

/// Adds the definitions and extensions of `document` to `schema` (graphql-js `extendSchema`):
/// new types, fields, enum values, union members, interfaces, directives and root types.
/// Returns `schema` itself when the document defines nothing.
///
/// ```swift
/// let extended = try extendSchema(schema, with: try Parser.parse("extend type Query { version: String }"))
/// ```
public func extendSchema(_ schema: GraphQLSchema, with document: Document, options: BuildSchemaOptions = BuildSchemaOptions()) throws(GraphQLError) -> GraphQLSchema {
    if !options.assumeValidSDL { try assertValidSDL(document, extending: schema) }
    var builder = SchemaBuilder(existing: schema, document: document, options: options)
    return try builder.build()
}


/// graphql-js's `extendSchemaImpl` for our name-based types: builds the types of a document
/// (and extends the types of an existing schema) into a new schema.
struct SchemaBuilder {
    let existing: GraphQLSchema?
    let document: Document
    let options: BuildSchemaOptions

    private var typeDefinitions: [TypeDefinition] = []
    private var extensionsByName: [String: [TypeExtension]] = [:]
    private var extensionOrder: [String] = []
    private var directiveDefinitions: [DirectiveDefinition] = []
    private var schemaDefinition: SchemaDefinition?
    private var schemaExtensions: [SchemaExtension] = []

    init(existing: GraphQLSchema?, document: Document, options: BuildSchemaOptions) {
        self.existing = existing
        self.document = document
        self.options = options
        for definition in document.definitions {
            switch definition {
            case .schema(let node): schemaDefinition = node
            case .schemaExtension(let node): schemaExtensions.append(node)
            case .type(let node): typeDefinitions.append(node)
            case .typeExtension(let node):
                let name = node.name.value
                if extensionsByName[name] == nil { extensionOrder.append(name) }
                extensionsByName[name, default: []].append(node)
            case .directive(let node): directiveDefinitions.append(node)
            case .operation, .fragment: break
            }
        }
    }

    mutating func build() throws(GraphQLError) -> GraphQLSchema {
        if let existing, typeDefinitions.isEmpty, extensionsByName.isEmpty, directiveDefinitions.isEmpty,
           schemaDefinition == nil, schemaExtensions.isEmpty {
            return existing
        }
        let factory = TypeFactory(existing: existing, options: options, documentSource: document.source)
        // Definitions by name; a name defined twice is an error graphql-js's SDL rules report.
        var order: [String] = existing?.types.map(\.name) ?? []
        for definition in typeDefinitions {
            let name = definition.name.value
            if factory.definitions[name] != nil || existing?.namedType(name) != nil {
                if existing?.namedType(name) != nil {
                    throw GraphQLError(message: "Type \"\(name)\" already exists in the schema. It cannot also be defined in this type definition.",
                                       nodes: [definition.name.location], source: document.source)
                }
                throw GraphQLError(message: "There can be only one type named \"\(name)\".",
                                   nodes: [factory.definitions[name]?.name.location, definition.name.location], source: document.source)
            }
            factory.definitions[name] = definition
            order.append(name)
        }
        for name in extensionOrder {
            let extensions = extensionsByName[name]!
            guard let kind = factory.definitions[name].map(TypeKind.init) ?? existing?.namedType(name)?.kind else {
                let known = Array(factory.definitions.keys) + (existing?.types.map(\.name) ?? [])
                throw GraphQLError(message: "Cannot extend type \"\(name)\" because it is not defined." + didYouMean(suggestionList(name, options: known)),
                                   nodes: [extensions[0].name.location], source: document.source)
            }
            for node in extensions where TypeKind(node) != kind {
                throw GraphQLError(message: "Cannot extend non-\(kind.word) type \"\(name)\".",
                                   nodes: [factory.definitions[name]?.location, node.location], source: document.source)
            }
            factory.extensions[name] = extensions
        }

        var types: [GraphQLNamedType] = []
        types.reserveCapacity(order.count)
        for name in order {
            guard let type = factory.inputNamedType(name) else { throw factory.failure ?? GraphQLError(message: "Unknown type: \"\(name)\".") }
            types.append(type)
        }
        if let failure = factory.failure { throw failure }
        // Every reference must name a type.
        for type in types {
            try checkReferences(type, factory)
        }

        var query = existing?.queryTypeName
        var mutation = existing?.mutationTypeName
        var subscription = existing?.subscriptionTypeName
        for operationTypes in (schemaDefinition.map { [$0.operationTypes] } ?? []) + schemaExtensions.map(\.operationTypes) {
            for operationType in operationTypes {
                let name = operationType.type.name.value
                guard factory.inputNamedType(name) != nil else {
                    throw GraphQLError(message: "Unknown type: \"\(name)\".")
                }
                switch operationType.operation {
                case .query: query = name
                case .mutation: mutation = name
                case .subscription: subscription = name
                }
            }
        }
        var directives = existing?.directives ?? []
        for node in directiveDefinitions {
            directives.append(try buildDirective(node, factory))
        }
        if existing == nil {
            if schemaDefinition == nil {
                for type in types {
                    switch type.name {
                    case "Query": query = type.name
                    case "Mutation": mutation = type.name
                    case "Subscription": subscription = type.name
                    default: break
                    }
                }
            }
            directives += GraphQLDirective.specified.filter { builtIn in !directives.contains { $0.name == builtIn.name } }
        }
        return try GraphQLSchema(
            description: schemaDefinition?.description?.value,
            query: query, mutation: mutation, subscription: subscription,
            types: types, directives: directives,
            astNode: schemaDefinition ?? existing?.astNode,
            extensionASTNodes: (existing?.extensionASTNodes ?? []) + schemaExtensions,
            astSource: schemaDefinition != nil ? document.source : existing?.astSource,
            extensionSources: (existing?.extensionSources ?? []) + schemaExtensions.map { _ in document.source })
    }

    private func checkReferences(_ type: GraphQLNamedType, _ factory: TypeFactory) throws(GraphQLError) {
        func check(_ name: String) throws(GraphQLError) {
            if factory.inputNamedType(name) == nil { throw GraphQLError(message: "Unknown type: \"\(name)\".") }
        }
        switch type {
        case .object, .interface:
            for interface in type.interfaces { try check(interface) }
            for field in type.fields ?? NamedList() {
                try check(field.type.namedTypeName)
                for argument in field.arguments { try check(argument.type.namedTypeName) }
            }
        case .union(let union):
            for member in union.types { try check(member) }
        case .inputObject(let input):
            for field in input.fields { try check(field.type.namedTypeName) }
        case .scalar, .enum:
            break
        }
    }

    private func buildDirective(_ node: DirectiveDefinition, _ factory: TypeFactory) throws(GraphQLError) -> GraphQLDirective {
        GraphQLDirective(
            name: node.name.value,
            description: node.description?.value,
            locations: node.directiveLocations,
            arguments: try factory.inputValues(node.arguments),
            isRepeatable: node.repeatable,
            astNode: node,
            source: document.source)
    }
}

/// Builds named types on demand, each once. Input object types are built when first needed
/// because a default value's coercion reads other input types' fields (and their defaults);
/// a cycle of defaults that needs itself is reported instead of recursing forever.
final class TypeFactory: InputTypeLookup {
    let existing: GraphQLSchema?
    let options: BuildSchemaOptions
    var definitions: [String: TypeDefinition] = [:]
    var extensions: [String: [TypeExtension]] = [:]
    private var built: [String: GraphQLNamedType] = [:]
    private var inProgress: Set<String> = []
    /// The first error met while building on demand (lookups cannot throw).
    private(set) var failure: GraphQLError?
    private static let maxBuildDepth = 64

    /// The SDL document being built (node locations are offsets into it).
    let documentSource: Source?

    init(existing: GraphQLSchema?, options: BuildSchemaOptions, documentSource: Source?) {
        self.existing = existing
        self.options = options
        self.documentSource = documentSource
    }

    private func fail(_ error: GraphQLError) {
        if failure == nil { failure = error }
    }

    func inputTypeKind(_ name: String) -> TypeKind? {
        if let definition = definitions[name] { return TypeKind(definition) }
        if let type = existing?.namedType(name) { return type.kind }
        if GraphQLScalarType.specified(named: name) != nil { return .scalar }
        return Introspection.types.first { $0.name == name }?.kind
    }

    func inputNamedType(_ name: String) -> GraphQLNamedType? {
        if let type = built[name] { return type }
        // The built-in scalars and introspection types are shared, even when the SDL names them.
        if let scalar = GraphQLScalarType.specified(named: name) { return .scalar(scalar) }
        if Introspection.isIntrospectionTypeName(name) { return Introspection.types.first { $0.name == name } }
        guard definitions[name] != nil || existing?.namedType(name) != nil else { return nil }
        guard !inProgress.contains(name) else {
            fail(GraphQLError(message: "Cannot build the default values of type \"\(name)\": they depend on themselves through other input types' defaults."))
            return nil
        }
        guard inProgress.count < Self.maxBuildDepth else {
            fail(GraphQLError(message: "Cannot build the default values of type \"\(name)\": input types' defaults nest more than \(Self.maxBuildDepth) levels deep."))
            return nil
        }
        inProgress.insert(name)
        defer { inProgress.remove(name) }
        do {
            let type = try build(name)
            built[name] = type
            return type
        } catch {
            fail(error)
            return nil
        }
    }

    private func build(_ name: String) throws(GraphQLError) -> GraphQLNamedType {
        let extensionNodes = extensions[name] ?? []
        if let existingType = existing?.namedType(name) {
            return try extend(existingType, with: extensionNodes)
        }
        switch definitions[name]! {
        case .scalar(let node):
            // As graphql-js: a scalar defined in this document takes `@specifiedBy` from its
            // definition only (extensions in the same document do not change it).
            return .scalar(GraphQLScalarType(
                name: name, description: node.description?.value, specifiedByURL: try specifiedByURL(node.directives),
                coercion: options.scalars[name] ?? .passThrough,
                astNode: node, extensionASTNodes: extensionNodes.compactMap { if case .scalar(let n) = $0 { return n } else { return nil } },
                source: documentSource))
        case .object(let node):
            let objectExtensions = extensionNodes.compactMap { if case .object(let n) = $0 { return n } else { return nil } }
            return .object(GraphQLObjectType(
                name: name, description: node.description?.value,
                fields: try fields([node.fields] + objectExtensions.map(\.fields)),
                interfaces: (node.interfaces + objectExtensions.flatMap(\.interfaces)).map(\.name.value),
                astNode: node, extensionASTNodes: objectExtensions,
                source: documentSource))
        case .interface(let node):
            let interfaceExtensions = extensionNodes.compactMap { if case .interface(let n) = $0 { return n } else { return nil } }
            return .interface(GraphQLInterfaceType(
                name: name, description: node.description?.value,
                fields: try fields([node.fields] + interfaceExtensions.map(\.fields)),
                interfaces: (node.interfaces + interfaceExtensions.flatMap(\.interfaces)).map(\.name.value),
                astNode: node, extensionASTNodes: interfaceExtensions,
                source: documentSource))
        case .union(let node):
            let unionExtensions = extensionNodes.compactMap { if case .union(let n) = $0 { return n } else { return nil } }
            return .union(GraphQLUnionType(
                name: name, description: node.description?.value,
                types: (node.types + unionExtensions.flatMap(\.types)).map(\.name.value),
                astNode: node, extensionASTNodes: unionExtensions,
                source: documentSource))
        case .enum(let node):
            let enumExtensions = extensionNodes.compactMap { if case .enum(let n) = $0 { return n } else { return nil } }
            return .enum(GraphQLEnumType(
                name: name, description: node.description?.value,
                values: try enumValues([node.values] + enumExtensions.map(\.values)),
                astNode: node, extensionASTNodes: enumExtensions,
                source: documentSource))
        case .inputObject(let node):
            let inputExtensions = extensionNodes.compactMap { if case .inputObject(let n) = $0 { return n } else { return nil } }
            return .inputObject(GraphQLInputObjectType(
                name: name, description: node.description?.value,
                fields: NamedList(try inputValues(node.fields + inputExtensions.flatMap(\.fields))),
                isOneOf: node.directives.contains { $0.name.value == "oneOf" },
                astNode: node, extensionASTNodes: inputExtensions,
                source: documentSource))
        }
    }

    /// An existing schema's type with this document's extensions added.
    private func extend(_ type: GraphQLNamedType, with extensionNodes: [TypeExtension]) throws(GraphQLError) -> GraphQLNamedType {
        if extensionNodes.isEmpty { return type }
        switch type {
        case .scalar(let scalar):
            let scalarExtensions = extensionNodes.compactMap { if case .scalar(let n) = $0 { return n } else { return nil } }
            var url = scalar.specifiedByURL
            for node in scalarExtensions { url = try specifiedByURL(node.directives) ?? url }
            return .scalar(GraphQLScalarType(name: scalar.name, description: scalar.description, specifiedByURL: url,
                                             coercion: options.scalars[scalar.name] ?? scalar.coercion,
                                             astNode: scalar.astNode, extensionASTNodes: scalar.extensionASTNodes + scalarExtensions,
                                             source: scalar.source, extensionSources: scalar.extensionSources + scalarExtensions.map { _ in documentSource }))
        case .object(let object):
            let objectExtensions = extensionNodes.compactMap { if case .object(let n) = $0 { return n } else { return nil } }
            var fieldList = object.fields
            for field in try fields(objectExtensions.map(\.fields)) { fieldList.set(field) }
            return .object(GraphQLObjectType(name: object.name, description: object.description, fields: fieldList,
                                             interfaces: object.interfaces + objectExtensions.flatMap(\.interfaces).map(\.name.value),
                                             astNode: object.astNode, extensionASTNodes: object.extensionASTNodes + objectExtensions,
                                             source: object.source, extensionSources: object.extensionSources + objectExtensions.map { _ in documentSource }))
        case .interface(let interface):
            let interfaceExtensions = extensionNodes.compactMap { if case .interface(let n) = $0 { return n } else { return nil } }
            var fieldList = interface.fields
            for field in try fields(interfaceExtensions.map(\.fields)) { fieldList.set(field) }
            return .interface(GraphQLInterfaceType(name: interface.name, description: interface.description, fields: fieldList,
                                                   interfaces: interface.interfaces + interfaceExtensions.flatMap(\.interfaces).map(\.name.value),
                                                   astNode: interface.astNode, extensionASTNodes: interface.extensionASTNodes + interfaceExtensions,
                                             source: interface.source, extensionSources: interface.extensionSources + interfaceExtensions.map { _ in documentSource }))
        case .union(let union):
            let unionExtensions = extensionNodes.compactMap { if case .union(let n) = $0 { return n } else { return nil } }
            return .union(GraphQLUnionType(name: union.name, description: union.description,
                                           types: union.types + unionExtensions.flatMap(\.types).map(\.name.value),
                                           astNode: union.astNode, extensionASTNodes: union.extensionASTNodes + unionExtensions,
                                             source: union.source, extensionSources: union.extensionSources + unionExtensions.map { _ in documentSource }))
        case .enum(let enumType):
            let enumExtensions = extensionNodes.compactMap { if case .enum(let n) = $0 { return n } else { return nil } }
            var values = enumType.values
            for value in try enumValues(enumExtensions.map(\.values)) { values.set(value) }
            return .enum(GraphQLEnumType(name: enumType.name, description: enumType.description, values: values,
                                         astNode: enumType.astNode, extensionASTNodes: enumType.extensionASTNodes + enumExtensions,
                                             source: enumType.source, extensionSources: enumType.extensionSources + enumExtensions.map { _ in documentSource }))
        case .inputObject(let input):
            let inputExtensions = extensionNodes.compactMap { if case .inputObject(let n) = $0 { return n } else { return nil } }
            var fieldList = input.fields
            for field in try inputValues(inputExtensions.flatMap(\.fields)) { fieldList.set(field) }
            return .inputObject(GraphQLInputObjectType(name: input.name, description: input.description, fields: fieldList,
                                                       isOneOf: input.isOneOf, astNode: input.astNode,
                                                       extensionASTNodes: input.extensionASTNodes + inputExtensions,
                                                       source: input.source, extensionSources: input.extensionSources + inputExtensions.map { _ in documentSource }))
        }
    }

    private func fields(_ groups: [[FieldDefinition]]) throws(GraphQLError) -> NamedList<GraphQLField> {
        var list = NamedList<GraphQLField>()
        for group in groups {
            for node in group {
                list.set(GraphQLField(
                    name: node.name.value, description: node.description?.value, type: GraphQLType(node.type),
                    arguments: try inputValues(node.arguments), deprecationReason: try deprecationReason(node.directives), astNode: node, source: documentSource))
            }
        }
        return list
    }

    /// Arguments or input fields; a later duplicate replaces an earlier one in its position.
    func inputValues(_ nodes: [InputValueDefinition]) throws(GraphQLError) -> [GraphQLInputValue] {
        var list = NamedList<GraphQLInputValue>()
        for node in nodes {
            let type = GraphQLType(node.type)
            let defaultValue = node.defaultValue.flatMap { valueFromAST($0, type: type, variables: nil, lookup: self) }
            list.set(GraphQLInputValue(
                name: node.name.value, description: node.description?.value, type: type, defaultValue: defaultValue,
                deprecationReason: try deprecationReason(node.directives), astNode: node, source: documentSource))
        }
        return list.elements
    }

    private func enumValues(_ groups: [[EnumValueDefinition]]) throws(GraphQLError) -> NamedList<GraphQLEnumValue> {
        var list = NamedList<GraphQLEnumValue>()
        for group in groups {
            for node in group {
                list.set(GraphQLEnumValue(name: node.name.value, description: node.description?.value,
                                          deprecationReason: try deprecationReason(node.directives), astNode: node, source: documentSource))
            }
        }
        return list
    }

    /// The `reason` of the first `@deprecated` (graphql-js `getDeprecationReason`).
    private func deprecationReason(_ directives: [Directive]) throws(GraphQLError) -> String? {
        guard let node = directives.first(where: { $0.name.value == "deprecated" }) else { return nil }
        let values = try coerceArgumentValues(GraphQLDirective.deprecated.arguments, node.arguments, nodeLocation: node.location,
                                              source: documentSource, variables: nil, lookup: self)
        return values["reason"]?.stringValue
    }

    /// The `url` of the first `@specifiedBy` (graphql-js `getSpecifiedByURL`).
    private func specifiedByURL(_ directives: [Directive]) throws(GraphQLError) -> String? {
        guard let node = directives.first(where: { $0.name.value == "specifiedBy" }) else { return nil }
        let values = try coerceArgumentValues(GraphQLDirective.specifiedBy.arguments, node.arguments, nodeLocation: node.location,
                                              source: documentSource, variables: nil, lookup: self)
        return values["url"]?.stringValue
    }
}
