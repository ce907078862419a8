import Testing
@testable import GraphQLKit

@Suite struct SubscriptionTests {
    struct Message: GraphQLObject { let text: String; let room: String }
    struct Closed: Error, CustomStringConvertible { var description: String { "room closed" } }

    static func executable(failing: Bool = false) throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { query in query.field("ping") { _, _ in "pong" } }
        resolvers.subscription { subscription in
            subscription.subscription("messageAdded", subscribe: { (args: FieldArguments, _: Void) async throws -> AsyncThrowingStream<Message, any Error> in
                let room = try args.string("room")
                if room == "locked" { throw GraphQLError(message: "Not allowed in \(room)") }
                return AsyncThrowingStream { continuation in
                    for index in 1...3 { continuation.yield(Message(text: "hello \(index)", room: room)) }
                    if failing { continuation.finish(throwing: Closed()) } else { continuation.finish() }
                }
            }, resolve: { message, _, _ in message })
            subscription.subscription("counter", subscribe: { (_: FieldArguments, _: Void) async throws -> AsyncStream<Int> in
                AsyncStream { continuation in
                    for value in [1, 2] { continuation.yield(value) }
                    continuation.finish()
                }
            })
        }
        resolvers.type("Message", as: Message.self) { message in
            message.field("text", \.text)
            message.field("room", \.room)
        }
        return try ExecutableSchema(sdl: """
            type Query { ping: String }
            type Subscription { messageAdded(room: String!): Message! counter: Int! }
            type Message { text: String! room: String! }
            """, resolvers: resolvers)
    }

    func collect(_ query: String, variables: JSONObject = [:], failing: Bool = false) async throws -> [String] {
        switch try await Self.executable(failing: failing).subscribe(GraphQLRequest(query: query, variables: variables), context: ()) {
        case .failure(let response):
            return ["failure " + String(decoding: response.serialized(), as: UTF8.self)]
        case .stream(let responses):
            var lines: [String] = []
            do {
                for try await response in responses { lines.append(String(decoding: response.serialized(), as: UTF8.self)) }
            } catch {
                lines.append("thrown \(error)")
            }
            return lines
        }
    }

    @Test func eachEventIsExecutedAsTheRootValue() async throws {
        #expect(try await collect("subscription($r: String!) { messageAdded(room: $r) { text room } }", variables: ["r": "lobby"]) == [
            #"{"data":{"messageAdded":{"text":"hello 1","room":"lobby"}}}"#,
            #"{"data":{"messageAdded":{"text":"hello 2","room":"lobby"}}}"#,
            #"{"data":{"messageAdded":{"text":"hello 3","room":"lobby"}}}"#,
        ])
        #expect(try await collect("subscription { counter }") == [#"{"data":{"counter":1}}"#, #"{"data":{"counter":2}}"#])
    }

    @Test func theSourceStreamsErrorEndsTheResponses() async throws {
        let lines = try await collect("subscription { messageAdded(room: \"x\") { text } }", failing: true)
        #expect(lines.count == 4)
        #expect(lines.last == "thrown room closed")
    }

    @Test func failuresBeforeTheStreamStarts() async throws {
        #expect(try await collect("subscription { messageAdded(room: \"locked\") { text } }") == [
            #"failure {"errors":[{"message":"Not allowed in locked","locations":[{"line":1,"column":16}],"path":["messageAdded"]}]}"#,
        ])
        #expect(try await collect("subscription($r: String!) { messageAdded(room: $r) { text } }") == [
            #"failure {"errors":[{"message":"Variable \"$r\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":14}]}]}"#,
        ])
        #expect(try await collect("{ ping }").first?.hasPrefix("failure {\"errors\":[{\"message\":\"Expected a subscription operation") == true)
    }
}
