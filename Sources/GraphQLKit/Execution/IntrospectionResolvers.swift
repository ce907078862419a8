// How the introspection meta-fields and types resolve (GraphQL specification section 4.2,
// graphql-js `type/introspection`). The schema's parts are wrapped into ready-made source
// values once per schema, so answering introspection allocates nothing per type or field.

/// One introspection field.
enum IntrospectionField: Sendable {
    case schemaMeta, typeMeta
    case schemaDescription, schemaTypes, schemaQueryType, schemaMutationType, schemaSubscriptionType, schemaDirectives
    case typeKind, typeName, typeDescription, typeSpecifiedByURL, typeFields, typeInterfaces, typePossibleTypes,
         typeEnumValues, typeInputFields, typeOfType, typeIsOneOf
    case fieldName, fieldDescription, fieldArgs, fieldType, fieldIsDeprecated, fieldDeprecationReason
    case inputValueName, inputValueDescription, inputValueType, inputValueDefaultValue, inputValueIsDeprecated, inputValueDeprecationReason
    case enumValueName, enumValueDescription, enumValueIsDeprecated, enumValueDeprecationReason
    case directiveName, directiveDescription, directiveIsRepeatable, directiveLocations, directiveArgs

    init?(typeName: String, fieldName: String, schema: GraphQLSchema) {
        switch (typeName, fieldName) {
        case (_, "__schema") where typeName == schema.queryTypeName: self = .schemaMeta
        case (_, "__type") where typeName == schema.queryTypeName: self = .typeMeta
        case ("__Schema", "description"): self = .schemaDescription
        case ("__Schema", "types"): self = .schemaTypes
        case ("__Schema", "queryType"): self = .schemaQueryType
        case ("__Schema", "mutationType"): self = .schemaMutationType
        case ("__Schema", "subscriptionType"): self = .schemaSubscriptionType
        case ("__Schema", "directives"): self = .schemaDirectives
        case ("__Type", "kind"): self = .typeKind
        case ("__Type", "name"): self = .typeName
        case ("__Type", "description"): self = .typeDescription
        case ("__Type", "specifiedByURL"): self = .typeSpecifiedByURL
        case ("__Type", "fields"): self = .typeFields
        case ("__Type", "interfaces"): self = .typeInterfaces
        case ("__Type", "possibleTypes"): self = .typePossibleTypes
        case ("__Type", "enumValues"): self = .typeEnumValues
        case ("__Type", "inputFields"): self = .typeInputFields
        case ("__Type", "ofType"): self = .typeOfType
        case ("__Type", "isOneOf"): self = .typeIsOneOf
        case ("__Field", "name"): self = .fieldName
        case ("__Field", "description"): self = .fieldDescription
        case ("__Field", "args"): self = .fieldArgs
        case ("__Field", "type"): self = .fieldType
        case ("__Field", "isDeprecated"): self = .fieldIsDeprecated
        case ("__Field", "deprecationReason"): self = .fieldDeprecationReason
        case ("__InputValue", "name"): self = .inputValueName
        case ("__InputValue", "description"): self = .inputValueDescription
        case ("__InputValue", "type"): self = .inputValueType
        case ("__InputValue", "defaultValue"): self = .inputValueDefaultValue
        case ("__InputValue", "isDeprecated"): self = .inputValueIsDeprecated
        case ("__InputValue", "deprecationReason"): self = .inputValueDeprecationReason
        case ("__EnumValue", "name"): self = .enumValueName
        case ("__EnumValue", "description"): self = .enumValueDescription
        case ("__EnumValue", "isDeprecated"): self = .enumValueIsDeprecated
        case ("__EnumValue", "deprecationReason"): self = .enumValueDeprecationReason
        case ("__Directive", "name"): self = .directiveName
        case ("__Directive", "description"): self = .directiveDescription
        case ("__Directive", "isRepeatable"): self = .directiveIsRepeatable
        case ("__Directive", "locations"): self = .directiveLocations
        case ("__Directive", "args"): self = .directiveArgs
        default: return nil
        }
    }

