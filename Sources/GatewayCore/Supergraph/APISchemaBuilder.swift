import GraphQLKit

/// Derives the API schema document from a supergraph document: drops the join and link
/// machinery (types, directive definitions, applied directives) and every element marked
/// `@inaccessible`, together with references to removed types.
enum APISchemaBuilder {
    /// Directive names that belong to the supergraph machinery and never reach clients.
    static let machineryDirectives: Set<String> = ["link", "core", "inaccessible", "tag"]

    /// True for `join__*`, `link__*` and `core__*` names.
    static func isJoinOrLinkName(_ name: String) -> Bool {
        name.hasPrefix("join__") || name.hasPrefix("link__") || name.hasPrefix("core__")
    }

    static func isMachineryDirective(_ name: String) -> Bool {
        machineryDirectives.contains(name) || isJoinOrLinkName(name)
    }

    static func isInaccessible(_ directives: [Directive]) -> Bool {
        directives.contains { $0.name.value == "inaccessible" }
    }

    static func strip(_ directives: [Directive]) -> [Directive] {
        directives.filter { !isMachineryDirective($0.name.value) }
    }

    static func apiDocument(from document: Document) -> Document {
        var removedTypes: Set<String> = []
        for definition in document.definitions {
            guard case .type(let type) = definition else { continue }
            if isJoinOrLinkName(type.name.value) || isInaccessible(type.directives) {
                removedTypes.insert(type.name.value)
            }
        }
        func keeps(_ reference: TypeReference) -> Bool {
            !removedTypes.contains(reference.namedType.name.value)
        }
        func arguments(_ list: [InputValueDefinition]) -> [InputValueDefinition] {
            list.compactMap { argument in
                guard !isInaccessible(argument.directives), keeps(argument.type) else { return nil }
                var copy = argument
                copy.directives = strip(argument.directives)
                return copy
            }
        }
        func fields(_ list: [FieldDefinition]) -> [FieldDefinition] {
            list.compactMap { field in
                guard !isInaccessible(field.directives), keeps(field.type) else { return nil }
                var copy = field
                copy.directives = strip(field.directives)
                copy.arguments = arguments(field.arguments)
                return copy
            }
        }
        func interfaces(_ list: [NamedType]) -> [NamedType] {
            list.filter { !removedTypes.contains($0.name.value) }
        }

        var definitions: [Definition] = []
        for definition in document.definitions {
            switch definition {
            case .schema(var node):
                node.directives = strip(node.directives)
                definitions.append(.schema(node))
            case .directive(let node):
                if isMachineryDirective(node.name.value) { continue }
                definitions.append(definition)
            case .type(let type):
                if removedTypes.contains(type.name.value) { continue }
                switch type {
                case .scalar(var node):
                    node.directives = strip(node.directives)
                    definitions.append(.type(.scalar(node)))
                case .object(var node):
                    node.directives = strip(node.directives)
                    node.fields = fields(node.fields)
                    node.interfaces = interfaces(node.interfaces)
                    definitions.append(.type(.object(node)))
                case .interface(var node):
                    node.directives = strip(node.directives)
                    node.fields = fields(node.fields)
                    node.interfaces = interfaces(node.interfaces)
                    definitions.append(.type(.interface(node)))
                case .union(var node):
                    node.directives = strip(node.directives)
                    node.types = interfaces(node.types)
                    definitions.append(.type(.union(node)))
                case .enum(var node):
                    node.directives = strip(node.directives)
                    node.values = node.values.compactMap { value in
                        guard !isInaccessible(value.directives) else { return nil }
                        var copy = value
                        copy.directives = strip(value.directives)
                        return copy
                    }
                    definitions.append(.type(.enum(node)))
                case .inputObject(var node):
                    node.directives = strip(node.directives)
                    node.fields = arguments(node.fields)
                    definitions.append(.type(.inputObject(node)))
                }
            default:
                continue
            }
        }
        return Document(definitions: definitions)
    }
}
