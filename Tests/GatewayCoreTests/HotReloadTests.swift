import GatewayCore
import GraphQLKit
import HTTPKit
import Logging
import Testing

/// Polling mode: the gateway polls `_service { sdl }` of real federation subgraphs, composes
/// them with SupergraphComposition, and swaps or keeps the supergraph.
@Suite(.serialized) struct HotReloadTests {
    static let users: [JSONValue] = [["id": "1", "name": "Ada"], ["id": "2", "name": "Alan"]]

    static func usersSubgraph() throws -> ExecutableSchema<Void> {
        var resolvers = Resolvers<Void>()
        resolvers.query { root in root.field("users") { (_: FieldArguments, _: Void) -> JSONValue in .array(users) } }
        var entities = EntityResolvers<Void>()
        entities.entity("User") { representations, _ in
            representations.map { representation in users.first { $0["id"] == representation["id"] } ?? .null }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Query { users: [User] }
            type User @key(fields: "id") { id: ID! name: String }
            """, resolvers: resolvers, entities: entities)
    }

    /// The posts subgraph; `withLikes` adds `Post.likes`, `conflicting` redefines `User.name`
    /// without @shareable (a composition error).
    static func postsSubgraph(withLikes: Bool = false, conflicting: Bool = false) throws -> ExecutableSchema<Void> {
        var entities = EntityResolvers<Void>()
        entities.entity("User") { representations, _ in
            representations.map { representation -> JSONValue in
                ["id": representation["id"] ?? .null, "name": "other",
                 "posts": [["title": .string("Post by \(representation["id"]?.stringValue ?? "")"), "likes": 7]]]
            }
        }
        return try ExecutableSchema<Void>.subgraph(sdl: """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type User @key(fields: "id") { id: ID! posts: [Post] \(conflicting ? "name: String" : "") }
            type Post { title: String \(withLikes ? "likes: Int" : "") }
            """, entities: entities)
    }

    @Test func schemaChangesAndCompositionFailures() async throws {
        let users = SwappableSubgraph(name: "users", schema: try Self.usersSubgraph())
        let posts = SwappableSubgraph(name: "posts", schema: try Self.postsSubgraph())
        try await users.server.start()
        try await posts.server.start()
        var logger = Logger(label: "hot-reload-test")
        logger.logLevel = .critical
        let client = HTTPClient.forGatewayTests(logger: logger)
        let transport = HTTPSubgraphTransport(client: client, requestTimeout: .seconds(60))
        let source = SubgraphPollingSource(subgraphs: [SubgraphConfiguration(name: "users", url: users.url),
                                                       SubgraphConfiguration(name: "posts", url: posts.url)], transport: transport)
        let runtime = GatewayRuntime(source: source, transport: transport, logger: logger)
        func run(_ query: String) async throws -> JSONValue {
            try JSONValue.parse(utf8: await runtime.execute(GatewayRequest(query: query)).serialized())
        }

        #expect(await runtime.reload())
        #expect(try await run("{ users { name posts { title } } }") == ["data": ["users": [
            ["name": "Ada", "posts": [["title": "Post by 1"]]], ["name": "Alan", "posts": [["title": "Post by 2"]]]]]])
        #expect(try await run("{ users { posts { likes } } }")["errors"]?[0]?["message"] == "Cannot query field \"likes\" on type \"Post\".")

        // A new field in a subgraph is picked up by the next poll, without restarting anything.
        posts.replace(with: try Self.postsSubgraph(withLikes: true))
        let reloader = Task { try await SupergraphReloader(runtime: runtime, interval: .milliseconds(20)).run() }
        #expect(await eventually { runtime.status.loads == 2 })
        reloader.cancel()
        #expect(try await run("{ users { posts { likes } } }") == ["data": ["users": [["posts": [["likes": 7]]], ["posts": [["likes": 7]]]]]])

        // A change that does not compose is reported and the last good supergraph keeps serving.
        posts.replace(with: try Self.postsSubgraph(withLikes: true, conflicting: true))
        #expect(await runtime.reload() == false)
        #expect(runtime.status.lastError?.contains("INVALID_FIELD_SHARING") == true)
        #expect(try await run("{ users { name posts { likes } } }") == ["data": ["users": [
            ["name": "Ada", "posts": [["likes": 7]]], ["name": "Alan", "posts": [["likes": 7]]]]]])

        // An unreachable subgraph is a failed reload too; fixing the schema recovers.
        posts.replace(with: try Self.postsSubgraph(withLikes: true))
        #expect(await runtime.reload())
        #expect(runtime.status.lastError == nil)
        await posts.server.shutdown()
        #expect(await runtime.reload() == false)
        #expect(runtime.status.hasSupergraph)

        await users.server.shutdown()
        await client.shutdown()
    }
}
