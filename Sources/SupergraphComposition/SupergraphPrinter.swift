import GraphQLKit

/// Writes the merged model as a join-spec supergraph document (link v1.0, join v0.3): the
/// `join__Graph` enum, `@join__type`/`@join__field`/`@join__implements`/`@join__unionMember`/
/// `@join__enumValue` on every element, `@inaccessible` and `@tag` carried, composed directives
/// with their `@link`. Definitions are ordered as Apollo's composition orders them.
struct SupergraphPrinter {
    let merger: Merger

    var usesOverrideLabels: Bool {
        merger.types.values.contains { type in type.fields.values.contains { $0.appearances.contains { $0.overrideLabel != nil } } }
    }

    func document() throws(GraphQLError) -> Document {
        let types = merger.typeOrder.compactMap { merger.types[$0] }
        let usesInaccessible = types.contains { type in
            type.markers.inaccessible || type.fields.values.contains { $0.markers.inaccessible || $0.arguments.values.contains(where: \.markers.inaccessible) }
                || type.enumValues.values.contains(where: \.markers.inaccessible)
        }
        let usesTags = types.contains { type in
            !type.markers.tags.isEmpty || type.fields.values.contains { !$0.markers.tags.isEmpty || $0.arguments.values.contains { !$0.markers.tags.isEmpty } }
                || type.enumValues.values.contains { !$0.markers.tags.isEmpty }
        }
        let labels = usesOverrideLabels

        var schemaDirectives = [
            directive("link", ["url": .string(StringValue(JoinSpecification.linkURL))]),
            directive("link", ["url": .string(StringValue(labels ? JoinSpecification.joinWithLabelsURL : JoinSpecification.joinURL)),
                               "for": .enumValue(EnumValue("EXECUTION"))]),
        ]
        // Apollo links tag before inaccessible.
        if usesTags { schemaDirectives.append(directive("link", ["url": .string(StringValue(JoinSpecification.tagURL))])) }
        if usesInaccessible {
            schemaDirectives.append(directive("link", ["url": .string(StringValue(JoinSpecification.inaccessibleURL)), "for": .enumValue(EnumValue("SECURITY"))]))
        }
        var seenLinks: [Directive] = []
        for name in merger.composedDirectiveOrder {
            guard let link = merger.composedDirectives[name]?.link, !seenLinks.contains(link) else { continue }
            seenLinks.append(link)
            schemaDirectives.append(link)
        }
        var operations: [OperationTypeDefinition] = []
        for operation in [OperationType.query, .mutation, .subscription] {
            if let name = merger.rootTypeNames[operation], merger.types[name] != nil {
                operations.append(OperationTypeDefinition(operation: operation, type: NamedType(name: Name(name))))
            }
        }
        var definitions: [Definition] = [.schema(SchemaDefinition(directives: schemaDirectives, operationTypes: operations))]

        var directiveTexts = JoinSpecification.directiveDefinitions(overrideLabels: labels)
        if usesInaccessible { directiveTexts.append(("inaccessible", JoinSpecification.inaccessibleDefinition)) }
        if usesTags { directiveTexts.append(("tag", JoinSpecification.tagDefinition)) }
        var directiveDefinitions: [(String, Definition)] = []
        for (name, text) in directiveTexts {
            directiveDefinitions.append((name, try Parser.parse(text, options: ParseOptions(noLocation: true)).definitions[0]))
        }
        for name in merger.composedDirectiveOrder {
            if let composed = merger.composedDirectives[name] { directiveDefinitions.append((name, .directive(composed.definition))) }
        }
        directiveDefinitions.sort { Self.orderedBefore($0.0, $1.0) }
        definitions += directiveDefinitions.map(\.1)

        var typeDefinitions: [(String, Definition)] = []
        for (name, text) in JoinSpecification.typeDefinitions {
            typeDefinitions.append((name, try Parser.parse(text, options: ParseOptions(noLocation: true)).definitions[0]))
        }
        typeDefinitions.append(("join__Graph", .type(.enum(graphEnum()))))
        for type in types { typeDefinitions.append((type.name, .type(definition(of: type)))) }
        typeDefinitions.sort { Self.orderedBefore($0.0, $1.0) }
        definitions += typeDefinitions.map(\.1)
        return Document(definitions: definitions)
    }

