import GraphQLKit

extension Merger {
    /// The subgraphs whose definition of `field` another subgraph takes over with
    /// `@override(from:)` (without a progressive-override label).
    func overriddenGraphs(_ field: MergedField, includingProgressive: Bool = false) -> Set<Int> {
        var result: Set<Int> = []
        for appearance in field.appearances where includingProgressive || appearance.overrideLabel == nil {
            guard let from = appearance.override,
                  let source = graphs.firstIndex(where: { $0.name == from }), source != appearance.graph else { continue }
            if field.appearance(in: source) != nil { result.insert(source) }
        }
        return result
    }

    /// The label of a progressive `@override(from:, label:)` that takes `field` over from
    /// subgraph `graph` (the source keeps resolving it while the label is inactive).
    func progressiveOverrideLabel(_ field: MergedField, from graph: Int) -> String? {
        let name = graphName(graph)
        return field.appearances.first { $0.graph != graph && $0.override == name && $0.overrideLabel != nil }?.overrideLabel
    }

    /// OVERRIDE_FROM_SELF_ERROR, OVERRIDE_LABEL_INVALID, OVERRIDE_SOURCE_HAS_OVERRIDE,
    /// OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE.
    mutating func checkOverrides(_ type: MergedType) {
        for field in type.fields.values {
            let coordinate = "\(type.name).\(field.name)"
            for appearance in field.appearances {
                guard let from = appearance.override else { continue }
                let name = graphName(appearance.graph)
                if from == name {
                    error("OVERRIDE_FROM_SELF_ERROR", "Source and destination subgraphs \"\(name)\" are the same for overridden field \"\(coordinate)\"")
                    continue
                }
                if appearance.external {
                    error("OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", "@override cannot be used on field \"\(coordinate)\" on subgraph \"\(name)\" since \"\(coordinate)\" on \"\(name)\" is marked with directive \"@external\"")
                }
                if let label = appearance.overrideLabel, !OverrideLabel.isValid(label) {
                    error("OVERRIDE_LABEL_INVALID", "Invalid @override label \"\(label)\" on field \"\(coordinate)\" on subgraph \"\(name)\": labels must start with a letter and after that may contain alphanumerics, underscores, minuses, colons, periods, or slashes. Alternatively, labels may be of the form \"percent(x)\" where x is a float between 0-100 inclusive.")
                }
                if let source = graphs.firstIndex(where: { $0.name == from }), let sourceField = field.appearance(in: source), sourceField.override != nil {
                    error("OVERRIDE_SOURCE_HAS_OVERRIDE", "Field \"\(coordinate)\" on subgraph \"\(name)\" is also marked with directive @override in subgraph \"\(from)\". Only one @override directive is allowed per field.")
                }
            }
        }
    }

    /// INVALID_FIELD_SHARING: a field resolved by more than one subgraph must be `@shareable`
    /// in every one of them (key fields are; Federation 1 subgraphs share everything).
    mutating func checkSharing(_ type: MergedType) {
        for field in type.fields.values {
            // A progressive override shares the field during the migration without @shareable.
            let overridden = overriddenGraphs(field, includingProgressive: true)
            let resolving = field.appearances.filter { !$0.external && !overridden.contains($0.graph) }
            guard resolving.count > 1 else { continue }
            let nonShareable = resolving.filter { !$0.shareable }.map(\.graph)
            guard !nonShareable.isEmpty else { continue }
            let which = nonShareable.count == resolving.count ? "all of them" : subgraphList(nonShareable)
            error("INVALID_FIELD_SHARING", "Non-shareable field \"\(type.name).\(field.name)\" is resolved from multiple subgraphs: it is resolved from \(subgraphList(resolving.map(\.graph))) and defined as non-shareable in \(which)")
        }
    }

    /// EXTERNAL_MISSING_ON_BASE: an `@external` field needs a subgraph that resolves it.
    mutating func checkExternals(_ type: MergedType) {
        for field in type.fields.values where !field.addedForInterfaceObject && !field.appearances.isEmpty {
            if field.appearances.allSatisfy(\.external) {
                error("EXTERNAL_MISSING_ON_BASE", "Field \"\(type.name).\(field.name)\" is marked @external on all the subgraphs in which it is listed (\(subgraphList(field.appearances.map(\.graph)))).")
            }
        }
    }

    /// INTERFACE_FIELD_NO_IMPLEM: an object type has every field of the interfaces it implements.
    mutating func checkInterfaceImplementations(_ type: MergedType) {
        for interfaceName in type.interfaces {
            guard let interface = types[interfaceName], !interface.isBroken else { continue }
            for field in interface.fields.values where type.fields[field.name] == nil {
                let declaring = field.appearances.map(\.graph)
                let implementing = type.implementations.filter { $0.interface == interfaceName }.map(\.graph)
                error("INTERFACE_FIELD_NO_IMPLEM", "Interface field \"\(interfaceName).\(field.name)\" is declared in \(subgraphList(declaring)) but type \"\(type.name)\", which implements \"\(interfaceName)\" only in \(subgraphList(implementing)) does not have field \"\(field.name)\".")
            }
        }
    }

