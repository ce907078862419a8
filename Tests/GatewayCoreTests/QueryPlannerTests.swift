import GatewayCore
import GraphQLKit
import Testing

/// Planner output for the hand-written supergraph in ``PlannerFixtures``, compared as printed plans.
@Suite struct QueryPlannerTests {
    /// Entity fetches of one subgraph in one round share one request; @requires waits for products; @provides keeps username in reviews.
    @Test func testQueryTakesSevenFetchesInFourRounds() throws {
        let text = try PlannerFixtures.planText("{ users { id username name reviews { id body product { inStock name price shippingEstimate upc weight } } } topProducts { inStock name price shippingEstimate upc weight reviews { id body author { id username name } } } }")
        #expect(text == """
        QueryPlan {
          Sequence {
            Parallel {
              Fetch(service: "accounts") {
                query{users{id username name __typename}}
              }
              Fetch(service: "products") {
                query{topProducts{name price upc weight __typename}}
              }
            }
            Parallel {
              Fetch(service: "reviews") {
                users.@ {... on User {__typename id}} =>
                topProducts.@ {... on Product {__typename upc}} =>
                query($representations:[_Any!]!){_entities(representations:$representations){...on User{reviews{id body product{upc __typename}}} ...on Product{reviews{id body author{id username __typename}}}}}
              }
              Flatten(path: "topProducts.@") {
                Fetch(service: "inventory") {
                  {... on Product {__typename upc price weight}} =>
                  query($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock shippingEstimate}}}
                }
              }
            }
            Parallel {
              Flatten(path: "users.@.reviews.@.product") {
                Fetch(service: "products") {
                  {... on Product {__typename upc}} =>
                  query($representations:[_Any!]!){_entities(representations:$representations){...on Product{price weight name}}}
                }
              }
              Flatten(path: "topProducts.@.reviews.@.author") {
                Fetch(service: "accounts") {
                  {... on User {__typename id}} =>
                  query($representations:[_Any!]!){_entities(representations:$representations){...on User{name}}}
                }
              }
            }
            Flatten(path: "users.@.reviews.@.product") {
              Fetch(service: "inventory") {
                {... on Product {__typename upc price weight}} =>
                query($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock shippingEstimate}}}
              }
            }
          }
        }
        """)
    }

    /// @skip/@include stay on the fields, their variables are declared in each subgraph operation that uses them;
    /// the key fields for a skipped entity field carry its condition, so nothing is sent to reviews when skipped.
    @Test func skipAndIncludeAreForwardedWithTheirVariables() throws {
        let text = try PlannerFixtures.planText("query Q($withName: Boolean!) { me { id name @include(if: $withName) reviews @skip(if: $withName) { body } } }")
        #expect(text == """
        QueryPlan {
          Sequence {
            Fetch(service: "accounts") {
              query Q__accounts__0($withName:Boolean!){me{id name @include(if: $withName) ... @skip(if: $withName){__typename id}}}
            }
            Flatten(path: "me") {
              Fetch(service: "reviews") {
                {... on User {__typename id}} =>
                query Q__reviews__1($representations:[_Any!]!,$withName:Boolean!){_entities(representations:$representations){...on User{reviews @skip(if: $withName){body}}}}
              }
            }
          }
        }
        """)
    }

    /// A union member's fields owned by another subgraph are fetched for that member only.
    @Test func unionMembersSpreadOverSubgraphs() throws {
        let text = try PlannerFixtures.planText("{ search(text: \"a\") { __typename ... on Product { name inStock } ... on Category { title } } }")
        #expect(text == """
        QueryPlan {
          Sequence {
            Fetch(service: "products") {
              query{search(text:"a"){__typename ...on Product{__typename name upc} ...on Category{__typename title}}}
            }
            Flatten(path: "search.@") {
              Fetch(service: "inventory") {
                {... on Product {__typename upc}} =>
                query($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock}}}
              }
            }
          }
        }
        """)
    }

    /// Fields an @interfaceObject adds are fetched with the interface name as __typename.
    @Test func interfaceObjectFieldsComeFromTheInterfaceObjectSubgraph() throws {
        let text = try PlannerFixtures.planText("{ media { __typename id title rating ... on Book { pages } } }")
        #expect(text == """
        QueryPlan {
          Sequence {
            Fetch(service: "media") {
              query{media{__typename ...on Book{__typename id title pages} ...on Movie{__typename id title}}}
            }
            Fetch(service: "reviews") {
              media.@ {... on Media {__typename id}} =>
              media.@ {... on Media {__typename id}} =>
              query($representations:[_Any!]!){_entities(representations:$representations){...on Media{rating}}}
            }
          }
        }
        """)
    }

    /// @override: the field moved to accounts, so reviews is not asked.
    @Test func overriddenFieldIsResolvedByTheNewOwner() throws {
        let text = try PlannerFixtures.planText("{ me { email } }")
        #expect(text == """
        QueryPlan {
          Fetch(service: "accounts") {
            query{me{email}}
          }
        }
        """)
    }

    /// Each mutation root field is its own step, in document order.
    @Test func mutationRootFieldsRunInOrder() throws {
        let text = try PlannerFixtures.planText("mutation { rename(name: \"x\") { id reviews { body } } addReview(upc: \"1\", body: \"b\") { id author { name } } }")
        #expect(text == """
        QueryPlan {
          Sequence {
            Sequence {
              Fetch(service: "accounts") {
                mutation{rename(name:"x"){id __typename}}
              }
              Flatten(path: "rename") {
                Fetch(service: "reviews") {
                  {... on User {__typename id}} =>
                  query($representations:[_Any!]!){_entities(representations:$representations){...on User{reviews{body}}}}
                }
              }
            }
            Sequence {
              Fetch(service: "reviews") {
                mutation{addReview(upc:"1",body:"b"){id author{__typename id}}}
              }
              Flatten(path: "addReview.author") {
                Fetch(service: "accounts") {
                  {... on User {__typename id}} =>
                  query($representations:[_Any!]!){_entities(representations:$representations){...on User{name}}}
                }
              }
            }
          }
        }
        """)
    }

    /// @provides: reviews returns author.username itself.
    @Test func providedFieldsNeedNoExtraFetch() throws {
        let text = try PlannerFixtures.planText("{ me { reviews { author { username } } } }")
        #expect(text == """
        QueryPlan {
          Sequence {
            Fetch(service: "accounts") {
              query{me{__typename id}}
            }
            Flatten(path: "me") {
              Fetch(service: "reviews") {
                {... on User {__typename id}} =>
                query($representations:[_Any!]!){_entities(representations:$representations){...on User{reviews{author{username}}}}}
              }
            }
          }
        }
        """)
    }

}
