import GraphQLKit

extension Merger {
    /// Reads the `@composeDirective`s of every subgraph: which custom directives go into the supergraph.
    mutating func collectComposedDirectives() {
        for (index, graph) in graphs.enumerated() {
            guard let composeName = graph.links.localName(.composeDirective) else { continue }
            var schemaDirectives: [Directive] = []
            for definition in graph.schema.document.definitions {
                switch definition {
                case .schema(let schema): schemaDirectives += schema.directives
                case .schemaExtension(let schema): schemaDirectives += schema.directives
                default: break
                }
            }
            for application in schemaDirectives.named(composeName) {
                guard let argument = application.stringArgument("name"), argument.hasPrefix("@") else {
                    error("DIRECTIVE_COMPOSITION_ERROR", "[\(graph.name)] Argument to @composeDirective must be a directive name starting with \"@\".")
                    continue
                }
                let local = String(argument.dropFirst())
                if graph.links.directivesByLocalName[local] != nil || ["skip", "include", "deprecated", "specifiedBy", "oneOf", "link"].contains(local) {
                    error("DIRECTIVE_COMPOSITION_ERROR", "[\(graph.name)] Composing federation directive \"\(argument)\" is not supported.")
                    continue
                }
                guard let definition = graph.schema.document.definitions.lazy.compactMap({ definition -> DirectiveDefinition? in
                    if case .directive(let directive) = definition, directive.name.value == local { return directive }
                    return nil
                }).first else {
                    error("DIRECTIVE_COMPOSITION_ERROR", "[\(graph.name)] Could not find matching directive definition for argument to @composeDirective \"\(argument)\" in subgraph \"\(graph.name)\".")
                    continue
                }
                guard let link = graph.links.otherLinks.first(where: { $0.imports.contains(argument) }) else {
                    error("DIRECTIVE_COMPOSITION_ERROR", "[\(graph.name)] Directive \"\(argument)\" in subgraph \"\(graph.name)\" cannot be composed because it is not a member of a core feature (it must be imported by a @link).")
                    continue
                }
                composedNamesByGraph[index][local] = local
                if let existing = composedDirectives[local] {
                    if Printer.print(.directive(existing.definition)) != Printer.print(.directive(definition)) {
                        error("DIRECTIVE_COMPOSITION_ERROR", "Composed directive \"\(argument)\" has different definitions in the subgraphs (see subgraph \"\(graph.name)\").")
                    }
                    continue
                }
                composedDirectives[local] = ComposedDirective(name: local, definition: definition, link: link.directive.withoutLocations)
                composedDirectiveOrder.append(local)
            }
        }
    }

