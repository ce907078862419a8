import HTTPKit

extension HTTPRouter {
    /// Mounts a GraphQL endpoint (``GraphQLHTTPResponder``) on `path` for `GET` and `POST`
    /// (`HEAD` follows `GET`; `POST` only when ``GraphQLHTTPConfiguration/allowsGET`` is false).
    ///
    /// ```swift
    /// var router = HTTPRouter()
    /// router.addGraphQL(path: "/graphql", executor: ExecutableSchemaHTTPExecutor(schema: executable))
    /// HealthEndpoints.install(into: &router, readiness: readiness)
    /// ```
    public mutating func addGraphQL<Executor: GraphQLHTTPExecutor>(
        path: String = "/graphql",
        executor: Executor,
        configuration: GraphQLHTTPConfiguration = GraphQLHTTPConfiguration()
    ) {
        let responder = GraphQLHTTPResponder(executor: executor, configuration: configuration)
        add(path, methods: configuration.allowsGET ? [.GET, .POST] : [.POST], responder: responder)
    }
}