    func resolve(_ source: ResolvedValue, _ arguments: FieldArguments, _ request: RequestState) throws -> ResolvedValue {
        let cache = request.engine.introspection
        let includeDeprecated = arguments["includeDeprecated"] == .bool(true)
        switch self {
        case .schemaMeta:
            return cache.schemaValue
        case .typeMeta:
            guard case .string(let name)? = arguments["name"] else { return .null }
            return cache.namedTypeValues[name] ?? .null
        case .schemaDescription:
            return cache.schema.description.map(ResolvedValue.string) ?? .null
        case .schemaTypes:
            return cache.typesValue
        case .schemaQueryType:
            return cache.schema.queryTypeName.flatMap { cache.namedTypeValues[$0] } ?? .null
        case .schemaMutationType:
            return cache.schema.mutationTypeName.flatMap { cache.namedTypeValues[$0] } ?? .null
        case .schemaSubscriptionType:
            return cache.schema.subscriptionTypeName.flatMap { cache.namedTypeValues[$0] } ?? .null
        case .schemaDirectives:
            return cache.directivesValue
        default:
            break
        }
        guard case .object(let object) = source else { return .null }
        if let result = object.withValue(as: IntrospectedType.self, { type in typeField(type, includeDeprecated) }) {
            return result
        }
        if let result = object.withValue(as: IntrospectedField.self, { field in fieldField(field, includeDeprecated) }) {
            return result
        }
        if let result = try object.withValue(as: IntrospectedInputValue.self, { value in try inputValueField(value) }) {
            return result
        }
        if let result = object.withValue(as: GraphQLEnumValue.self, { value in enumValueField(value) }) {
            return result
        }
        if let result = object.withValue(as: IntrospectedDirective.self, { directive in directiveField(directive, includeDeprecated) }) {
            return result
        }
        return .null
    }

    private func typeField(_ type: IntrospectedType, _ includeDeprecated: Bool) -> ResolvedValue {
        switch self {
        case .typeKind: return .string(type.kind.rawValue)
        case .typeName: return type.named.map { .string($0.name) } ?? .null
        case .typeDescription: return type.named?.description.map(ResolvedValue.string) ?? .null
        case .typeSpecifiedByURL:
            if case .scalar(let scalar)? = type.named { return scalar.specifiedByURL.map(ResolvedValue.string) ?? .null }
            return .null
        case .typeFields: return (includeDeprecated ? type.allFields : type.fields) ?? .null
        case .typeInterfaces: return type.interfaces ?? .null
        case .typePossibleTypes: return type.possibleTypes ?? .null
        case .typeEnumValues: return (includeDeprecated ? type.allEnumValues : type.enumValues) ?? .null
        case .typeInputFields: return (includeDeprecated ? type.allInputFields : type.inputFields) ?? .null
        case .typeOfType: return type.ofType ?? .null
        case .typeIsOneOf:
            if case .inputObject(let input)? = type.named { return .bool(input.isOneOf) }
            return .null
        default: return .null
        }
    }

    private func fieldField(_ field: IntrospectedField, _ includeDeprecated: Bool) -> ResolvedValue {
        switch self {
        case .fieldName: return .string(field.field.name)
        case .fieldDescription: return field.field.description.map(ResolvedValue.string) ?? .null
        case .fieldArgs: return includeDeprecated ? field.allArguments : field.arguments
        case .fieldType: return field.type
        case .fieldIsDeprecated: return .bool(field.field.deprecationReason != nil)
        case .fieldDeprecationReason: return field.field.deprecationReason.map(ResolvedValue.string) ?? .null
        default: return .null
        }
    }

