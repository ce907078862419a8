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
        // Only the meta-fields and the introspection types' fields (all named `__…`) qualify.
        guard typeName.utf8.first == 0x5F || fieldName.utf8.first == 0x5F else { return nil }
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

    /// The field's JSON when it is a leaf precomputed by the node (written as is, no completion).
    func leafJSON(_ source: ResolvedValue) -> UnsafeRawBufferPointer? {
        guard case .object(let object) = source else { return nil }
        return object.withValue(as: IntrospectionNode.self) { $0.leafJSON(self) } ?? nil
    }

    func resolve(_ source: ResolvedValue, _ arguments: FieldArguments, _ request: RequestState) throws -> ResolvedValue {
        try resolve(source, arguments, request, includeDeprecated: arguments.isEmpty ? false : arguments["includeDeprecated"] == .bool(true))
    }

    func resolve(_ source: ResolvedValue, _ arguments: FieldArguments, _ request: RequestState, includeDeprecated: Bool) throws -> ResolvedValue {
        switch self {
        case .schemaMeta:
            return request.engine.introspection.schemaValue
        case .typeMeta:
            guard case .string(let name)? = arguments["name"] else { return .null }
            return request.engine.introspection.namedTypeValues[name] ?? .null
        default:
            break
        }
        guard case .object(let object) = source,
              let value = try object.withValue(as: IntrospectionNode.self, { node in
                  try node.value(self, includeDeprecated: includeDeprecated)
              }) else { return .null }
        return value
    }
}

/// A source of an introspection object (`__Schema`, `__Type`, `__Field`, …): every field's
/// value is computed once per schema; answering a field is a virtual call returning it.
///
/// `@unchecked Sendable`: nodes are only written by ``IntrospectionCache``'s initializer, on
/// one thread, while it links the graph (types refer to each other in cycles, so nodes must
/// exist before their lists); the cache is published through a mutex (the engine's lazily
/// computed value) and only read afterwards.
class IntrospectionNode: @unchecked Sendable {
    /// The node's leaf fields (names, descriptions, flags) as JSON, written once.
    private var leaves = LeafJSON()

    func value(_ field: IntrospectionField, includeDeprecated: Bool) throws -> ResolvedValue { .null }

    /// Records a leaf field's value as JSON (while the cache is built).
    func setLeaf(_ field: IntrospectionField, _ value: ResolvedValue) {
        guard let json = value.jsonValue else { return }
        leaves.set(field, json)
    }

    func leafJSON(_ field: IntrospectionField) -> UnsafeRawBufferPointer? {
        leaves[field]
    }
}

/// A few fields' JSON in one allocation.
struct LeafJSON {
    private var fields: [IntrospectionField] = []
    private var ranges: [Range<Int>] = []
    private var storage: LeafStorage?

    mutating func set(_ field: IntrospectionField, _ value: JSONValue) {
        var bytes = storage.map { Array($0.bytes) } ?? []
        let start = bytes.count
        value.write(to: &bytes)
        fields.append(field)
        ranges.append(start..<bytes.count)
        storage = LeafStorage(bytes)
    }

    subscript(field: IntrospectionField) -> UnsafeRawBufferPointer? {
        guard let storage else { return nil }
        for index in fields.indices where fields[index] == field {
            return UnsafeRawBufferPointer(rebasing: storage.bytes[ranges[index]])
        }
        return nil
    }
}

/// The bytes of a ``LeafJSON``, freed with it.
final class LeafStorage {
    let bytes: UnsafeRawBufferPointer

    init(_ array: [UInt8]) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, array.count), alignment: 1)
        memory.copyBytes(from: array)
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[0..<array.count])
    }

    deinit {
        UnsafeMutableRawPointer(mutating: bytes.baseAddress!).deallocate()
    }
}

/// `__Schema`.
final class SchemaNode: IntrospectionNode, @unchecked Sendable {
    var description: ResolvedValue = .null
    var types: ResolvedValue = .null
    var queryType: ResolvedValue = .null
    var mutationType: ResolvedValue = .null
    var subscriptionType: ResolvedValue = .null
    var directives: ResolvedValue = .null

