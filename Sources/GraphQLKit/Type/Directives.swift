/// A directive definition: a name, the locations it may appear at, its arguments, and whether
/// it may repeat at one location.
///
/// The built-in directives are ``include``, ``skip``, ``deprecated``, ``specifiedBy`` and
/// ``oneOf``; a schema built from SDL has them unless the SDL redefines one.
public struct GraphQLDirective: NamedDefinition {
    public var name: String
    public var description: String?
    public var locations: [DirectiveLocation]
    public var arguments: [GraphQLInputValue]
    public var isRepeatable: Bool
    public var astNode: DirectiveDefinition?
    /// The SDL document `astNode` is in.
    public var source: Source?

    public init(name: String, description: String? = nil, locations: [DirectiveLocation], arguments: [GraphQLInputValue] = [],
                isRepeatable: Bool = false, astNode: DirectiveDefinition? = nil, source: Source? = nil) {
        self.name = name
        self.description = description
        self.locations = locations
        self.arguments = arguments
        self.isRepeatable = isRepeatable
        self.astNode = astNode
        self.source = source
    }

    /// The argument named `name`.
    public func argument(_ name: String) -> GraphQLInputValue? {
        arguments.first { $0.name == name }
    }

    /// `@include(if: Boolean!)`.
    public static let include = GraphQLDirective(
        name: "include",
        description: "Directs the executor to include this field or fragment only when the `if` argument is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [GraphQLInputValue(name: "if", description: "Included when true.", type: .nonNull(.named("Boolean")))])

    /// `@skip(if: Boolean!)`.
    public static let skip = GraphQLDirective(
        name: "skip",
        description: "Directs the executor to skip this field or fragment when the `if` argument is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [GraphQLInputValue(name: "if", description: "Skipped when true.", type: .nonNull(.named("Boolean")))])

    /// The reason `@deprecated` gives when none is written.
    public static let defaultDeprecationReason = "No longer supported"

    /// `@deprecated(reason: String = "No longer supported")`.
    public static let deprecated = GraphQLDirective(
        name: "deprecated",
        description: "Marks an element of a GraphQL schema as no longer supported.",
        locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue],
        arguments: [GraphQLInputValue(
            name: "reason",
            description: "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            type: .named("String"),
            defaultValue: .string(defaultDeprecationReason))])

    /// `@specifiedBy(url: String!)`.
    public static let specifiedBy = GraphQLDirective(
        name: "specifiedBy",
        description: "Exposes a URL that specifies the behavior of this scalar.",
        locations: [.scalar],
        arguments: [GraphQLInputValue(name: "url", description: "The URL that specifies the behavior of this scalar.", type: .nonNull(.named("String")))])

    /// `@oneOf` on input objects (not in graphql-js 16.6; as in graphql-js 17 and graphql-core 3.2.8).
    public static let oneOf = GraphQLDirective(
        name: "oneOf",
        description: "Indicates an Input Object is a OneOf Input Object.",
        locations: [.inputObject])

    /// The built-in directives, in the order introspection lists them.
    public static let specified: [GraphQLDirective] = [include, skip, deprecated, specifiedBy, oneOf]

    /// Whether `name` is a built-in directive's name.
    public static func isSpecified(_ name: String) -> Bool {
        specified.contains { $0.name == name }
    }
}
