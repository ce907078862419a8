import Foundation
import Testing
@testable import GraphQLKit

/// The SDL rules (``specifiedSDLRules``) on their own and through buildSchema/extendSchema.
/// Their messages and order against graphql-js: the `sdl/…` cases of ValidationConformanceTests.
@Suite struct SDLValidationTests {
    @Test func reportsWithLocations() throws {
        let document = try Parser.parse("type Query { a: Strin }\ntype Query { b: Int }")
        let errors = validateSDL(document)
        #expect(errors.map(\.message) == ["Unknown type \"Strin\". Did you mean \"String\"?", "There can be only one type named \"Query\"."])
        #expect(errors[1].locations == [SourceLocation(line: 1, column: 6), SourceLocation(line: 2, column: 6)])
    }

    @Test func buildSchemaThrowsTheJoinedMessages() {
        // As graphql-js 16.6 throws it (checked with node).
        #expect(throws: GraphQLError(message: "Field \"Query.a\" can only be defined once.\n\nUnknown directive \"@nope\".")) {
            try buildSchema("type Query @nope { a: Int a: String }")
        }
    }

    @Test func extensionsAreCheckedAgainstTheExtendedSchema() throws {
        let schema = try buildSchema("type Query { a: Int } enum E { A }")
        let document = try Parser.parse("extend type Query { a: Int }\nextend enum E { A B }\nscalar Query\ndirective @skip on FIELD\nextend union Nope = Query")
        // As graphql-js 16.6's validateSDL reports them (checked with node).
        #expect(validateSDL(document, extending: schema).map(\.message) == [
            "Field \"Query.a\" already exists in the schema. It cannot also be defined in this type extension.",
            "Cannot extend non-object type \"Query\".",
            "Enum value \"E.A\" already exists in the schema. It cannot also be defined in this type extension.",
            "Type \"Query\" already exists in the schema. It cannot also be defined in this type definition.",
            "Directive \"@skip\" already exists in the schema. It cannot be redefined.",
            "Cannot extend type \"Nope\" because it is not defined.",
        ])
        #expect(throws: GraphQLError.self) { try extendSchema(schema, with: document) }
        let fine = try extendSchema(schema, with: try Parser.parse("extend type Query { b: E }"))
        #expect(fine.objectType("Query")?.fields.names == ["a", "b"])
    }

    @Test func schemaDefinitionsAndOperationTypes() throws {
        let document = try Parser.parse("schema { query: Q query: Q }\nschema { query: Q }\ntype Q { a: Int }")
        #expect(validateSDL(document).map(\.message) == [
            "There can be only one query type in schema.",
            "Must provide only one schema definition.",
            "There can be only one query type in schema.",
        ])
    }
}
