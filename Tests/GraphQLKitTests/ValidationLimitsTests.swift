import Foundation
import Testing
@testable import GraphQLKit

/// The opt-in limits for a public endpoint, with hostile documents: alias bombs (direct and
/// through fragment fan-out), deep nesting, wide roots, directive piles, expensive lists.
@Suite struct ValidationLimitsTests {
    static let sdl = """
    directive @cost(weight: Int!) on FIELD_DEFINITION
    directive @listSize(assumedSize: Int, slicingArguments: [String!]) on FIELD_DEFINITION
    type Query {
      user(id: ID!): User
      users(first: Int, after: String): [User!]! @listSize(slicingArguments: ["first"])
      search(text: String!): [User!]! @listSize(assumedSize: 50) @cost(weight: 5)
      ping: String
    }
    type User {
      id: ID!
      name: String @cost(weight: 2)
      friends(first: Int): [User!]!
      tags: [String!]!
      self: User
    }
    """
    static let schema = try! buildSchema(sdl)

    static func messages(_ query: String, _ limits: ValidationLimits) async throws -> [String] {
        let document = try Parser.parse(query)
        return await onSmallStack { validate(schema: schema, document: document, rules: specifiedRules + limits.rules).map(\.message) }
    }

    @Test func validDocumentsWithinLimitsPass() async throws {
        let limits = ValidationLimits(maxDepth: 3, maxAliases: 2, maxRootFields: 3, maxDirectivesPerField: 1, maxCost: 100)
        #expect(try await Self.messages("{ a: user(id: 1) { id name } b: ping users(first: 2) { name @include(if: true) } }", limits) == [])
    }

    @Test func depth() async throws {
        let nested = String(repeating: "self { ", count: 100) + "id" + String(repeating: " }", count: 100)
        #expect(try await Self.messages("query Deep { user(id: 1) { \(nested) } }", ValidationLimits(maxDepth: 10))
                == ["Operation \"Deep\" is 102 fields deep, more than the allowed maximum depth of 10."])
        // Depth through fragments.
        let query = "{ user(id: 1) { ...A } }\nfragment A on User { self { ...B } }\nfragment B on User { self { self { id } } }"
        #expect(try await Self.messages(query, ValidationLimits(maxDepth: 4)) == ["The anonymous operation is 5 fields deep, more than the allowed maximum depth of 4."])
        #expect(try await Self.messages(query, ValidationLimits(maxDepth: 5)) == [])
    }

    @Test func aliasBomb() async throws {
        let aliases = (0..<10_000).map { "a\($0): ping" }.joined(separator: " ")
        #expect(try await Self.messages("{ \(aliases) }", ValidationLimits(maxAliases: 100))
                == ["The anonymous operation uses 10000 aliases, more than the allowed maximum of 100."])
    }

    @Test func aliasBombThroughFragmentFanOut() async throws {
        // F0 spreads F1 ten times (under distinct aliases of one field), …: 10^12 aliases.
        var fragments: [String] = []
        for level in 0..<12 {
            let spreads = (0..<10).map { "s\($0): self { ...F\(level + 1) }" }.joined(separator: " ")
            fragments.append("fragment F\(level) on User { \(spreads) }")
        }
        fragments.append("fragment F12 on User { id }")
        let query = "query Bomb { user(id: 1) { ...F0 } }\n" + fragments.joined(separator: "\n")
        let messages = try await Self.messages(query, ValidationLimits(maxAliases: 1000))
        #expect(messages == ["Operation \"Bomb\" uses 1111111111110 aliases, more than the allowed maximum of 1000."])
    }

    @Test func rootFields() async throws {
        let query = "{ ping ...R ... on Query { p2: ping } }\nfragment R on Query { p3: ping p4: ping }"
        #expect(try await Self.messages(query, ValidationLimits(maxRootFields: 3)) == ["The anonymous operation selects 4 root fields, more than the allowed maximum of 3."])
        #expect(try await Self.messages(query, ValidationLimits(maxRootFields: 4)) == [])
    }

    @Test func directivesPerField() async throws {
        let directives = String(repeating: " @include(if: true)", count: 50)
        let messages = try await Self.messages("{ ping\(directives) }", ValidationLimits(maxDirectivesPerField: 3))
        // The specified rules run first (@include is not repeatable: 49 errors), then the limit.
        #expect(messages.count == 50)
        #expect(messages.last == "Field \"ping\" has 50 directives, more than the allowed maximum of 3 per field.")
        #expect(messages.dropLast().allSatisfy { $0 == "The directive \"@include\" can only be used once at this location." })
    }

    @Test func costWithWeightsAndListSizes() async throws {
        let limits = ValidationLimits(maxCost: 100)
        // users(first: 20): weight 1 + 20 × (name 2 + id 0) = 41.
        #expect(try await Self.messages("{ users(first: 20) { id name } }", limits) == [])
        // search: weight 5 + assumedSize 50 × name 2 = 105.
        #expect(try await Self.messages("query S { search(text: \"x\") { name } }", limits)
                == ["Operation \"S\" costs 105, more than the allowed maximum cost of 100."])
        // Nested lists multiply: 1 + 10 × (1 + 10 × (1 + 10 × 2)) = 2111 (default list size 10 for friends without first).
        #expect(try await Self.messages("{ users(first: 10) { friends { friends { name } } } }", limits)
                == ["The anonymous operation costs 2111, more than the allowed maximum cost of 100."])
        // A slicing argument given by a variable counts with the variable's default.
        #expect(try await Self.messages("query V($n: Int = 40) { users(first: $n) { name } }", limits) == [])
        #expect(try await Self.messages("query V($n: Int = 60) { users(first: $n) { name } }", limits)
                == ["Operation \"V\" costs 121, more than the allowed maximum cost of 100."])
    }

    @Test func costThroughFragmentFanOutSaturates() async throws {
        var fragments: [String] = []
        for level in 0..<30 {
            fragments.append("fragment G\(level) on User { friends(first: 1000) { ...G\(level + 1) } }")
        }
        fragments.append("fragment G30 on User { name }")
        let messages = try await Self.messages("{ users(first: 1000) { ...G0 } }\n" + fragments.joined(separator: "\n"), ValidationLimits(maxCost: 1_000_000))
        #expect(messages == ["The anonymous operation costs more than \(Int.max / 4), more than the allowed maximum cost of 1000000."])
    }

    @Test func configuredWeightsAndDefaults() async throws {
        let model = CostModel(defaultCompositeWeight: 3, defaultLeafWeight: 1, defaultListSize: 2, weights: ["Query.ping": 40])
        let limits = ValidationLimits(maxCost: 50, costModel: model)
        // ping 40 + user 3 + id 1 + name 2 (@cost wins) = 46.
        #expect(try await Self.messages("{ ping user(id: 1) { id name } }", limits) == [])
        // + tags: leaf list, weight 1 → 47; + friends: 3 + 2 × 1 = 5 → 52.
        #expect(try await Self.messages("{ ping user(id: 1) { id name tags friends { id } } }", limits)
                == ["The anonymous operation costs 52, more than the allowed maximum cost of 50."])
    }
}
