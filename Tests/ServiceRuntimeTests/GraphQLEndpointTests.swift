import GraphQLKit
import HTTPKit
import NIOCore
import NIOHTTP1
import Testing
@testable import ServiceRuntime

@Suite struct GraphQLEndpointTests {
    func request(_ method: HTTPMethod, query: String? = nil, body: String = "") -> HTTPRequest {
        HTTPRequest(method: method, uri: "/graphql" + (query.map { "?" + $0 } ?? ""), headers: HTTPHeaders(), body: ByteBuffer(string: body))
    }

    @Test func parsesPostAndGet() throws {
        let post = try GraphQLEndpoint<Int>.parse(request(.POST, body: #"{"query":"{ a }","operationName":"Q","variables":{"x":1}}"#))
        #expect(post.query == "{ a }")
        #expect(post.operationName == "Q")
        #expect(post.variables["x"] == .int(1))
        let get = try GraphQLEndpoint<Int>.parse(request(.GET, query: "query=%7B%20a%20%7D&variables=%7B%22y%22%3A2%7D"))
        #expect(get.query == "{ a }")
        #expect(get.variables["y"] == .int(2))
    }

    @Test func rejectsMalformedRequests() {
        for body in ["", "[]", #"{"query":1}"#, #"{"query":"{a}","variables":[]}"#, #"{"query":"{a}","operationName":3}"#] {
            #expect(throws: GraphQLEndpoint<Int>.BadRequest.self) { try GraphQLEndpoint<Int>.parse(request(.POST, body: body)) }
        }
    }

    @Test func subgraphServesServiceAndBatchedEntities() async throws {
        let calls = Counter()
        var entities = SubgraphEntities<Int>()
        entities.resolve("Thing") { representations, _ in
            await calls.increment()
            return representations.map { .json(.object(["id": $0["id"] ?? .null, "__typename": "Thing"])) }
        }
        var resolvers = Resolvers<Int>()
        resolvers.query { $0.field("hello") { _, _ in "hi" } }
        let schema = try SubgraphSchema.build(sdl: #"type Query { hello: String } type Thing @key(fields: "id") { id: ID! }"#,
                                              resolvers: resolvers, entities: entities)
        let response = await schema.execute(GraphQLRequest(query: """
            { _entities(representations: [{__typename: "Thing", id: "1"}, {__typename: "Thing", id: "2"}, {__typename: "Nope", id: "3"}]) { ... on Thing { id } } }
            """), context: 0)
        #expect(String(decoding: response.serialized(), as: UTF8.self).contains(#""_entities":[{"id":"1"},{"id":"2"},null]"#))
        #expect(response.errors.count == 1)
        #expect(await calls.value == 1)
    }
}

actor Counter {
    var value = 0
    func increment() { value += 1 }
}