    /// Names compare case-insensitively, as the reference orders them.
    static func orderedBefore(_ left: String, _ right: String) -> Bool {
        let (a, b) = (left.lowercased(), right.lowercased())
        return a == b ? left < right : a < b
    }

    private func directive(_ name: String, _ arguments: KeyValuePairs<String, Value>) -> Directive {
        Directive(name: Name(name), arguments: arguments.map { Argument(name: Name($0.key), value: $0.value) })
    }

    private func graphValue(_ graph: Int) -> Value { .enumValue(EnumValue(merger.graphs[graph].enumValue)) }

    private func string(_ text: String) -> Value { .string(StringValue(text)) }

    private func graphEnum() -> EnumTypeDefinition {
        EnumTypeDefinition(name: "join__Graph", values: merger.graphs.map { graph in
            EnumValueDefinition(name: Name(graph.enumValue), directives: [
                directive("join__graph", ["name": string(graph.name), "url": string(graph.url)]),
            ])
        })
    }

    private func markers(_ markers: ElementMarkers) -> [Directive] {
        var result: [Directive] = []
        if let deprecated = markers.deprecated { result.append(deprecated.withoutLocations) }
        if let specifiedBy = markers.specifiedBy { result.append(specifiedBy.withoutLocations) }
        if markers.inaccessible { result.append(directive("inaccessible", [:])) }
        for tag in markers.tags { result.append(directive("tag", ["name": string(tag)])) }
        return result + markers.composed
    }

    private func joinTypes(_ type: MergedType) -> [Directive] {
        var result: [Directive] = []
        for appearance in type.appearances {
            // As Apollo: `extension` only with a key, when that key is declared on an extension.
            func join(key: String?, resolvable: Bool, isExtension: Bool) -> Directive {
                var arguments = [Argument(name: "graph", value: graphValue(appearance.graph))]
                if let key { arguments.append(Argument(name: "key", value: string(key))) }
                if isExtension { arguments.append(Argument(name: "extension", value: .boolean(BooleanValue(true)))) }
                if !resolvable { arguments.append(Argument(name: "resolvable", value: .boolean(BooleanValue(false)))) }
                if appearance.isInterfaceObject { arguments.append(Argument(name: "isInterfaceObject", value: .boolean(BooleanValue(true)))) }
                return Directive(name: "join__type", arguments: arguments)
            }
            if appearance.keys.isEmpty {
                result.append(join(key: nil, resolvable: true, isExtension: false))
            } else {
                for key in appearance.keys { result.append(join(key: key.fields, resolvable: key.resolvable, isExtension: key.isExtension)) }
            }
        }
        return result
    }