    private func inputValueField(_ value: IntrospectedInputValue) throws -> ResolvedValue {
        switch self {
        case .inputValueName: return .string(value.value.name)
        case .inputValueDescription: return value.value.description.map(ResolvedValue.string) ?? .null
        case .inputValueType: return value.type
        case .inputValueDefaultValue:
            switch value.printedDefault {
            case .success(let printed): return printed.map(ResolvedValue.string) ?? .null
            case .failure(let error): throw error
            }
        case .inputValueIsDeprecated: return .bool(value.value.deprecationReason != nil)
        case .inputValueDeprecationReason: return value.value.deprecationReason.map(ResolvedValue.string) ?? .null
        default: return .null
        }
    }

    private func enumValueField(_ value: GraphQLEnumValue) -> ResolvedValue {
        switch self {
        case .enumValueName: return .string(value.name)
        case .enumValueDescription: return value.description.map(ResolvedValue.string) ?? .null
        case .enumValueIsDeprecated: return .bool(value.deprecationReason != nil)
        case .enumValueDeprecationReason: return value.deprecationReason.map(ResolvedValue.string) ?? .null
        default: return .null
        }
    }

    private func directiveField(_ directive: IntrospectedDirective, _ includeDeprecated: Bool) -> ResolvedValue {
        switch self {
        case .directiveName: return .string(directive.directive.name)
        case .directiveDescription: return directive.directive.description.map(ResolvedValue.string) ?? .null
        case .directiveIsRepeatable: return .bool(directive.directive.isRepeatable)
        case .directiveLocations: return .list(directive.directive.locations.map { .string($0.rawValue) })
        case .directiveArgs: return includeDeprecated ? directive.allArguments : directive.arguments
        default: return .null
        }
    }
}

/// A `__Type` source: a named or wrapping type with its lists ready.
///
/// `@unchecked Sendable`: the `var`s are written only by ``IntrospectionCache``'s initializer,
/// on one thread, while it links the graph of types (which refer to each other in cycles, so
/// the nodes must exist before their lists); the cache is published through the engine's
/// lazily-computed value (a mutex) and only ever read afterwards.
final class IntrospectedType: @unchecked Sendable {
    let kind: TypeKind
    let named: GraphQLNamedType?
    var ofType: ResolvedValue?
    var fields: ResolvedValue?
    var allFields: ResolvedValue?
    var interfaces: ResolvedValue?
    var possibleTypes: ResolvedValue?
    var enumValues: ResolvedValue?
    var allEnumValues: ResolvedValue?
    var inputFields: ResolvedValue?
    var allInputFields: ResolvedValue?

    init(kind: TypeKind, named: GraphQLNamedType?) {
        self.kind = kind
        self.named = named
    }
}

/// A `__Field` source.
struct IntrospectedField: Sendable {
    let field: GraphQLField
    let type: ResolvedValue
    let arguments: ResolvedValue
    let allArguments: ResolvedValue
}

/// An `__InputValue` source, with its default value printed once.
struct IntrospectedInputValue: Sendable {
    let value: GraphQLInputValue
    let type: ResolvedValue
    let printedDefault: Result<String?, GraphQLError>
}

/// A `__Directive` source.
struct IntrospectedDirective: Sendable {
    let directive: GraphQLDirective
    let arguments: ResolvedValue
    let allArguments: ResolvedValue
}

/// The introspection sources of one schema, built once.
final class IntrospectionCache: Sendable {
    let schema: GraphQLSchema
    let schemaValue: ResolvedValue
    let typesValue: ResolvedValue
    let directivesValue: ResolvedValue
    let namedTypeValues: [String: ResolvedValue]

    /// A marker source for `__Schema` (its fields read the cache).
    struct SchemaSource: Sendable {}