    override func value(_ field: IntrospectionField, includeDeprecated: Bool) throws -> ResolvedValue {
        switch field {
        case .schemaDescription: return description
        case .schemaTypes: return types
        case .schemaQueryType: return queryType
        case .schemaMutationType: return mutationType
        case .schemaSubscriptionType: return subscriptionType
        case .schemaDirectives: return directives
        default: return .null
        }
    }
}

/// `__Type`: a named or wrapping type with its lists ready.
final class TypeNode: IntrospectionNode, @unchecked Sendable {
    let kind: ResolvedValue
    let name: ResolvedValue
    let description: ResolvedValue
    let specifiedByURL: ResolvedValue
    let isOneOf: ResolvedValue
    var ofType: ResolvedValue = .null
    var fields: ResolvedValue = .null
    var allFields: ResolvedValue = .null
    var interfaces: ResolvedValue = .null
    var possibleTypes: ResolvedValue = .null
    var enumValues: ResolvedValue = .null
    var allEnumValues: ResolvedValue = .null
    var inputFields: ResolvedValue = .null
    var allInputFields: ResolvedValue = .null

    init(kind: TypeKind, named: GraphQLNamedType?) {
        self.kind = .string(kind.rawValue)
        self.name = named.map { .string($0.name) } ?? .null
        self.description = named?.description.map(ResolvedValue.string) ?? .null
        if case .scalar(let scalar)? = named {
            specifiedByURL = scalar.specifiedByURL.map(ResolvedValue.string) ?? .null
        } else {
            specifiedByURL = .null
        }
        if case .inputObject(let input)? = named { isOneOf = .bool(input.isOneOf) } else { isOneOf = .null }
        super.init()
        setLeaf(.typeKind, self.kind)
        setLeaf(.typeName, name)
        setLeaf(.typeDescription, description)
        setLeaf(.typeSpecifiedByURL, specifiedByURL)
        setLeaf(.typeIsOneOf, isOneOf)
    }

    override func value(_ field: IntrospectionField, includeDeprecated: Bool) throws -> ResolvedValue {
        switch field {
        case .typeKind: return kind
        case .typeName: return name
        case .typeDescription: return description
        case .typeSpecifiedByURL: return specifiedByURL
        case .typeFields: return includeDeprecated ? allFields : fields
        case .typeInterfaces: return interfaces
        case .typePossibleTypes: return possibleTypes
        case .typeEnumValues: return includeDeprecated ? allEnumValues : enumValues
        case .typeInputFields: return includeDeprecated ? allInputFields : inputFields
        case .typeOfType: return ofType
        case .typeIsOneOf: return isOneOf
        default: return .null
        }
    }
}

/// `__Field`.
final class FieldNode: IntrospectionNode, @unchecked Sendable {
    let name: ResolvedValue
    let description: ResolvedValue
    let type: ResolvedValue
    let arguments: ResolvedValue
    let allArguments: ResolvedValue
    let isDeprecated: ResolvedValue
    let deprecationReason: ResolvedValue

    init(_ field: GraphQLField, type: ResolvedValue, arguments: ResolvedValue, allArguments: ResolvedValue) {
        name = .string(field.name)
        description = field.description.map(ResolvedValue.string) ?? .null
        self.type = type
        self.arguments = arguments
        self.allArguments = allArguments
        isDeprecated = .bool(field.deprecationReason != nil)
        deprecationReason = field.deprecationReason.map(ResolvedValue.string) ?? .null
        super.init()
        setLeaf(.fieldName, name)
        setLeaf(.fieldDescription, description)
        setLeaf(.fieldIsDeprecated, isDeprecated)
        setLeaf(.fieldDeprecationReason, deprecationReason)
    }

