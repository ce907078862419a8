import GraphQLHTTP
import GraphQLKit

/// The gateway behind GraphQLHTTP's endpoint: every request goes to the runtime's current
/// engine (which caches plans per query and operation name, so `prepare` keeps only the text —
/// a hot reload must not be pinned to an old plan).
///
/// ```swift
/// router.addGraphQL(path: "/graphql", executor: GatewayHTTPExecutor(runtime: runtime))
/// ```
public struct GatewayHTTPExecutor: GraphQLHTTPExecutor {
    public let runtime: GatewayRuntime
    /// Verifies bearer tokens before planning; nil = tokens are only forwarded.
    public let tokenCheck: GatewayTokenCheck?

    public init(runtime: GatewayRuntime, tokenCheck: GatewayTokenCheck? = nil) {
        self.runtime = runtime
        self.tokenCheck = tokenCheck
    }

    public func prepare(query: String) -> String {
        query
    }

    public func execute(_ request: GraphQLHTTPRequest, prepared query: String) -> GraphQLHTTPExecution {
        if let tokenCheck, let authorization = request.headers.first(name: "authorization") {
            return .async {
                if let error = await tokenCheck.rejection(authorization: authorization) {
                    return .response(GraphQLResponse(data: nil, errors: [error]))
                }
                switch self.executeVerified(request, prepared: query) {
                case .ready(let result): return result
                case .async(let run): return await run()
                }
            }
        }
        return executeVerified(request, prepared: query)
    }

    private func executeVerified(_ request: GraphQLHTTPRequest, prepared query: String) -> GraphQLHTTPExecution {
        if request.isSafeMethod, let engine = runtime.engine,
           case .success(let plan) = engine.plan(query: query, operationName: request.operationName),
           plan.operation.operation == .mutation {
            return .ready(.mutationNotAllowedOverGET)
        }
        var headers: [(name: String, value: String)] = []
        for header in request.headers {
            let name = header.name.lowercased()
            if GatewayEngine.forwardedHeaderNames.contains(name) || name == GatewayEngine.queryPlanHeader {
                headers.append((name, header.value))
            }
        }
        let gatewayRequest = GatewayRequest(query: query, operationName: request.operationName, variables: request.variables, headers: headers)
        let runtime = self.runtime
        return .async { .response(await runtime.execute(gatewayRequest)) }
    }
}
