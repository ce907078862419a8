/// What validation looks up in a schema, resolved once per schema (and kept by it): each
/// named type's kind and fields, each field's type already resolved to its named type, each
/// argument's and input field's definition — so walking a document costs one dictionary
/// lookup per field and copies no definitions.
final class ValidationSchemaIndex: Sendable {
    /// The named types in type-map order (positions as ``GraphQLSchema/types``).
    let types: [TypeEntry]
    let positions: [String: Int]
    let directives: [String: DirectiveEntry]
    let queryTypeName: String?
    let typenameField: FieldEntry
    let schemaField: FieldEntry
    let typeField: FieldEntry

    /// A named type.
    final class TypeEntry: Sendable {
        let named: GraphQLNamedType
        let name: String
        let isComposite: Bool
        let isLeaf: Bool
        let isInput: Bool
        let isOutput: Bool
        let isObjectOrInterface: Bool
        /// Fields of an object or interface type.
        let fields: [String: FieldEntry]
        /// Fields of an input object type.
        let inputFields: [String: InputValueEntry]

        init(_ named: GraphQLNamedType, fields: [String: FieldEntry], inputFields: [String: InputValueEntry]) {
            self.named = named
            self.name = named.name
            self.isComposite = named.isCompositeType
            self.isLeaf = named.isLeafType
            self.isInput = named.isInputType
            self.isOutput = named.isOutputType
            switch named {
            case .object, .interface: isObjectOrInterface = true
            default: isObjectOrInterface = false
            }
            self.fields = fields
            self.inputFields = inputFields
        }
    }

    /// A field of an object or interface type (or a meta-field).
    final class FieldEntry: Sendable {
        let definition: GraphQLField
        let name: String
        let type: GraphQLType
        /// Position of the field's named type (-1 when the schema lacks it).
        let namedType: Int
        /// The type, when it is an output type (what TypeInfo tracks).
        let outputType: GraphQLType?
        let arguments: [InputValueEntry]

        init(_ definition: GraphQLField, positions: [String: Int], types: [GraphQLNamedType]) {
            self.definition = definition
            self.name = definition.name
            self.type = definition.type
            let position = positions[definition.type.namedTypeName] ?? -1
            self.namedType = position
            self.outputType = position >= 0 && types[position].isOutputType ? definition.type : nil
            self.arguments = definition.arguments.map { InputValueEntry($0, positions: positions, types: types) }
        }

        func argument(_ name: String) -> InputValueEntry? {
            for argument in arguments where argument.name == name { return argument }
            return nil
        }
    }

    /// An argument or input field.
    final class InputValueEntry: Sendable {
        let definition: GraphQLInputValue
        let name: String
        let type: GraphQLType
        /// The type, when it is an input type (what TypeInfo tracks).
        let inputType: GraphQLType?
        let defaultValue: JSONValue?
        let isRequired: Bool

        init(_ definition: GraphQLInputValue, positions: [String: Int], types: [GraphQLNamedType]) {
            self.definition = definition
            self.name = definition.name
            self.type = definition.type
            let position = positions[definition.type.namedTypeName] ?? -1
            self.inputType = position >= 0 && types[position].isInputType ? definition.type : nil
            self.defaultValue = definition.defaultValue
            self.isRequired = definition.isRequired
        }
    }

    /// A directive definition.
    final class DirectiveEntry: Sendable {
        let definition: GraphQLDirective
        let arguments: [InputValueEntry]

        init(_ definition: GraphQLDirective, positions: [String: Int], types: [GraphQLNamedType]) {
            self.definition = definition
            self.arguments = definition.arguments.map { InputValueEntry($0, positions: positions, types: types) }
        }

        func argument(_ name: String) -> InputValueEntry? {
            for argument in arguments where argument.name == name { return argument }
            return nil
        }
    }

    init(_ schema: GraphQLSchema) {
        let named = schema.types
        var positions: [String: Int] = [:]
        positions.reserveCapacity(named.count)
        for (position, type) in named.enumerated() { positions[type.name] = position }
        self.positions = positions
        types = named.map { type in
            var fields: [String: FieldEntry] = [:]
            var inputFields: [String: InputValueEntry] = [:]
            switch type {
            case .object(let object):
                for field in object.fields { fields[field.name] = FieldEntry(field, positions: positions, types: named) }
            case .interface(let interface):
                for field in interface.fields { fields[field.name] = FieldEntry(field, positions: positions, types: named) }
            case .inputObject(let input):
                for field in input.fields { inputFields[field.name] = InputValueEntry(field, positions: positions, types: named) }
            default: break
            }
            return TypeEntry(type, fields: fields, inputFields: inputFields)
        }
        var directives: [String: DirectiveEntry] = [:]
        for directive in schema.directives where directives[directive.name] == nil {
            directives[directive.name] = DirectiveEntry(directive, positions: positions, types: named)
        }
        self.directives = directives
        queryTypeName = schema.queryTypeName
        typenameField = FieldEntry(Introspection.typenameMetaField, positions: positions, types: named)
        schemaField = FieldEntry(Introspection.schemaMetaField, positions: positions, types: named)
        typeField = FieldEntry(Introspection.typeMetaField, positions: positions, types: named)
    }

    /// The named type called `name`.
    func type(_ name: String) -> TypeEntry? {
        positions[name].map { types[$0] }
    }

    /// The field `name` of a composite type as validation sees it (graphql-js `getFieldDef`):
    /// `__schema` and `__type` on the query type, `__typename` on any composite type.
    func field(_ name: String, on parent: TypeEntry) -> FieldEntry? {
        if name.utf8.first == 0x5F /* _ */ {
            if name == "__typename" { return typenameField }
            if parent.name == queryTypeName {
                if name == "__schema" { return schemaField }
                if name == "__type" { return typeField }
            }
        }
        return parent.fields[name]
    }
}

extension GraphQLSchema {
    /// The validation lookups, built on first use.
    var validationIndex: ValidationSchemaIndex {
        validationIndexCache.get { ValidationSchemaIndex(self) }
    }
}
