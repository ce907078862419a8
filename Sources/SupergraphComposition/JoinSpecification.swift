/// The definitions a join-spec supergraph carries (link v1.0, join v0.3 — v0.4 when a progressive
/// `@override` label is used — inaccessible v0.2, tag v0.3), as Apollo's composition prints them.
enum JoinSpecification {
    static let linkURL = "https://specs.apollo.dev/link/v1.0"
    static let joinURL = "https://specs.apollo.dev/join/v0.3"
    static let joinWithLabelsURL = "https://specs.apollo.dev/join/v0.4"
    static let inaccessibleURL = "https://specs.apollo.dev/inaccessible/v0.2"
    static let tagURL = "https://specs.apollo.dev/tag/v0.3"

    static func directiveDefinitions(overrideLabels: Bool) -> [(name: String, sdl: String)] {
        [
            ("join__enumValue", "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE"),
            ("join__field", """
                directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, \
                external: Boolean, override: String, usedOverridden: Boolean\(overrideLabels ? ", overrideLabel: String" : "")) \
                repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
                """),
            ("join__graph", "directive @join__graph(name: String!, url: String!) on ENUM_VALUE"),
            ("join__implements", "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE"),
            ("join__type", """
                directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, \
                isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
                """),
            ("join__unionMember", "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION"),
            ("link", "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA"),
        ]
    }

    static let inaccessibleDefinition = "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION"
    static let tagDefinition = "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA"

    static let typeDefinitions: [(name: String, sdl: String)] = [
        ("join__FieldSet", "scalar join__FieldSet"),
        ("link__Import", "scalar link__Import"),
        ("link__Purpose", """
            enum link__Purpose {
              \"\"\"
              `SECURITY` features provide metadata necessary to securely resolve fields.
              \"\"\"
              SECURITY

              \"\"\"
              `EXECUTION` features provide metadata necessary for operation execution.
              \"\"\"
              EXECUTION
            }
            """),
    ]
}