    override func value(_ field: IntrospectionField, includeDeprecated: Bool) throws -> ResolvedValue {
        switch field {
        case .fieldName: return name
        case .fieldDescription: return description
        case .fieldArgs: return includeDeprecated ? allArguments : arguments
        case .fieldType: return type
        case .fieldIsDeprecated: return isDeprecated
        case .fieldDeprecationReason: return deprecationReason
        default: return .null
        }
    }
}

/// `__InputValue`, with its default value printed once.
final class InputValueNode: IntrospectionNode, @unchecked Sendable {
    let name: ResolvedValue
    let description: ResolvedValue
    let type: ResolvedValue
    let defaultValue: Result<ResolvedValue, GraphQLError>
    let isDeprecated: ResolvedValue
    let deprecationReason: ResolvedValue

    init(_ input: GraphQLInputValue, type: ResolvedValue, defaultValue: Result<ResolvedValue, GraphQLError>) {
        name = .string(input.name)
        description = input.description.map(ResolvedValue.string) ?? .null
        self.type = type
        self.defaultValue = defaultValue
        isDeprecated = .bool(input.deprecationReason != nil)
        deprecationReason = input.deprecationReason.map(ResolvedValue.string) ?? .null
        super.init()
        setLeaf(.inputValueName, name)
        setLeaf(.inputValueDescription, description)
        if case .success(let printed) = defaultValue { setLeaf(.inputValueDefaultValue, printed) }
        setLeaf(.inputValueIsDeprecated, isDeprecated)
        setLeaf(.inputValueDeprecationReason, deprecationReason)
    }

    override func value(_ field: IntrospectionField, includeDeprecated: Bool) throws -> ResolvedValue {
        switch field {
        case .inputValueName: return name
        case .inputValueDescription: return description
        case .inputValueType: return type
        case .inputValueDefaultValue: return try defaultValue.get()
        case .inputValueIsDeprecated: return isDeprecated
        case .inputValueDeprecationReason: return deprecationReason
        default: return .null
        }
    }
}

/// `__EnumValue`.
final class EnumValueNode: IntrospectionNode, @unchecked Sendable {
    let name: ResolvedValue
    let description: ResolvedValue
    let isDeprecated: ResolvedValue
    let deprecationReason: ResolvedValue

    init(_ value: GraphQLEnumValue) {
        name = .string(value.name)
        description = value.description.map(ResolvedValue.string) ?? .null
        isDeprecated = .bool(value.deprecationReason != nil)
        deprecationReason = value.deprecationReason.map(ResolvedValue.string) ?? .null
        super.init()
        setLeaf(.enumValueName, name)
        setLeaf(.enumValueDescription, description)
        setLeaf(.enumValueIsDeprecated, isDeprecated)
        setLeaf(.enumValueDeprecationReason, deprecationReason)
    }

    override func value(_ field: IntrospectionField, includeDeprecated: Bool) throws -> ResolvedValue {
        switch field {
        case .enumValueName: return name
        case .enumValueDescription: return description
        case .enumValueIsDeprecated: return isDeprecated
        case .enumValueDeprecationReason: return deprecationReason
        default: return .null
        }
    }
}

/// `__Directive`.
final class DirectiveNode: IntrospectionNode, @unchecked Sendable {
    let name: ResolvedValue
    let description: ResolvedValue
    let isRepeatable: ResolvedValue
    let locations: ResolvedValue
    let arguments: ResolvedValue
    let allArguments: ResolvedValue

    init(_ directive: GraphQLDirective, arguments: ResolvedValue, allArguments: ResolvedValue) {
        name = .string(directive.name)
        description = directive.description.map(ResolvedValue.string) ?? .null
        isRepeatable = .bool(directive.isRepeatable)
        locations = .strings(directive.locations.map(\.rawValue))
        self.arguments = arguments
        self.allArguments = allArguments
        super.init()
        setLeaf(.directiveName, name)
        setLeaf(.directiveDescription, description)
        setLeaf(.directiveIsRepeatable, isRepeatable)
        setLeaf(.directiveLocations, locations)
    }