    init(schema: GraphQLSchema) {
        self.schema = schema
        var builder = Builder(schema: schema)
        // Nodes for every named type first: fields and interfaces refer to them in cycles.
        var nodes: [(GraphQLNamedType, IntrospectedType)] = []
        for type in schema.types {
            let node = IntrospectedType(kind: type.kind, named: type)
            nodes.append((type, node))
            builder.values[.named(type.name)] = .object(ObjectSource(node))
        }
        for (type, node) in nodes { builder.fill(node, type) }
        self.namedTypeValues = Dictionary(uniqueKeysWithValues: schema.types.map { ($0.name, builder.values[.named($0.name)]!) })
        self.typesValue = .list(schema.types.map { builder.values[.named($0.name)]! })
        self.directivesValue = .list(schema.directives.map { directive in
            let arguments = directive.arguments.map { builder.inputValue($0) }
            return .object(ObjectSource(IntrospectedDirective(
                directive: directive,
                arguments: .list(zip(directive.arguments, arguments).filter { $0.0.deprecationReason == nil }.map(\.1)),
                allArguments: .list(arguments))))
        })
        self.schemaValue = .object(ObjectSource(SchemaSource()))
    }

    /// Builds the wrapped values, each type (with its wrappers) once.
    private struct Builder {
        let schema: GraphQLSchema
        var values: [GraphQLType: ResolvedValue] = [:]

        /// The value of a type reference (list and non-null wrappers made on first use).
        mutating func value(_ type: GraphQLType) -> ResolvedValue {
            if let existing = values[type] { return existing }
            let node: IntrospectedType
            switch type {
            case .named: return .null
            case .list(let inner):
                node = IntrospectedType(kind: .list, named: nil)
                node.ofType = value(inner)
            case .nonNull(let inner):
                node = IntrospectedType(kind: .nonNull, named: nil)
                node.ofType = value(inner)
            }
            let result = ResolvedValue.object(ObjectSource(node))
            values[type] = result
            return result
        }

        mutating func fill(_ node: IntrospectedType, _ type: GraphQLNamedType) {
            switch type {
            case .object, .interface:
                let fields = type.fields ?? NamedList()
                let fieldValues = fields.map { field(for: $0) }
                node.allFields = .list(fieldValues)
                node.fields = .list(zip(fields, fieldValues).filter { $0.0.deprecationReason == nil }.map(\.1))
                node.interfaces = .list(type.interfaces.map { value(.named($0)) })
                if case .interface = type {
                    node.possibleTypes = .list(schema.possibleTypes(of: type.name).map { value(.named($0.name)) })
                }
            case .union:
                node.possibleTypes = .list(schema.possibleTypes(of: type.name).map { value(.named($0.name)) })
            case .enum(let enumType):
                let enumValues = enumType.values.map { ResolvedValue.object(ObjectSource($0)) }
                node.allEnumValues = .list(enumValues)
                node.enumValues = .list(zip(enumType.values, enumValues).filter { $0.0.deprecationReason == nil }.map(\.1))
            case .inputObject(let input):
                let inputValues = input.fields.map { inputValue($0) }
                node.allInputFields = .list(inputValues)
                node.inputFields = .list(zip(input.fields, inputValues).filter { $0.0.deprecationReason == nil }.map(\.1))
            case .scalar:
                break
            }
        }

        mutating func field(for field: GraphQLField) -> ResolvedValue {
            let arguments = field.arguments.map { inputValue($0) }
            return .object(ObjectSource(IntrospectedField(
                field: field, type: value(field.type),
                arguments: .list(zip(field.arguments, arguments).filter { $0.0.deprecationReason == nil }.map(\.1)),
                allArguments: .list(arguments))))
        }

        mutating func inputValue(_ input: GraphQLInputValue) -> ResolvedValue {
            let printed: Result<String?, GraphQLError>
            if let defaultValue = input.defaultValue {
                do {
                    printed = .success(try schema.astFromValue(defaultValue, type: input.type).map(Printer.print))
                } catch {
                    printed = .failure(error)
                }
            } else {
                printed = .success(nil)
            }
            return .object(ObjectSource(IntrospectedInputValue(value: input, type: value(input.type), printedDefault: printed)))
        }
    }
}
