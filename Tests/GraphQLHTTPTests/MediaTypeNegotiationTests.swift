import GraphQLHTTP
import Testing

/// `Accept` negotiation: which of the two response types (or none) a header value selects.
@Suite("GraphQL over HTTP: Accept negotiation")
struct MediaTypeNegotiationTests {
    @Test func choosesBySpecificityAndQuality() {
        let cases: [(String?, GraphQLMediaType?)] = [
            (nil, .json),
            ("", .json),
            ("*/*", .json),
            ("application/*", .json),
            ("application/json", .json),
            ("application/graphql-response+json", .graphQLResponseJSON),
            ("application/graphql-response+json, application/json", .graphQLResponseJSON),
            ("application/json, application/graphql-response+json", .json),
            ("application/json;q=0.9, application/graphql-response+json", .graphQLResponseJSON),
            ("*/*, application/graphql-response+json", .graphQLResponseJSON),
            ("Application/GraphQL-Response+JSON; charset=utf-8", .graphQLResponseJSON),
            ("application/graphql-response+json; charset=latin1, application/json", .json),
            ("text/html", nil),
            ("application/json;q=0", nil),
            ("text/html, image/*;q=0.8", nil),
        ]
        for (accept, expected) in cases {
            #expect(GraphQLMediaType.negotiate(accept: accept) == expected, "\(accept ?? "nil")")
        }
    }
}
