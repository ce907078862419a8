import GraphQLHTTP
import GraphQLKit
import HTTPKit

/// The GraphQL side of the comparison: a GraphQLKit schema with synchronous resolvers served by
/// GraphQLHTTP on `/graphql` (load tools send `GET /graphql?query=%7B__typename%7D`, whose answer
/// is the same bytes the static servers send).
enum GraphQLBenchmarkRoutes {
    static func router() throws -> HTTPRouter {
        var resolvers = Resolvers<Void>()
        resolvers.query { query in
            query.field("hello") { _, _ in "world" }
        }
        let executable = try ExecutableSchema(sdl: "type Query { hello: String! }", resolvers: resolvers)
        var router = HTTPRouter()
        router.addGraphQL(path: "/graphql", executor: ExecutableSchemaHTTPExecutor(schema: executable))
        return router
    }
}
