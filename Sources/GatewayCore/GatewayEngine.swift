import GraphQLKit

/// One client request to the gateway.
public struct GatewayRequest: Sendable {
    public var query: String
    public var operationName: String?
    public var variables: JSONObject
    /// The client's request headers (names lower-cased); `authorization`, `traceparent` and
    /// `tracestate` are forwarded, `x-gateway-query-plan: true` asks for the plan.
    public var headers: [(name: String, value: String)]

    public init(query: String, operationName: String? = nil, variables: JSONObject = JSONObject(), headers: [(name: String, value: String)] = []) {
        self.query = query
        self.operationName = operationName
        self.variables = variables
        self.headers = headers
    }
}

/// Answers client operations for one supergraph: plans (cached), executes the plan over the
/// subgraphs, answers introspection from the API schema and shapes the response.
///
/// ```swift
/// let engine = try GatewayEngine(supergraph: Supergraph(sdl: text), transport: HTTPSubgraphTransport(client: client))
/// let response = await engine.execute(GatewayRequest(query: "{ me { name } }"))
/// ```
public final class GatewayEngine: Sendable {
    /// Headers copied from the client request to every subgraph request.
    public static let forwardedHeaderNames: Set<String> = ["authorization", "traceparent", "tracestate"]
    /// The request header that asks for the query plan in `extensions.queryPlan`.
    public static let queryPlanHeader = "x-gateway-query-plan"

    public let supergraph: Supergraph
    public let planner: QueryPlanner
    public let executor: PlanExecutor
    /// Decides which progressive-override labels are active per request.
    public let overrideLabels: OverrideLabelPolicy
    private let introspection: ExecutableSchema<Void>
    private let cache: QueryPlanCache

    public init(supergraph: Supergraph, transport: any SubgraphTransport, planCacheSize: Int = 1000,
                overrideLabels: OverrideLabelPolicy = OverrideLabelPolicy()) throws(GraphQLError) {
        self.supergraph = supergraph
        self.overrideLabels = overrideLabels
        self.planner = QueryPlanner(supergraph: supergraph)
        self.executor = PlanExecutor(supergraph: supergraph, transport: transport)
        self.introspection = try ExecutableSchema<Void>(schema: supergraph.apiSchema)
        self.cache = QueryPlanCache(capacity: planCacheSize)
    }

    /// The plan for an operation under the progressive-override `labels` (from the cache when
    /// planned before).
    public func plan(query: String, operationName: String?, labels: ActiveOverrideLabels = .none) -> Result<QueryPlan, QueryPlanningFailure> {
        cache.plan(query: query, operationName: operationName, labels: labels, planner: planner)
    }

    /// Number of cached plans.
    public var cachedPlanCount: Int { cache.count }

    /// Executes a client request; the statistics say how many subgraph calls and rounds it took.
    public func execute(_ request: GatewayRequest) async -> (response: GraphQLResponse, statistics: ExecutionStatistics) {
        let plan: QueryPlan
        let labels = supergraph.overrideLabels.isEmpty ? ActiveOverrideLabels.none : overrideLabels.activeLabels(in: supergraph)
        switch self.plan(query: request.query, operationName: request.operationName, labels: labels) {
        case .success(let planned): plan = planned
        case .failure(let failure): return (GraphQLResponse(data: nil, errors: failure.errors), ExecutionStatistics())
        }
        var variables = request.variables
        for definition in plan.operation.variableDefinitions where variables[definition.variable.name.value] == nil {
            if let defaultValue = definition.defaultValue, let json = jsonValue(defaultValue) {
                variables[definition.variable.name.value] = json
            }
        }
        var forwarded: [(name: String, value: String)] = []
        var wantsPlan = false
        for header in request.headers {
            let name = header.name.lowercased()
            if Self.forwardedHeaderNames.contains(name) { forwarded.append((name, header.value)) }
            if name == Self.queryPlanHeader, header.value.lowercased() == "true" { wantsPlan = true }
        }
        let context = ExecutionRequestContext(variables: variables, forwardedHeaders: forwarded)
        var (data, errors, statistics) = await executor.execute(plan.node, context: context)
        if plan.hasIntrospection {
            let result = await answerIntrospection(plan, variables: variables)
            data.deepMerge(result.data)
            errors.append(contentsOf: result.errors)
        }
        var shaper = ResponseShaper(schema: supergraph.apiSchema, fragments: plan.fragments, variables: variables, reportsNullErrors: errors.isEmpty)
        let complete: Bool
        if let shape = plan.shape {
            complete = shaper.writeRoot(data, shape: shape, rootTypeName: plan.rootTypeName)
        } else {
            complete = shaper.writeRoot(data, selections: plan.operation.selectionSet.selections, rootTypeName: plan.rootTypeName)
        }
        errors.append(contentsOf: shaper.errors)
        var extensions: JSONObject?
        if wantsPlan { extensions = ["queryPlan": .string(plan.text)] }
        return (GraphQLResponse(data: complete ? shaper.output : Array("null".utf8), errors: errors, extensions: extensions), statistics)
    }

    private func answerIntrospection(_ plan: QueryPlan, variables: JSONObject) async -> (data: JSONObject, errors: [GraphQLError]) {
        var operation = plan.operation
        operation.selectionSet.selections = operation.selectionSet.selections.filter { selection in
            if case .field(let field) = selection { return field.name.value == "__schema" || field.name.value == "__type" }
            return false
        }
        var definitions: [Definition] = [.operation(operation)]
        definitions.append(contentsOf: plan.fragments.values.map { .fragment($0) })
        let response = await introspection.execute(document: Document(definitions: definitions), variables: variables, context: ())
        return (response.dataValue?.objectValue ?? JSONObject(), response.errors)
    }
}

/// A constant (variable-free) AST value as JSON, for variable defaults.
func jsonValue(_ value: Value) -> JSONValue? {
    switch value {
    case .variable: return nil
    case .int(let node): return Int(node.value).map(JSONValue.int) ?? Double(node.value).map(JSONValue.double)
    case .float(let node): return Double(node.value).map(JSONValue.double)
    case .string(let node): return .string(node.value)
    case .boolean(let node): return .bool(node.value)
    case .null: return .null
    case .enumValue(let node): return .string(node.value)
    case .list(let node):
        var elements: [JSONValue] = []
        for element in node.values {
            guard let json = jsonValue(element) else { return nil }
            elements.append(json)
        }
        return .array(elements)
    case .object(let node):
        var object = JSONObject()
        for field in node.fields {
            guard let json = jsonValue(field.value) else { return nil }
            object[field.name.value] = json
        }
        return .object(object)
    }
}
