// The introspection types (`__Schema`, `__Type`, …) and meta-fields (`__schema`, `__type`,
// `__typename`) of GraphQL specification section 4, with graphql-js 16's descriptions, plus
// `__Type.isOneOf` (graphql-js 17, graphql-core 3.2). How they resolve is in
// Execution/IntrospectionResolvers.swift.

/// The introspection part of every schema.
public enum Introspection {
    private static func field(_ name: String, _ type: GraphQLType, _ description: String? = nil, arguments: [GraphQLInputValue] = []) -> GraphQLField {
        GraphQLField(name: name, description: description, type: type, arguments: arguments)
    }

    private static let includeDeprecated = GraphQLInputValue(name: "includeDeprecated", type: .named("Boolean"), defaultValue: .bool(false))

    private static func nonNullList(_ name: String) -> GraphQLType { .nonNull(.list(.nonNull(.named(name)))) }

    public static let schemaType = GraphQLObjectType(
        name: "__Schema",
        description: "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
        fields: NamedList([
            field("description", .named("String")),
            field("types", nonNullList("__Type"), "A list of all types supported by this server."),
            field("queryType", .nonNull(.named("__Type")), "The type that query operations will be rooted at."),
            field("mutationType", .named("__Type"), "If this server supports mutation, the type that mutation operations will be rooted at."),
            field("subscriptionType", .named("__Type"), "If this server support subscription, the type that subscription operations will be rooted at."),
            field("directives", nonNullList("__Directive"), "A list of all directives supported by this server."),
        ]))

    public static let directiveType = GraphQLObjectType(
        name: "__Directive",
        description: "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
        fields: NamedList([
            field("name", .nonNull(.named("String"))),
            field("description", .named("String")),
            field("isRepeatable", .nonNull(.named("Boolean"))),
            field("locations", nonNullList("__DirectiveLocation")),
            field("args", nonNullList("__InputValue"), arguments: [includeDeprecated]),
        ]))

    public static let directiveLocationType = GraphQLEnumType(
        name: "__DirectiveLocation",
        description: "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
        values: NamedList([
            ("QUERY", "Location adjacent to a query operation."),
            ("MUTATION", "Location adjacent to a mutation operation."),
            ("SUBSCRIPTION", "Location adjacent to a subscription operation."),
            ("FIELD", "Location adjacent to a field."),
            ("FRAGMENT_DEFINITION", "Location adjacent to a fragment definition."),
            ("FRAGMENT_SPREAD", "Location adjacent to a fragment spread."),
            ("INLINE_FRAGMENT", "Location adjacent to an inline fragment."),
            ("VARIABLE_DEFINITION", "Location adjacent to a variable definition."),
            ("SCHEMA", "Location adjacent to a schema definition."),
            ("SCALAR", "Location adjacent to a scalar definition."),
            ("OBJECT", "Location adjacent to an object type definition."),
            ("FIELD_DEFINITION", "Location adjacent to a field definition."),
            ("ARGUMENT_DEFINITION", "Location adjacent to an argument definition."),
            ("INTERFACE", "Location adjacent to an interface definition."),
            ("UNION", "Location adjacent to a union definition."),
            ("ENUM", "Location adjacent to an enum definition."),
            ("ENUM_VALUE", "Location adjacent to an enum value definition."),
            ("INPUT_OBJECT", "Location adjacent to an input object type definition."),
            ("INPUT_FIELD_DEFINITION", "Location adjacent to an input object field definition."),
        ].map { GraphQLEnumValue(name: $0.0, description: $0.1) }))

    public static let typeType = GraphQLObjectType(
        name: "__Type",
        description: "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
        fields: NamedList([
            field("kind", .nonNull(.named("__TypeKind"))),
            field("name", .named("String")),
            field("description", .named("String")),
            field("specifiedByURL", .named("String")),
            field("fields", .list(.nonNull(.named("__Field"))), arguments: [includeDeprecated]),
            field("interfaces", .list(.nonNull(.named("__Type")))),
            field("possibleTypes", .list(.nonNull(.named("__Type")))),
            field("enumValues", .list(.nonNull(.named("__EnumValue"))), arguments: [includeDeprecated]),
            field("inputFields", .list(.nonNull(.named("__InputValue"))), arguments: [includeDeprecated]),
            field("ofType", .named("__Type")),
            field("isOneOf", .named("Boolean")),
        ]))

    public static let fieldType = GraphQLObjectType(
        name: "__Field",
        description: "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
        fields: NamedList([
            field("name", .nonNull(.named("String"))),
            field("description", .named("String")),
            field("args", nonNullList("__InputValue"), arguments: [includeDeprecated]),
            field("type", .nonNull(.named("__Type"))),
            field("isDeprecated", .nonNull(.named("Boolean"))),
            field("deprecationReason", .named("String")),
        ]))

    public static let inputValueType = GraphQLObjectType(
        name: "__InputValue",
        description: "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
        fields: NamedList([
            field("name", .nonNull(.named("String"))),
            field("description", .named("String")),
            field("type", .nonNull(.named("__Type"))),
            field("defaultValue", .named("String"), "A GraphQL-formatted string representing the default value for this input value."),
            field("isDeprecated", .nonNull(.named("Boolean"))),
            field("deprecationReason", .named("String")),
        ]))

    public static let enumValueType = GraphQLObjectType(
        name: "__EnumValue",
        description: "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
        fields: NamedList([
            field("name", .nonNull(.named("String"))),
            field("description", .named("String")),
            field("isDeprecated", .nonNull(.named("Boolean"))),
            field("deprecationReason", .named("String")),
        ]))

    public static let typeKindType = GraphQLEnumType(
        name: "__TypeKind",
        description: "An enum describing what kind of type a given `__Type` is.",
        values: NamedList([
            ("SCALAR", "Indicates this type is a scalar."),
            ("OBJECT", "Indicates this type is an object. `fields` and `interfaces` are valid fields."),
            ("INTERFACE", "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."),
            ("UNION", "Indicates this type is a union. `possibleTypes` is a valid field."),
            ("ENUM", "Indicates this type is an enum. `enumValues` is a valid field."),
            ("INPUT_OBJECT", "Indicates this type is an input object. `inputFields` is a valid field."),
            ("LIST", "Indicates this type is a list. `ofType` is a valid field."),
            ("NON_NULL", "Indicates this type is a non-null. `ofType` is a valid field."),
        ].map { GraphQLEnumValue(name: $0.0, description: $0.1) }))

    /// Every introspection type, in graphql-js's order.
    public static let types: [GraphQLNamedType] = [
        .object(schemaType), .object(directiveType), .enum(directiveLocationType), .object(typeType),
        .object(fieldType), .object(inputValueType), .object(enumValueType), .enum(typeKindType),
    ]

    /// Whether `name` is an introspection type's name.
    public static func isIntrospectionTypeName(_ name: String) -> Bool {
        switch name {
        case "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind": return true
        default: return false
        }
    }

    /// `__schema: __Schema!`, on the query type.
    public static let schemaMetaField = GraphQLField(name: "__schema", description: "Access the current type schema of this server.", type: .nonNull(.named("__Schema")))

    /// `__type(name: String!): __Type`, on the query type.
    public static let typeMetaField = GraphQLField(
        name: "__type", description: "Request the type information of a single type.", type: .named("__Type"),
        arguments: [GraphQLInputValue(name: "name", type: .nonNull(.named("String")))])

    /// `__typename: String!`, on every object, interface and union.
    public static let typenameMetaField = GraphQLField(name: "__typename", description: "The name of the current Object type at runtime.", type: .nonNull(.named("String")))
}