    /// Adds one subgraph's types, fields, values and members to the merged model.
    mutating func collect(_ graphIndex: Int) {
        let graph = graphs[graphIndex]
        let subgraph = graph.schema
        let schema = subgraph.schema
        let links = graph.links
        let composedNames = composedNamesByGraph[graphIndex]
        for operation in [OperationType.query, .mutation, .subscription] {
            if let name = schema.rootTypeName(for: operation) { rootTypeNames[operation] = graph.renamed(name) }
        }
        let externalName = links.localName(.external)
        for namedType in schema.types where subgraph.isSubgraphType(namedType.name) {
            let name = graph.renamed(namedType.name)
            let merged = type(name)
            let directives = namedType.appliedDirectives
            let keys = subgraph.keys(of: namedType.name)
            var keyFields: Set<String> = []
            for key in keys {
                if let fieldSet = try? FieldSet(key.fields) {
                    for case .field(let field) in fieldSet.selectionSet.selections { keyFields.insert(field.name.value) }
                }
            }
            let isInterfaceObject = links.contains(.interfaceObject, in: directives)
            merged.appearances.append(TypeAppearance(graph: graphIndex, kind: namedType.kind, isInterfaceObject: isInterfaceObject, keys: keys,
                                                     keyFieldNames: keyFields))
            if merged.description == nil { merged.description = namedType.description.map { StringValue($0, block: $0.contains("\n")) } }
            merged.markers.absorb(directives, links: links, composedNames: composedNames)

            switch namedType {
            case .object, .interface:
                // A type-level @shareable covers the fields of the definition or extension it is on.
                var shareableByType: Set<String> = []
                if case .object(let object) = namedType {
                    if let definition = object.astNode, links.contains(.shareable, in: definition.directives) {
                        shareableByType.formUnion(definition.fields.map(\.name.value))
                    }
                    for extensionNode in object.extensionASTNodes where links.contains(.shareable, in: extensionNode.directives) {
                        shareableByType.formUnion(extensionNode.fields.map(\.name.value))
                    }
                }
                let typeExternal = externalName.map { directives.contains(named: $0) } ?? false
                var usedLocally = keyFields
                for field in namedType.fields ?? NamedList() {
                    for requires in links.applications(of: .requires, in: field.astNode?.directives ?? []) {
                        if let text = requires.stringArgument("fields"), let fieldSet = try? FieldSet(text) {
                            for case .field(let used) in fieldSet.selectionSet.selections { usedLocally.insert(used.name.value) }
                        }
                    }
                }
                let isQueryRoot = namedType.name == schema.queryTypeName
                for field in namedType.fields ?? NamedList() {
                    if isQueryRoot && (field.name == "_entities" || field.name == "_service") { continue }
                    let fieldDirectives = field.astNode?.directives ?? []
                    var external = typeExternal || (externalName.map { fieldDirectives.contains(named: $0) } ?? false)
                    // Federation 1 marks the key fields of an extension @external; they are resolvable.
                    if external && !links.isFederation2 && keyFields.contains(field.name) { external = false }
                    let override = links.applications(of: .override, in: fieldDirectives).first
                    let shareable = !links.isFederation2 || shareableByType.contains(field.name) || keyFields.contains(field.name)
                        || links.contains(.shareable, in: fieldDirectives)
                    let mergedField = merged.fields.element(field.name) { MergedField(name: field.name) }
                    if mergedField.description == nil { mergedField.description = field.description.map { StringValue($0, block: $0.contains("\n")) } }
                    mergedField.markers.absorb(fieldDirectives, links: links, composedNames: composedNames)
                    mergedField.appearances.append(FieldAppearance(
                        graph: graphIndex, type: graph.renamed(field.type), external: external,
                        requires: links.applications(of: .requires, in: fieldDirectives).first?.stringArgument("fields"),
                        provides: links.applications(of: .provides, in: fieldDirectives).first?.stringArgument("fields"),
                        override: override?.stringArgument("from"), overrideLabel: override?.stringArgument("label"),
                        shareable: shareable, usedLocally: usedLocally.contains(field.name), defaultValue: nil))
                    for argument in field.arguments {
                        let mergedArgument = mergedField.arguments.element(argument.name) { MergedArgument(name: argument.name) }
                        if mergedArgument.description == nil { mergedArgument.description = argument.description.map { StringValue($0, block: $0.contains("\n")) } }
                        mergedArgument.markers.absorb(argument.astNode?.directives ?? [], links: links, composedNames: composedNames)
                        mergedArgument.appearances.append((graphIndex, graph.renamed(argument.type), argument.astNode?.defaultValue?.withoutLocations))
                    }
                }
                for interface in namedType.interfaces {
                    if !merged.interfaces.contains(interface) { merged.interfaces.append(interface) }
                    merged.implementations.append((graphIndex, interface))
                }
            case .union(let union):
                for member in union.types {
                    if !merged.memberOrder.contains(member) { merged.memberOrder.append(member) }
                    merged.unionMembers.append((graphIndex, member))
                }
            case .enum(let enumType):
                for value in enumType.values {
                    let mergedValue = merged.enumValues.element(value.name) { MergedEnumValue(name: value.name) }
                    if mergedValue.description == nil { mergedValue.description = value.description.map { StringValue($0, block: $0.contains("\n")) } }
                    mergedValue.graphs.append(graphIndex)
                    mergedValue.markers.absorb(value.astNode?.directives ?? [], links: links, composedNames: composedNames)
                }
            case .inputObject(let input):
                for field in input.fields {
                    let mergedField = merged.fields.element(field.name) { MergedField(name: field.name) }
                    if mergedField.description == nil { mergedField.description = field.description.map { StringValue($0, block: $0.contains("\n")) } }
                    mergedField.markers.absorb(field.astNode?.directives ?? [], links: links, composedNames: composedNames)
                    mergedField.appearances.append(FieldAppearance(
                        graph: graphIndex, type: graph.renamed(field.type), external: false, requires: nil, provides: nil, override: nil,
                        overrideLabel: nil, shareable: true, usedLocally: false, defaultValue: field.astNode?.defaultValue?.withoutLocations))
                }
            case .scalar:
                break
            }
        }
    }
}