    override func value(_ field: IntrospectionField, includeDeprecated: Bool) throws -> ResolvedValue {
        switch field {
        case .directiveName: return name
        case .directiveDescription: return description
        case .directiveIsRepeatable: return isRepeatable
        case .directiveLocations: return locations
        case .directiveArgs: return includeDeprecated ? allArguments : arguments
        default: return .null
        }
    }
}

/// The introspection sources of one schema, built once.
final class IntrospectionCache: Sendable {
    let schemaValue: ResolvedValue
    let namedTypeValues: [String: ResolvedValue]

    init(schema: GraphQLSchema) {
        var builder = Builder(schema: schema)
        // Nodes for every named type first: fields and interfaces refer to them in cycles.
        var nodes: [(GraphQLNamedType, TypeNode)] = []
        for type in schema.types {
            let node = TypeNode(kind: type.kind, named: type)
            nodes.append((type, node))
            builder.values[.named(type.name)] = Self.source(node)
        }
        for (type, node) in nodes { builder.fill(node, type) }
        let named = Dictionary(uniqueKeysWithValues: schema.types.map { ($0.name, builder.values[.named($0.name)]!) })
        self.namedTypeValues = named
        let schemaNode = SchemaNode()
        schemaNode.description = schema.description.map(ResolvedValue.string) ?? .null
        schemaNode.types = .list(schema.types.map { named[$0.name]! })
        schemaNode.queryType = schema.queryTypeName.flatMap { named[$0] } ?? .null
        schemaNode.mutationType = schema.mutationTypeName.flatMap { named[$0] } ?? .null
        schemaNode.subscriptionType = schema.subscriptionTypeName.flatMap { named[$0] } ?? .null
        schemaNode.directives = .list(schema.directives.map { directive in
            let arguments = directive.arguments.map { builder.inputValue($0) }
            return Self.source(DirectiveNode(
                directive,
                arguments: .list(zip(directive.arguments, arguments).filter { $0.0.deprecationReason == nil }.map(\.1)),
                allArguments: .list(arguments)))
        })
        self.schemaValue = Self.source(schemaNode)
    }

    /// A node as a source value (boxed as the base class, so one type check finds any node).
    static func source(_ node: IntrospectionNode) -> ResolvedValue {
        .object(ObjectSource(node))
    }

    /// Builds the wrapped values, each type (with its wrappers) once.
    private struct Builder {
        let schema: GraphQLSchema
        var values: [GraphQLType: ResolvedValue] = [:]

        /// The value of a type reference (list and non-null wrappers made on first use).
        mutating func value(_ type: GraphQLType) -> ResolvedValue {
            if let existing = values[type] { return existing }
            let node: TypeNode
            switch type {
            case .named: return .null
            case .list(let inner):
                node = TypeNode(kind: .list, named: nil)
                node.ofType = value(inner)
            case .nonNull(let inner):
                node = TypeNode(kind: .nonNull, named: nil)
                node.ofType = value(inner)
            }
            let result = IntrospectionCache.source(node)
            values[type] = result
            return result
        }

        mutating func fill(_ node: TypeNode, _ type: GraphQLNamedType) {
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
                let enumValues = enumType.values.map { IntrospectionCache.source(EnumValueNode($0)) }
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
            return IntrospectionCache.source(FieldNode(
                field, type: value(field.type),
                arguments: .list(zip(field.arguments, arguments).filter { $0.0.deprecationReason == nil }.map(\.1)),
                allArguments: .list(arguments)))
        }

        mutating func inputValue(_ input: GraphQLInputValue) -> ResolvedValue {
            let printed: Result<ResolvedValue, GraphQLError>
            if let defaultValue = input.defaultValue {
                do {
                    printed = .success(try schema.astFromValue(defaultValue, type: input.type).map { .string(Printer.print($0)) } ?? .null)
                } catch {
                    printed = .failure(error)
                }
            } else {
                printed = .success(.null)
            }
            return IntrospectionCache.source(InputValueNode(input, type: value(input.type), defaultValue: printed))
        }
    }
}