    private func definition(of type: MergedType) -> TypeDefinition {
        let name = Name(type.name)
        let description = type.description
        switch type.kind {
        case .object, .interface:
            var directives: [Directive] = []
            for implementation in type.implementations {
                directives.append(directive("join__implements", ["graph": graphValue(implementation.graph), "interface": string(implementation.interface)]))
            }
            directives = directives + joinTypes(type) + markers(type.markers)
            let fields = type.fields.values.compactMap { outputField($0, of: type) }
            let interfaces = type.interfaces.map { NamedType(name: Name($0)) }
            if type.kind == .interface {
                return .interface(InterfaceTypeDefinition(description: description, name: name, interfaces: interfaces, directives: directives, fields: fields))
            }
            return .object(ObjectTypeDefinition(description: description, name: name, interfaces: interfaces, directives: directives, fields: fields))
        case .union:
            var directives = joinTypes(type)
            for member in type.unionMembers {
                directives.append(directive("join__unionMember", ["graph": graphValue(member.graph), "member": string(member.member)]))
            }
            directives += markers(type.markers)
            return .union(UnionTypeDefinition(description: description, name: name, directives: directives,
                                              types: type.memberOrder.map { NamedType(name: Name($0)) }))
        case .enum:
            let values = type.enumValues.values.map { value in
                EnumValueDefinition(description: value.description, name: Name(value.name),
                                    directives: markers(value.markers) + value.graphs.map { directive("join__enumValue", ["graph": graphValue($0)]) })
            }
            return .enum(EnumTypeDefinition(description: description, name: name, directives: joinTypes(type) + markers(type.markers), values: values))
        case .inputObject:
            let fields = type.fields.values.compactMap { field -> InputValueDefinition? in
                guard let fieldType = field.type else { return nil }
                var directives: [Directive] = []
                if field.appearances.contains(where: { $0.type != fieldType }) {
                    directives = field.appearances.map { appearance in
                        var arguments = [Argument(name: "graph", value: graphValue(appearance.graph))]
                        arguments.append(Argument(name: "type", value: string(appearance.type.description)))
                        return Directive(name: "join__field", arguments: arguments)
                    }
                }
                return InputValueDefinition(description: field.description, name: Name(field.name), type: fieldType.reference,
                                            defaultValue: field.defaultValue, directives: markers(field.markers) + directives)
            }
            return .inputObject(InputObjectTypeDefinition(description: description, name: name, directives: joinTypes(type) + markers(type.markers), fields: fields))
        default:
            return .scalar(ScalarTypeDefinition(description: description, name: name, directives: joinTypes(type) + markers(type.markers)))
        }
    }

    private func outputField(_ field: MergedField, of type: MergedType) -> FieldDefinition? {
        guard let fieldType = field.type else { return nil }
        let overridden = merger.overriddenGraphs(field)
        var joins: [Directive] = []
        if field.addedForInterfaceObject {
            joins = [Directive(name: "join__field")]
        } else {
            // When the subgraphs disagree on the type, every join records its subgraph's type.
            let typesDiffer = field.appearances.contains { $0.type != fieldType }
            let special = typesDiffer || field.appearances.contains { appearance in
                appearance.external || appearance.requires != nil || appearance.provides != nil || appearance.override != nil
            }
            if special || field.appearances.count != type.appearances.count {
                for appearance in field.appearances {
                    var arguments = [Argument(name: "graph", value: graphValue(appearance.graph))]
                    if overridden.contains(appearance.graph) {
                        guard appearance.usedLocally else { continue }
                        arguments.append(Argument(name: "usedOverridden", value: .boolean(BooleanValue(true))))
                    }
                    if let requires = appearance.requires { arguments.append(Argument(name: "requires", value: string(requires))) }
                    if let provides = appearance.provides { arguments.append(Argument(name: "provides", value: string(provides))) }
                    if typesDiffer { arguments.append(Argument(name: "type", value: string(appearance.type.description))) }
                    if appearance.external { arguments.append(Argument(name: "external", value: .boolean(BooleanValue(true)))) }
                    if let from = appearance.override {
                        arguments.append(Argument(name: "override", value: string(from)))
                        if let label = appearance.overrideLabel { arguments.append(Argument(name: "overrideLabel", value: string(label))) }
                    } else if let label = merger.progressiveOverrideLabel(field, from: appearance.graph) {
                        // The source of a progressive override resolves the field while the label is off.
                        arguments.append(Argument(name: "overrideLabel", value: string(label)))
                    }
                    joins.append(Directive(name: "join__field", arguments: arguments))
                }
            }
        }
        let arguments = field.arguments.values.compactMap { argument -> InputValueDefinition? in
            guard let argumentType = argument.type else { return nil }
            return InputValueDefinition(description: argument.description, name: Name(argument.name), type: argumentType.reference,
                                        defaultValue: argument.defaultValue, directives: markers(argument.markers))
        }
        // Apollo prints a field's own directives before its joins.
        return FieldDefinition(description: field.description, name: Name(field.name), arguments: arguments, type: fieldType.reference,
                               directives: markers(field.markers) + joins)
    }
}
