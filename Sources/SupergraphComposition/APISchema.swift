import GraphQLKit

/// Derives the API schema — what clients see and introspect — from a join-spec supergraph
/// (composed here or elsewhere): the join, link, inaccessible and tag machinery removed, and
/// every `@inaccessible` type, field, argument, enum value, input field, union member and
/// interface left out. Returns the API schema's SDL as `printSchema` writes it.
///
/// ```swift
/// let api = try apiSchema(fromSupergraph: String(contentsOfFile: "supergraph.graphql"))
/// ```
public func apiSchema(fromSupergraph sdl: String) throws(CompositionError) -> String {
    try Supergraph(sdl: sdl).apiSchemaSDL
}

/// The removal of the supergraph machinery and of `@inaccessible` elements.
struct APISchemaDerivation {
    /// Directive names to strip (and whose definitions go).
    var machineryDirectives: Set<String> = ["link", "core", "join__graph", "join__type", "join__field", "join__implements",
                                            "join__unionMember", "join__enumValue", "join__owner", "join__directive", "inaccessible", "tag"]
    /// Type-name prefixes of the machinery types.
    var machineryTypePrefixes: [String] = ["join__", "link__", "core__"]
    var inaccessibleName = "inaccessible"

    /// Reads renamed specifications (`@link(url: …/inaccessible/v0.2, as: "hidden")`).
    init(document: Document) {
        for case .schema(let schema) in document.definitions {
            for link in schema.directives where link.name.value == "link" || link.name.value == "core" {
                guard let url = link.stringArgument("url") ?? link.stringArgument("feature"), let alias = link.stringArgument("as") else { continue }
                if url.contains("/inaccessible/") { inaccessibleName = alias; machineryDirectives.insert(alias) }
                if url.contains("/tag/") { machineryDirectives.insert(alias) }
                if url.contains("/join/") { machineryTypePrefixes.append("\(alias)__") }
            }
        }
    }

    func isMachineryType(_ name: String) -> Bool {
        machineryTypePrefixes.contains { name.hasPrefix($0) }
    }

    func isMachineryDirective(_ name: String) -> Bool {
        machineryDirectives.contains(name) || machineryTypePrefixes.contains { name.hasPrefix($0) }
    }

    func hidden(_ directives: [Directive]) -> Bool { directives.contains { $0.name.value == inaccessibleName } }

    func strip(_ directives: [Directive]) -> [Directive] { directives.filter { !isMachineryDirective($0.name.value) } }

    func derive(_ document: Document) -> Document {
        var hiddenTypes: Set<String> = []
        for case .type(let type) in document.definitions where hidden(type.directives) { hiddenTypes.insert(type.name.value) }
        func visible(_ reference: TypeReference) -> Bool { !hiddenTypes.contains(reference.namedType.name.value) }
        func arguments(_ values: [InputValueDefinition]) -> [InputValueDefinition] {
            values.filter { !hidden($0.directives) && visible($0.type) }.map { value in
                var copy = value
                copy.directives = strip(value.directives)
                return copy
            }
        }
        func fields(_ values: [FieldDefinition]) -> [FieldDefinition] {
            values.filter { !hidden($0.directives) && visible($0.type) }.map { field in
                var copy = field
                copy.directives = strip(field.directives)
                copy.arguments = arguments(field.arguments)
                return copy
            }
        }
        var result: [Definition] = []
        for definition in document.definitions {
            switch definition {
            case .schema(var schema):
                schema.directives = strip(schema.directives)
                result.append(.schema(schema))
            case .directive(let directive):
                if !isMachineryDirective(directive.name.value) { result.append(definition) }
            case .type(let type):
                let name = type.name.value
                if isMachineryType(name) || hiddenTypes.contains(name) { continue }
                switch type {
                case .object(var object):
                    object.directives = strip(object.directives)
                    object.fields = fields(object.fields)
                    object.interfaces = object.interfaces.filter { !hiddenTypes.contains($0.name.value) }
                    result.append(.type(.object(object)))
                case .interface(var interface):
                    interface.directives = strip(interface.directives)
                    interface.fields = fields(interface.fields)
                    interface.interfaces = interface.interfaces.filter { !hiddenTypes.contains($0.name.value) }
                    result.append(.type(.interface(interface)))
                case .union(var union):
                    union.directives = strip(union.directives)
                    union.types = union.types.filter { !hiddenTypes.contains($0.name.value) }
                    result.append(.type(.union(union)))
                case .enum(var enumType):
                    enumType.directives = strip(enumType.directives)
                    enumType.values = enumType.values.filter { !hidden($0.directives) }.map { value in
                        var copy = value
                        copy.directives = strip(value.directives)
                        return copy
                    }
                    result.append(.type(.enum(enumType)))
                case .inputObject(var input):
                    input.directives = strip(input.directives)
                    input.fields = arguments(input.fields)
                    result.append(.type(.inputObject(input)))
                case .scalar(var scalar):
                    scalar.directives = strip(scalar.directives)
                    result.append(.type(.scalar(scalar)))
                }
            default:
                result.append(definition)
            }
        }
        return Document(definitions: result)
    }
}
