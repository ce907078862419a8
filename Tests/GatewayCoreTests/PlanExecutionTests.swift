import GatewayCore
import GraphQLKit
import Testing

/// Plans executed against fixture subgraphs over real HTTP/2 sockets on 127.0.0.1.
@Suite(.serialized) struct PlanExecutionTests {
    @Test func entitiesAreJoinedByKeyAcrossSubgraphs() async throws {
        try await GatewayHarness.withHarness { harness in
            let (response, statistics) = try await harness.run("{ users { name reviews { body product { name } } } }")
            #expect(response == [
                "data": ["users": [
                    ["name": "Ada Lovelace", "reviews": [["body": "Love it!", "product": ["name": "Table"]],
                                                       ["body": "Too expensive.", "product": ["name": "Couch"]]]],
                    ["name": "Alan Turing", "reviews": [["body": "Could be better.", "product": ["name": "Chair"]],
                                                      ["body": "Prefer something else.", "product": ["name": "Table"]]]],
                ]],
            ])
            #expect(statistics.subgraphCalls == 3)
            #expect(statistics.rounds == 3)
        }
    }

    @Test func oneEntitiesCallPerSubgraphPerRoundWithDuplicatesSentOnce() async throws {
        try await GatewayHarness.withHarness { harness in
            let (response, _) = try await harness.run("{ users { reviews { product { name } } } topProducts { reviews { author { name } } } }")
            #expect(response["errors"] == nil)
            let reviewsCalls = harness.subgraphs.reviews.requests
            #expect(reviewsCalls.count == 1)
            // Product 1 is reviewed twice: its representation goes to products once.
            let productCalls = harness.subgraphs.products.requests.filter { $0.query.contains("_entities") }
            #expect(productCalls.count == 1)
            #expect(productCalls.first?.representations.count == 3)
            let accountCalls = harness.subgraphs.accounts.requests.filter { $0.query.contains("_entities") }
            #expect(accountCalls.first?.representations.count == 2)
        }
    }

    @Test func requiresFieldsAreSentInRepresentations() async throws {
        try await GatewayHarness.withHarness { harness in
            let (response, _) = try await harness.run("{ topProducts(first: 2) { upc shippingEstimate } }")
            #expect(response == ["data": ["topProducts": [["upc": "1", "shippingEstimate": 50], ["upc": "2", "shippingEstimate": 0]]]])
            let representations = harness.subgraphs.inventory.requests.first?.representations ?? []
            #expect(representations == [["__typename": "Product", "upc": "1", "price": 899, "weight": 100],
                                        ["__typename": "Product", "upc": "2", "price": 1299, "weight": 1000]])
        }
    }

    @Test func providedFieldsSkipTheOwningSubgraph() async throws {
        try await GatewayHarness.withHarness { harness in
            let (response, statistics) = try await harness.run("{ topProducts(first: 1) { reviews { author { username } } } }")
            #expect(response == ["data": ["topProducts": [["reviews": [["author": ["username": "@ada"]], ["author": ["username": "@alan"]]]]]]])
            #expect(statistics.subgraphCalls == 2)
            #expect(harness.subgraphs.accounts.requests.isEmpty)
        }
    }

    @Test func subgraphErrorsArePathedToTheClientResponse() async throws {
        try await GatewayHarness.withHarness { harness in
            let (response, _) = try await harness.run("{ topProducts(first: 3) { upc inStock } }")
            #expect(response["data"] == ["topProducts": [["upc": "1", "inStock": true], ["upc": "2", "inStock": nil], ["upc": "3", "inStock": false]]])
            let error = response["errors"]?[0]
            #expect(error?["message"] == "stock service unavailable for 2")
            #expect(error?["path"] == ["topProducts", 1, "inStock"])
            #expect(error?["extensions"]?["service"] == "inventory")
        }
    }

    @Test func unionsInterfacesAndInterfaceObjects() async throws {
        try await GatewayHarness.withHarness { harness in
            let (search, _) = try await harness.run("{ search(text: \"t\") { __typename ... on Product { name inStock } ... on Category { title } } }")
            #expect(search == ["data": ["search": [["__typename": "Product", "name": "Table", "inStock": true],
                                                  ["__typename": "Category", "title": "Furniture"]]]])
            let (media, _) = try await harness.run("{ media { __typename title rating ... on Book { pages } ... on Movie { minutes } } }")
            #expect(media == ["data": ["media": [["__typename": "Book", "title": "Dune", "rating": 5, "pages": 412],
                                                ["__typename": "Movie", "title": "Alien", "rating": 3, "minutes": 117]]]])
            let representations = harness.subgraphs.reviews.requests.last?.representations ?? []
            #expect(representations == [["__typename": "Media", "id": "b1"], ["__typename": "Media", "id": "m1"]])
        }
    }

    @Test func overrideTypenameAndSkipInclude() async throws {
        try await GatewayHarness.withHarness { harness in
            let (email, _) = try await harness.run("{ __typename me { __typename email } }")
            #expect(email == ["data": ["__typename": "Query", "me": ["__typename": "User", "email": "ada@example.com"]]])
            #expect(harness.subgraphs.reviews.requests.isEmpty)
            let query = "query Q($full: Boolean!) { me { name reviews @include(if: $full) { body } } }"
            let (skipped, skippedStatistics) = try await harness.run(query, variables: ["full": false])
            #expect(skipped == ["data": ["me": ["name": "Ada Lovelace"]]])
            #expect(harness.subgraphs.reviews.requests.isEmpty)
            #expect(skippedStatistics.subgraphCalls == 1)
            let (included, _) = try await harness.run(query, variables: ["full": true])
            #expect(included == ["data": ["me": ["name": "Ada Lovelace", "reviews": [["body": "Love it!"], ["body": "Too expensive."]]]]])
        }
    }

    @Test func mutationsRunRootFieldByRootFieldInOrder() async throws {
        try await GatewayHarness.withHarness { harness in
            let (response, statistics) = try await harness.run("""
                mutation { first: rename(name: "Ada") { name } review: addReview(upc: "3", body: "ok") { body product { name } } }
                """)
            #expect(response == ["data": ["first": ["name": "Ada"], "review": ["body": "ok", "product": ["name": "Chair"]]]])
            #expect(statistics.rounds == 3)
        }
    }

    @Test func authorizationAndTraceHeadersAreForwarded() async throws {
        try await GatewayHarness.withHarness { harness in
            _ = try await harness.run("{ me { name reviews { body } } }", headers: [
                (name: "Authorization", value: "Bearer t0k3n"), (name: "traceparent", value: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                (name: "cookie", value: "not-forwarded"),
            ])
            for request in harness.subgraphs.accounts.requests + harness.subgraphs.reviews.requests {
                #expect(request.headers["authorization"] == "Bearer t0k3n")
                #expect(request.headers["traceparent"] == "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                #expect(request.headers["cookie"] == nil)
            }
            #expect(harness.subgraphs.reviews.requests.count == 1)
        }
    }

    @Test func introspectionIsAnsweredFromTheAPISchema() async throws {
        try await GatewayHarness.withHarness { harness in
            let (response, statistics) = try await harness.run("{ __type(name: \"Query\") { fields { name } } }")
            let names = response["data"]?["__type"]?["fields"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names == ["me", "users", "topProducts", "search", "media"])
            #expect(statistics.subgraphCalls == 0)
        }
    }

    @Test func queryPlanIsReturnedWhenAsked() async throws {
        try await GatewayHarness.withHarness { harness in
            let (response, _) = try await harness.run("{ me { name } }", headers: [(name: GatewayEngine.queryPlanHeader, value: "true")])
            #expect(response["extensions"]?["queryPlan"]?.stringValue?.contains("Fetch(service: \"accounts\")") == true)
            let (plain, _) = try await harness.run("{ me { name } }")
            #expect(plain["extensions"] == nil)
            #expect(harness.engine.cachedPlanCount == 1)
        }
    }

    @Test func aStoppedSubgraphGivesPartialResults() async throws {
        try await GatewayHarness.withHarness { harness in
            await harness.subgraphs.reviews.stop()
            let (response, _) = try await harness.run("{ me { name reviews { body } } }")
            #expect(response["data"] == ["me": ["name": "Ada Lovelace", "reviews": nil]])
            #expect(response["errors"]?[0]?["extensions"]?["service"] == "reviews")
            #expect(response["errors"]?[0]?["message"]?.stringValue?.contains("Subgraph \"reviews\" failed") == true)
            // Non-null propagation: search is [SearchResult!]! so a failed products nulls data.
            await harness.subgraphs.products.stop()
            let (search, _) = try await harness.run("{ search(text: \"x\") { __typename } }")
            #expect(search["data"] == .null)
            #expect(search["errors"]?[0]?["extensions"]?["service"] == "products")
        }
    }

    @Test func aHungSubgraphTimesOutWithAnErrorNamingIt() async throws {
        try await GatewayHarness.withHarness(subgraphTimeout: .milliseconds(300)) { harness in
            harness.subgraphs.inventory.hold()
            let (response, _) = try await harness.run("{ topProducts(first: 1) { name inStock } }")
            harness.subgraphs.inventory.release()
            #expect(response["data"] == ["topProducts": [["name": "Table", "inStock": nil]]])
            #expect(response["errors"]?[0]?["extensions"]?["service"] == "inventory")
            #expect(response["errors"]?[0]?["message"]?.stringValue?.contains("Subgraph \"inventory\" failed") == true)
        }
    }
}
