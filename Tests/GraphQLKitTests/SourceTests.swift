import Testing
@testable import GraphQLKit

@Test func sourceDefaultsToTheRequestName() {
    #expect(Source(body: "{ a }").name == "GraphQL request")
}
