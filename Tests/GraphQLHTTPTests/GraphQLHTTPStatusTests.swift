import GraphQLHTTP
import GraphQLKit
import HTTPKit
import NIOHTTP1
import Testing

/// Every status case of the GraphQL-over-HTTP specification, over real sockets on 127.0.0.1,
/// on HTTP/1.1 and HTTP/2 with HTTPKit's client.
@Suite("GraphQL over HTTP: status codes and media types")
struct GraphQLHTTPStatusTests {
    static let protocols: [HTTPClientProtocol] = [.http1_1, .http2]

    @Test(arguments: protocols) func postAnswersWithTheAcceptedMediaType(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                let body = #"{"query":"query Greet($name: String) { hello(name: $name) }","variables":{"name":"Ada"},"operationName":"Greet"}"#
                let modern = try await client.exchange(server.upstream(wire), accept: graphQLResponseJSON, body: body)
                #expect(modern.status == .ok)
                #expect(modern.contentType == "application/graphql-response+json; charset=utf-8")
                #expect(modern.text == #"{"data":{"hello":"Hello, Ada!"}}"#)
                let legacy = try await client.exchange(server.upstream(wire), accept: "application/json", body: body)
                #expect(legacy.status == .ok)
                #expect(legacy.contentType == "application/json; charset=utf-8")
                #expect(legacy.text == #"{"data":{"hello":"Hello, Ada!"}}"#)
                // No Accept header: application/json, as clients older than the specification expect.
                let none = try await client.exchange(server.upstream(wire), body: body)
                #expect(none.contentType == "application/json; charset=utf-8")
                // q-values decide; a content type with a UTF-8 charset is accepted.
                let weighted = try await client.exchange(server.upstream(wire), accept: "application/json;q=0.5, application/graphql-response+json",
                                                         contentType: "application/json; charset=UTF-8", body: body)
                #expect(weighted.contentType == "application/graphql-response+json; charset=utf-8")
                #expect(weighted.status == .ok)
            }
        }
    }

    @Test(arguments: protocols) func getRunsQueriesFromTheURL(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                let query = urlEncoded("query Greet($name: String) { hello(name: $name) }")
                let variables = urlEncoded(#"{"name":"Grace"}"#)
                let response = try await client.exchange(server.upstream(wire), method: .GET,
                                                         path: "/graphql?query=\(query)&variables=\(variables)&operationName=Greet",
                                                         accept: graphQLResponseJSON)
                #expect(response.status == .ok)
                #expect(response.text == #"{"data":{"hello":"Hello, Grace!"}}"#)
                // `+` is a space in a URL query; repeated requests come from the cache with the same answer.
                for _ in 0..<3 {
                    let plus = try await client.exchange(server.upstream(wire), method: .GET, path: "/graphql?query=%7B+hello+%7D")
                    #expect(plus.status == .ok)
                    #expect(plus.text == #"{"data":{"hello":"Hello, world!"}}"#)
                }
            }
        }
    }

    @Test(arguments: protocols) func mutationsOverGETAre405AndDoNotRun(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                let refused = try await client.exchange(server.upstream(wire), method: .GET, path: "/graphql?query=\(urlEncoded("mutation { bump }"))",
                                                        accept: graphQLResponseJSON)
                #expect(refused.status == .methodNotAllowed)
                #expect(refused.headers.first(name: "allow") == "POST")
                #expect(refused.firstError == "Mutations cannot be sent with GET; use POST.")
                // operationName picks the mutation of a document that also has a query.
                let document = urlEncoded("query Q { hello } mutation M { bump }")
                let named = try await client.exchange(server.upstream(wire), method: .GET, path: "/graphql?query=\(document)&operationName=M")
                #expect(named.status == .methodNotAllowed)
                let query = try await client.exchange(server.upstream(wire), method: .GET, path: "/graphql?query=\(document)&operationName=Q")
                #expect(query.status == .ok)
                #expect(server.mutations.withLockedValue { $0 } == 0)
                let posted = try await client.exchange(server.upstream(wire), accept: graphQLResponseJSON, body: #"{"query":"mutation { bump }"}"#)
                #expect(posted.status == .ok)
                #expect(posted.text == #"{"data":{"bump":1}}"#)
                #expect(server.mutations.withLockedValue { $0 } == 1)
            }
        }
    }

    @Test(arguments: protocols) func requestErrorsAre400UnderGraphQLResponseJSONAnd200UnderJSON(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                let cases: [(body: String, message: String)] = [
                    (#"{"query":"{ hello "}"#, "Syntax Error: Expected Name, found <EOF>."),
                    (#"{"query":"{ forbidden }"}"#, "Cannot query field \"forbidden\": it is forbidden."),
                    (#"{"query":"query($v: Int!) { number(value: $v) }","variables":{"v":"seven"}}"#,
                     "Variable \"$v\" got invalid value \"seven\"; Int cannot represent non-integer value: \"seven\""),
                    (#"{"query":"query A { hello } query B { hello }"}"#, "Must provide operation name if query contains multiple operations."),
                    (#"{"query":"{ hello }","operationName":"Missing"}"#, "Unknown operation named \"Missing\"."),
                ]
                for (body, message) in cases {
                    let modern = try await client.exchange(server.upstream(wire), accept: graphQLResponseJSON, body: body)
                    #expect(modern.status == .badRequest, "\(body)")
                    #expect(modern.contentType == "application/graphql-response+json; charset=utf-8")
                    #expect(modern.firstError == message, "\(body)")
                    #expect(!modern.hasData, "\(body)")
                    let legacy = try await client.exchange(server.upstream(wire), accept: "application/json", body: body)
                    #expect(legacy.status == .ok, "\(body)")
                    #expect(legacy.firstError == message, "\(body)")
                    #expect(!legacy.hasData, "\(body)")
                }
            }
        }
    }

    @Test(arguments: protocols) func validationRulesRejectWith400UnderGraphQLResponseJSON(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                let body = #"{"query":"{ hello nope }"}"#
                let modern = try await client.exchange(server.upstream(wire), path: "/graphql-validated", accept: graphQLResponseJSON, body: body)
                #expect(modern.status == .badRequest)
                #expect(modern.firstError == "Cannot query field \"nope\" on type \"Query\".")
                #expect(!modern.hasData)
                let legacy = try await client.exchange(server.upstream(wire), path: "/graphql-validated", accept: "application/json", body: body)
                #expect(legacy.status == .ok)
                #expect(legacy.firstError == "Cannot query field \"nope\" on type \"Query\".")
                let valid = try await client.exchange(server.upstream(wire), method: .GET, path: "/graphql-validated?query=%7Bhello%7D", accept: graphQLResponseJSON)
                #expect(valid.status == .ok)
                #expect(valid.text == #"{"data":{"hello":"Hello, world!"}}"#)
            }
        }
    }

    @Test(arguments: protocols) func fieldErrorsKeepDataAndStatus200(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                for accept in [graphQLResponseJSON, "application/json"] {
                    let response = try await client.exchange(server.upstream(wire), accept: accept, body: #"{"query":"{ hello fail }"}"#)
                    #expect(response.status == .ok)
                    #expect(response.text == #"{"errors":[{"message":"fail always fails","locations":[{"line":1,"column":9}],"path":["fail"]}],"data":{"hello":"Hello, world!","fail":null}}"#)
                }
            }
        }
    }

    @Test(arguments: protocols) func malformedRequestsGet400WithAClearError(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                let bodies: [(String, String)] = [
                    ("{\"query\":", "The request body is not valid JSON"),
                    ("", "The request body is not valid JSON"),
                    ("[1,2]", "The request body must be a JSON object with a \"query\" string."),
                    (#"{"variables":{}}"#, "The request has no query: the JSON body needs a \"query\" string."),
                    (#"{"query":null}"#, "The request has no query: the JSON body needs a \"query\" string."),
                    (#"{"query":42}"#, "\"query\" must be a string."),
                    (#"{"query":"{ hello }","variables":[1]}"#, "\"variables\" must be an object or null."),
                    (#"{"query":"{ hello }","operationName":7}"#, "\"operationName\" must be a string or null."),
                    (#"{"query":"{ hello }","extensions":"x"}"#, "\"extensions\" must be an object or null."),
                ]
                for accept in [graphQLResponseJSON, "application/json"] {
                    for (body, message) in bodies {
                        let response = try await client.exchange(server.upstream(wire), accept: accept, body: body)
                        #expect(response.status == .badRequest, "\(body)")
                        #expect(response.firstError?.hasPrefix(message) == true, "\(body): \(response.text)")
                    }
                    let paths: [(String, String)] = [
                        ("/graphql", "The request has no query: send it in the \"query\" URL parameter."),
                        ("/graphql?operationName=A", "The request has no query: send it in the \"query\" URL parameter."),
                        ("/graphql?query=%7Bhello%7D&variables=%7Bnope", "The \"variables\" URL parameter is not valid JSON"),
                        ("/graphql?query=%7Bhello%7D&variables=%5B%5D", "The \"variables\" URL parameter must be a JSON object."),
                        ("/graphql?query=%7Bhello%ZZ", "The URL has a malformed percent escape."),
                    ]
                    for (path, message) in paths {
                        let response = try await client.exchange(server.upstream(wire), method: .GET, path: path, accept: accept)
                        #expect(response.status == .badRequest, "\(path)")
                        #expect(response.firstError?.hasPrefix(message) == true, "\(path): \(response.text)")
                    }
                }
                // The server still answers on the same connections.
                let after = try await client.exchange(server.upstream(wire), body: #"{"query":"{ hello }"}"#)
                #expect(after.status == .ok)
            }
        }
    }

    @Test(arguments: protocols) func unsupportedContentTypeIs415(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                for contentType in ["text/plain", "application/graphql", "application/x-www-form-urlencoded", "application/json; charset=latin1"] {
                    let response = try await client.exchange(server.upstream(wire), accept: graphQLResponseJSON, contentType: contentType,
                                                             body: #"{"query":"{ hello }"}"#)
                    #expect(response.status == .unsupportedMediaType, "\(contentType)")
                    #expect(response.firstError == "Send the request body as application/json (UTF-8).")
                }
                // No content type at all.
                let missing = try await client.exchange(server.upstream(wire), contentType: nil, body: #"{"query":"{ hello }"}"#)
                #expect(missing.status == .unsupportedMediaType)
            }
        }
    }

    @Test(arguments: protocols) func unacceptableAcceptIs406(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                for accept in ["text/html", "application/xml, text/*", "application/json;q=0", "application/json; charset=latin1"] {
                    let post = try await client.exchange(server.upstream(wire), accept: accept, body: #"{"query":"{ hello }"}"#)
                    #expect(post.status == .notAcceptable, "\(accept)")
                    #expect(post.contentType == "application/json; charset=utf-8")
                    #expect(post.firstError?.contains("Accept") == true)
                    let get = try await client.exchange(server.upstream(wire), method: .GET, path: "/graphql?query=%7Bhello%7D", accept: accept)
                    #expect(get.status == .notAcceptable, "\(accept)")
                }
            }
        }
    }

    @Test(arguments: protocols) func otherMethodsAre405WithAllow(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer { server in
            try await withClient { client in
                let put = try await client.exchange(server.upstream(wire), method: .PUT, body: #"{"query":"{ hello }"}"#)
                #expect(put.status == .methodNotAllowed)
                #expect(put.headers.first(name: "allow") == "GET, POST, HEAD")
                let get = try await client.exchange(server.upstream(wire), method: .GET, path: "/graphql-post-only?query=%7Bhello%7D")
                #expect(get.status == .methodNotAllowed)
                #expect(get.headers.first(name: "allow") == "POST")
                let post = try await client.exchange(server.upstream(wire), path: "/graphql-post-only", body: #"{"query":"{ hello }"}"#)
                #expect(post.status == .ok)
            }
        }
    }

    @Test(arguments: protocols) func asynchronousResolversRunInATask(_ wire: HTTPClientProtocol) async throws {
        try await withGraphQLServer(async: true) { server in
            try await withClient { client in
                let responses = try await withThrowingTaskGroup(of: GraphQLExchange.self) { group in
                    for _ in 0..<20 {
                        group.addTask { try await client.exchange(server.upstream(wire), accept: graphQLResponseJSON, body: #"{"query":"{ slow hello }"}"#) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(responses.count == 20)
                for response in responses {
                    #expect(response.status == .ok)
                    #expect(response.text == #"{"data":{"slow":"slow","hello":"Hello, world!"}}"#)
                }
                let parseError = try await client.exchange(server.upstream(wire), accept: graphQLResponseJSON, body: #"{"query":"{"}"#)
                #expect(parseError.status == .badRequest)
            }
        }
    }
}