    /// INTERFACE_OBJECT_USAGE_ERROR: an `@interfaceObject` stands for an entity interface some
    /// subgraph defines; INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE: a subgraph with a resolvable
    /// key on an interface defines all its implementations.
    mutating func checkInterfaceObjects(_ type: MergedType) {
        let objects = type.appearances.filter(\.isInterfaceObject)
        let interfaces = type.appearances.filter { $0.kind == .interface }
        if !objects.isEmpty {
            if interfaces.isEmpty {
                error("INTERFACE_OBJECT_USAGE_ERROR", "Type \"\(type.name)\" is declared with @interfaceObject in all the subgraphs in which is is defined (it is defined in \(subgraphList(objects.map(\.graph))) but should be defined as an interface in at least one subgraph)")
            }
            for interface in interfaces where interface.keys.isEmpty {
                error("INTERFACE_OBJECT_USAGE_ERROR", "Interface \"\(type.name)\" is used with @interfaceObject in \(subgraphList(objects.map(\.graph))) but has no @key in \(subgraphList([interface.graph])): an interface object stands for an entity interface.")
            }
        }
        let implementationNames = implementations(of: type.name).filter { $0.kind == .object }.map(\.name)
        for interface in interfaces {
            guard let key = interface.keys.first(where: \.resolvable) else { continue }
            let graph = graphs[interface.graph]
            let defined = implementationNames.filter { name in
                guard let implementation = types[name] else { return false }
                return implementation.implementations.contains { $0.graph == interface.graph && $0.interface == type.name }
            }
            let missing = implementationNames.filter { !defined.contains($0) }
            guard !missing.isEmpty else { continue }
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            error("INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE", "[\(graph.name)] Interface type \"\(type.name)\" has a resolvable key (@key(fields: \"\(key.fields)\")) in subgraph \"\(graph.name)\" but that subgraph is missing some of the supergraph implementation types of \"\(type.name)\". Subgraph \"\(graph.name)\" should define type\(missing.count > 1 ? "s" : "") \(list) (and have \(missing.count > 1 ? "them" : "it") implement \"\(type.name)\").")
        }
    }

    /// The `@inaccessible` rules: QUERY_ROOT_TYPE_INACCESSIBLE, REFERENCED_INACCESSIBLE,
    /// REQUIRED_INACCESSIBLE, ONLY_INACCESSIBLE_CHILDREN.
    mutating func checkInaccessible() {
        func hidden(_ typeName: String) -> Bool { types[typeName]?.markers.inaccessible ?? false }
        if let query = rootTypeNames[.query], hidden(query) {
            error("QUERY_ROOT_TYPE_INACCESSIBLE", "Type \"\(query)\" is @inaccessible but is the query root type, which must be in the API schema.")
        }
        for name in typeOrder {
            guard let type = types[name], !type.isBroken, !type.markers.inaccessible else { continue }
            for field in type.fields.values where !field.markers.inaccessible {
                let coordinate = "\(name).\(field.name)"
                if let fieldType = field.type, hidden(fieldType.namedTypeName) {
                    error("REFERENCED_INACCESSIBLE", "Type \"\(fieldType.namedTypeName)\" is @inaccessible but is referenced by \"\(coordinate)\", which is in the API schema.")
                }
                for argument in field.arguments.values {
                    if argument.markers.inaccessible {
                        if let argumentType = argument.type, argumentType.isNonNull, argument.defaultValue == nil {
                            error("REQUIRED_INACCESSIBLE", "Argument \"\(coordinate)(\(argument.name):)\" is required, but it was marked as @inaccessible.")
                        }
                    } else if let argumentType = argument.type, hidden(argumentType.namedTypeName) {
                        error("REFERENCED_INACCESSIBLE", "Type \"\(argumentType.namedTypeName)\" is @inaccessible but is referenced by \"\(coordinate)(\(argument.name):)\", which is in the API schema.")
                    }
                }
            }
            if type.kind == .inputObject {
                for field in type.fields.values where field.markers.inaccessible {
                    if let fieldType = field.type, fieldType.isNonNull, field.defaultValue == nil {
                        error("REQUIRED_INACCESSIBLE", "Input field \"\(name).\(field.name)\" is required, but it was marked as @inaccessible.")
                    }
                }
            }
            let onlyHiddenChildren: Bool
            switch type.kind {
            case .object, .interface, .inputObject: onlyHiddenChildren = !type.fields.isEmpty && type.fields.values.allSatisfy(\.markers.inaccessible)
            case .enum: onlyHiddenChildren = !type.enumValues.isEmpty && type.enumValues.values.allSatisfy(\.markers.inaccessible)
            case .union: onlyHiddenChildren = !type.memberOrder.isEmpty && type.memberOrder.allSatisfy(hidden)
            default: onlyHiddenChildren = false
            }
            if onlyHiddenChildren && !rootTypeNames.values.contains(name) {
                error("ONLY_INACCESSIBLE_CHILDREN", "Type \"\(name)\" is in the API schema but all of its \(type.kind == .enum ? "values" : type.kind == .union ? "members" : "fields") are @inaccessible.")
            }
        }
    }
}
