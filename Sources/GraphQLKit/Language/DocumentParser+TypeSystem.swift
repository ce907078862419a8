extension DocumentParser {
    /// SchemaDefinition : Description? schema Directives[Const]? { OperationTypeDefinition+ }
    mutating func parseSchemaDefinition() throws(SyntaxFailure) -> SchemaDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("schema")
        let directives = try parseDirectives(isConst: true)
        let operationTypes = try many(.braceL, .braceR) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.parseOperationTypeDefinition()
        }
        return SchemaDefinition(description: description, directives: directives, operationTypes: operationTypes, location: location(from: start))
    }

    /// OperationTypeDefinition : OperationType : NamedType
    mutating func parseOperationTypeDefinition() throws(SyntaxFailure) -> OperationTypeDefinition {
        let start = token.start
        let operation = try parseOperationType()
        try expect(.colon)
        let type = try parseNamedType()
        return OperationTypeDefinition(operation: operation, type: type, location: location(from: start))
    }

    /// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
    mutating func parseScalarTypeDefinition() throws(SyntaxFailure) -> ScalarTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        return ScalarTypeDefinition(description: description, name: name, directives: directives, location: location(from: start))
    }

    /// ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    mutating func parseObjectTypeDefinition() throws(SyntaxFailure) -> ObjectTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("type")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        return ObjectTypeDefinition(description: description, name: name, interfaces: interfaces, directives: directives, fields: fields,
                                    location: location(from: start))
    }

    /// ImplementsInterfaces : implements `&`? NamedType | ImplementsInterfaces & NamedType
    mutating func parseImplementsInterfaces() throws(SyntaxFailure) -> [NamedType] {
        guard try expectOptionalKeyword("implements") else { return [] }
        return try delimitedMany(.amp, on: Self.made(&namedTypeStack)) { (parser: inout DocumentParser) throws(SyntaxFailure) in try parser.parseNamedType() }
    }

    /// FieldsDefinition : { FieldDefinition+ }
    mutating func parseFieldsDefinition() throws(SyntaxFailure) -> [FieldDefinition] {
        try optionalMany(.braceL, .braceR, on: Self.made(&fieldDefinitionStack)) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.parseFieldDefinition()
        }
    }

    /// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    mutating func parseFieldDefinition() throws(SyntaxFailure) -> FieldDefinition {
        let start = token.start
        let description = try parseDescription()
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        try expect(.colon)
        let type = try parseTypeReference()
        let directives = try parseDirectives(isConst: true)
        return FieldDefinition(description: description, name: name, arguments: arguments, type: type, directives: directives,
                               location: location(from: start))
    }

    /// ArgumentsDefinition : ( InputValueDefinition+ )
    mutating func parseArgumentDefinitions() throws(SyntaxFailure) -> [InputValueDefinition] {
        try optionalMany(.parenL, .parenR, on: Self.made(&inputValueStack)) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.parseInputValueDefinition()
        }
    }

    /// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    mutating func parseInputValueDefinition() throws(SyntaxFailure) -> InputValueDefinition {
        let start = token.start
        let description = try parseDescription()
        let name = try parseName()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptional(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return InputValueDefinition(description: description, name: name, type: type, defaultValue: defaultValue, directives: directives,
                                    location: location(from: start))
    }

    /// InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    mutating func parseInterfaceTypeDefinition() throws(SyntaxFailure) -> InterfaceTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("interface")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        return InterfaceTypeDefinition(description: description, name: name, interfaces: interfaces, directives: directives, fields: fields,
                                       location: location(from: start))
    }

    /// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
    mutating func parseUnionTypeDefinition() throws(SyntaxFailure) -> UnionTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let types = try parseUnionMemberTypes()
        return UnionTypeDefinition(description: description, name: name, directives: directives, types: types, location: location(from: start))
    }

    /// UnionMemberTypes : = `|`? NamedType | UnionMemberTypes | NamedType
    mutating func parseUnionMemberTypes() throws(SyntaxFailure) -> [NamedType] {
        guard try expectOptional(.equals) else { return [] }
        return try delimitedMany(.pipe, on: Self.made(&namedTypeStack)) { (parser: inout DocumentParser) throws(SyntaxFailure) in try parser.parseNamedType() }
    }

    /// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
    mutating func parseEnumTypeDefinition() throws(SyntaxFailure) -> EnumTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let values = try parseEnumValuesDefinition()
        return EnumTypeDefinition(description: description, name: name, directives: directives, values: values, location: location(from: start))
    }

    /// EnumValuesDefinition : { EnumValueDefinition+ }
    mutating func parseEnumValuesDefinition() throws(SyntaxFailure) -> [EnumValueDefinition] {
        try optionalMany(.braceL, .braceR, on: Self.made(&enumValueStack)) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.parseEnumValueDefinition()
        }
    }

    /// EnumValueDefinition : Description? EnumValue Directives[Const]?
    mutating func parseEnumValueDefinition() throws(SyntaxFailure) -> EnumValueDefinition {
        let start = token.start
        let description = try parseDescription()
        if isKeyword(token, "true") || isKeyword(token, "false") || isKeyword(token, "null") {
            throw SyntaxFailure(position: token.start, description: "\(describe(token)) is reserved and cannot be used for an enum value.")
        }
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        return EnumValueDefinition(description: description, name: name, directives: directives, location: location(from: start))
    }

    /// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
    mutating func parseInputObjectTypeDefinition() throws(SyntaxFailure) -> InputObjectTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseInputFieldsDefinition()
        return InputObjectTypeDefinition(description: description, name: name, directives: directives, fields: fields, location: location(from: start))
    }

    /// InputFieldsDefinition : { InputValueDefinition+ }
    mutating func parseInputFieldsDefinition() throws(SyntaxFailure) -> [InputValueDefinition] {
        try optionalMany(.braceL, .braceR, on: Self.made(&inputValueStack)) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.parseInputValueDefinition()
        }
    }

    /// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
    mutating func parseDirectiveDefinition() throws(SyntaxFailure) -> DirectiveDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("directive")
        try expect(.at)
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        let repeatable = try expectOptionalKeyword("repeatable")
        try expectKeyword("on")
        let locations = try delimitedMany(.pipe) { (parser: inout DocumentParser) throws(SyntaxFailure) in try parser.parseDirectiveLocation() }
        return DirectiveDefinition(description: description, name: name, arguments: arguments, repeatable: repeatable, locations: locations,
                                   location: location(from: start))
    }

    /// DirectiveLocation : one of the executable and type-system location names.
    mutating func parseDirectiveLocation() throws(SyntaxFailure) -> Name {
        let start = token
        let name = try parseName()
        guard DirectiveLocation(rawValue: name.value) != nil else { throw unexpected(start) }
        return name
    }

    // MARK: Extensions

    /// TypeSystemExtension : SchemaExtension | TypeExtension
    mutating func parseTypeSystemExtension() throws(SyntaxFailure) -> Definition {
        let keyword = try lookahead()
        if keyword.kind == .name {
            if isKeyword(keyword, "schema") { return .schemaExtension(try parseSchemaExtension()) }
            if isKeyword(keyword, "scalar") { return .typeExtension(.scalar(try parseScalarTypeExtension())) }
            if isKeyword(keyword, "type") { return .typeExtension(.object(try parseObjectTypeExtension())) }
            if isKeyword(keyword, "interface") { return .typeExtension(.interface(try parseInterfaceTypeExtension())) }
            if isKeyword(keyword, "union") { return .typeExtension(.union(try parseUnionTypeExtension())) }
            if isKeyword(keyword, "enum") { return .typeExtension(.enum(try parseEnumTypeExtension())) }
            if isKeyword(keyword, "input") { return .typeExtension(.inputObject(try parseInputObjectTypeExtension())) }
        }
        throw unexpected(keyword)
    }

    /// SchemaExtension : extend schema Directives[Const]? { OperationTypeDefinition+ } | extend schema Directives[Const]
    mutating func parseSchemaExtension() throws(SyntaxFailure) -> SchemaExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("schema")
        let directives = try parseDirectives(isConst: true)
        let operationTypes = try optionalMany(.braceL, .braceR) { (parser: inout DocumentParser) throws(SyntaxFailure) in
            try parser.parseOperationTypeDefinition()
        }
        if directives.isEmpty && operationTypes.isEmpty { throw unexpected() }
        return SchemaExtension(directives: directives, operationTypes: operationTypes, location: location(from: start))
    }

    /// ScalarTypeExtension : extend scalar Name Directives[Const]
    mutating func parseScalarTypeExtension() throws(SyntaxFailure) -> ScalarTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        if directives.isEmpty { throw unexpected() }
        return ScalarTypeExtension(name: name, directives: directives, location: location(from: start))
    }

    /// ObjectTypeExtension : extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition (at least one part)
    mutating func parseObjectTypeExtension() throws(SyntaxFailure) -> ObjectTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("type")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
        return ObjectTypeExtension(name: name, interfaces: interfaces, directives: directives, fields: fields, location: location(from: start))
    }

    /// InterfaceTypeExtension : extend interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition (at least one part)
    mutating func parseInterfaceTypeExtension() throws(SyntaxFailure) -> InterfaceTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("interface")
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseFieldsDefinition()
        if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
        return InterfaceTypeExtension(name: name, interfaces: interfaces, directives: directives, fields: fields, location: location(from: start))
    }

    /// UnionTypeExtension : extend union Name Directives[Const]? UnionMemberTypes | extend union Name Directives[Const]
    mutating func parseUnionTypeExtension() throws(SyntaxFailure) -> UnionTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let types = try parseUnionMemberTypes()
        if directives.isEmpty && types.isEmpty { throw unexpected() }
        return UnionTypeExtension(name: name, directives: directives, types: types, location: location(from: start))
    }

    /// EnumTypeExtension : extend enum Name Directives[Const]? EnumValuesDefinition | extend enum Name Directives[Const]
    mutating func parseEnumTypeExtension() throws(SyntaxFailure) -> EnumTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let values = try parseEnumValuesDefinition()
        if directives.isEmpty && values.isEmpty { throw unexpected() }
        return EnumTypeExtension(name: name, directives: directives, values: values, location: location(from: start))
    }

    /// InputObjectTypeExtension : extend input Name Directives[Const]? InputFieldsDefinition | extend input Name Directives[Const]
    mutating func parseInputObjectTypeExtension() throws(SyntaxFailure) -> InputObjectTypeExtension {
        let start = token.start
        try expectKeyword("extend")
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(isConst: true)
        let fields = try parseInputFieldsDefinition()
        if directives.isEmpty && fields.isEmpty { throw unexpected() }
        return InputObjectTypeExtension(name: name, directives: directives, fields: fields, location: location(from: start))
    }
}
