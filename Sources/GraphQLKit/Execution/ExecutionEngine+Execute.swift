// The request pipeline (graphql-js `execute`): operation selection, variable coercion, plan
// lookup, then the executor.

extension ExecutionEngine {
    /// Parses and validates a query, or returns the cached result.
    func prepare(_ query: String) -> PreparedDocument {
        documents.document(for: query) {
            let document: Document
            do throws(GraphQLError) {
                document = try Parser.parse(Source(body: query))
            } catch {
                return PreparedDocument(document: Document(definitions: []), errors: [error])
            }
            return PreparedDocument(document: document, errors: validator.validate(schema, document), engine: self)
        }
    }

    /// Compiles the plan of `operation` (nil when the schema has no root type for its kind).
    func compilePlan(_ operation: OperationDefinition, fragments: [String: FragmentDefinition], conditionVariables: JSONObject,
                     source: Source?) -> OperationPlan? {
        guard let rootTypeName = schema.rootTypeName(for: operation.operation) else { return nil }
        let compiler = PlanCompiler(engine: self, fragments: fragments, conditionVariables: conditionVariables, source: source)
        return OperationPlan(operation: operation, rootTypeName: rootTypeName,
                             root: compiler.rootSelection(operation, rootTypeName: rootTypeName), compiler: compiler)
    }

    /// What a request resolved to before execution starts.
    enum Start {
        case ready(OperationPlan, JSONObject)
        case failed([GraphQLError])
        /// The schema has no root type for the operation's kind.
        case noRootType(OperationDefinition)
    }

    /// Picks the operation, coerces the variables and finds (or compiles) the plan.
    func start(_ prepared: PreparedDocument, operationName: String?, variables inputs: JSONObject) -> Start {
        // The common case: a plan fixed at preparation and an operation without variables
        // (coercion then yields no values): no operation copy, no coercion, no plan lookup.
        if !prepared.fixedPlans.isEmpty, let index = prepared.operationIndex(named: operationName),
           let plan = prepared.fixedPlans[index], prepared.operations[index].variableDefinitions.isEmpty {
            return .ready(plan, JSONObject())
        }
        var chosen: (index: Int, operation: OperationDefinition)?
        for (index, operation) in prepared.operations.enumerated() {
            if let operationName {
                if operation.name?.value == operationName { chosen = (index, operation) }
            } else {
                if chosen != nil { return .failed([GraphQLError(message: "Must provide operation name if query contains multiple operations.")]) }
                chosen = (index, operation)
            }
        }
        guard let (index, operation) = chosen else {
            if let operationName { return .failed([GraphQLError(message: "Unknown operation named \"\(operationName)\".")]) }
            return .failed([GraphQLError(message: "Must provide an operation.")])
        }
        let coerced = schema.coerceVariableValues(operation.variableDefinitions, inputs: inputs, source: prepared.document.source)
        if !coerced.errors.isEmpty { return .failed(coerced.errors) }
        let variables = coerced.values
        let key = PreparedDocument.PlanKey(operation: index, conditions: ConditionKey(variableNames: prepared.conditionVariables, values: variables))
        if !prepared.fixedPlans.isEmpty, let plan = prepared.fixedPlans[index] { return .ready(plan, variables) }
        if let plan = prepared.plans.withLock({ $0[key] }) { return .ready(plan, variables) }
        guard let rootTypeName = schema.rootTypeName(for: operation.operation) else {
            return .noRootType(operation)
        }
        let compiler = PlanCompiler(engine: self, fragments: prepared.fragments, conditionVariables: variables, source: prepared.document.source)
        let plan = OperationPlan(operation: operation, rootTypeName: rootTypeName,
                                 root: compiler.rootSelection(operation, rootTypeName: rootTypeName), compiler: compiler)
        let cached = prepared.plans.withLock { plans in
            if let existing = plans[key] { return existing }
            if plans.count >= 64 { plans.removeAll() }
            plans[key] = plan
            return plan
        }
        return .ready(cached, variables)
    }

    /// What execution starts from: a finished response (the request failed before
    /// execution), or an executor and its root selection.
    enum Prepared {
        case finished(GraphQLResponse)
        case run(Executor, SelectionPlan, isMutation: Bool)
    }

    /// Inlined into its callers, so the executor is built in place rather than copied out of
    /// the returned enum.
    @inline(__always)
    func executor(for prepared: PreparedDocument, operationName: String?, variables: JSONObject,
                  contextBox: any AnyObject & Sendable) -> Prepared {
        let plan: OperationPlan
        let coerced: JSONObject
        switch start(prepared, operationName: operationName, variables: variables) {
        case .ready(let ready, let values):
            plan = ready
            coerced = values
        case .failed(let errors):
            return .finished(GraphQLResponse(data: nil, errors: errors))
        case .noRootType(let operation):
            return .finished(GraphQLResponse(data: Array("null".utf8), errors: [GraphQLError(
                message: "Schema is not configured to execute \(operation.operation.rawValue) operation.", nodes: [operation.location],
                source: prepared.document.source)]))
        }
        let root: SelectionPlan
        switch plan.root {
        case .plan(let selection): root = selection
        case .failure(let error): return .finished(GraphQLResponse(data: Array("null".utf8), errors: [error]))
        }
        let request = RequestState(engine: self, plan: plan, variables: coerced, fragments: prepared.fragments,
                                   source: prepared.document.source, contextBox: contextBox)
        return .run(Executor(request: request, compiler: plan.compiler), root, isMutation: plan.isMutation)
    }

    /// Executes a prepared document.
    func execute(_ prepared: PreparedDocument, operationName: String?, variables: JSONObject,
                 contextBox: any AnyObject & Sendable, rootValue: ResolvedValue) async -> GraphQLResponse {
        switch executor(for: prepared, operationName: operationName, variables: variables, contextBox: contextBox) {
        case .finished(let response):
            return response
        case .run(var executor, let root, let isMutation):
            if isMutation {
                await executor.executeSerially(root, source: rootValue)
            } else if let failure = executor.executeSelection(root, source: rootValue) {
                executor.errors.append(failure.error)
                executor.nullData()
            } else if !executor.holes.pending.isEmpty {
                await executor.fillHoles()
            }
            return GraphQLResponse(data: executor.assemble() ?? Array("null".utf8), errors: executor.errors)
        }
    }

    /// Executes a prepared document without suspending (graphql-js `executeSync`): throws if a
    /// resolver is asynchronous.
    func executeSynchronously(_ prepared: PreparedDocument, operationName: String?, variables: JSONObject,
                              contextBox: any AnyObject & Sendable, rootValue: ResolvedValue) throws(GraphQLError) -> GraphQLResponse {
        switch executor(for: prepared, operationName: operationName, variables: variables, contextBox: contextBox) {
        case .finished(let response):
            return response
        case .run(var executor, let root, _):
            // Mutation fields run in order anyway when nothing is asynchronous.
            if let failure = executor.executeSelection(root, source: rootValue) {
                executor.errors.append(failure.error)
                executor.nullData()
            }
            if !executor.holes.pending.isEmpty {
                throw GraphQLError(message: "GraphQL execution failed to complete synchronously.")
            }
            return GraphQLResponse(data: executor.assemble() ?? Array("null".utf8), errors: executor.errors)
        }
    }
}

extension Executor {
    /// Mutation root fields, one after another: each field's async work (and everything under
    /// it) finishes before the next field starts (specification 6.2.2).
    mutating func executeSerially(_ plan: SelectionPlan, source: ResolvedValue) async {
        output.append(0x7B)
        var first = true
        for field in plan.fields {
            if !first { output.append(0x2C) }
            first = false
            output.append(field.keyBytes)
            path.append(.field(Unmanaged.passUnretained(field)))
            let failure = executeField(field, source: source)
            path.removeLast()
            if let failure {
                errors.append(failure.error)
                nullData()
                return
            }
            if !holes.pending.isEmpty { await fillHoles() }
            if holes.dataNulled { return }
        }
        output.append(0x7D)
    }
}

extension GraphQLSchema {
    /// The same schema with custom scalars coercing by `coercions` (by scalar name). Default
    /// values keep the values they were built with; build from SDL with
    /// ``BuildSchemaOptions/scalars`` to coerce them with the hooks too.
    public func replacingScalarCoercions(_ coercions: [String: ScalarCoercion]) throws(GraphQLError) -> GraphQLSchema {
        for name in coercions.keys.sorted() {
            guard case .scalar(let scalar)? = namedType(name), !scalar.isSpecified else {
                throw GraphQLError(message: "Scalar coercion is registered for \"\(name)\", which is not a custom scalar of the schema.")
            }
        }
        let replaced: [GraphQLNamedType] = types.map { type in
            guard case .scalar(let scalar) = type, let coercion = coercions[scalar.name] else { return type }
            return .scalar(GraphQLScalarType(name: scalar.name, description: scalar.description, specifiedByURL: scalar.specifiedByURL,
                                             coercion: coercion, astNode: scalar.astNode, extensionASTNodes: scalar.extensionASTNodes,
                                             source: scalar.source, extensionSources: scalar.extensionSources))
        }
        return try GraphQLSchema(description: description, query: queryTypeName, mutation: mutationTypeName, subscription: subscriptionTypeName,
                                 types: replaced, directives: directives, astNode: astNode, extensionASTNodes: extensionASTNodes,
                                 astSource: astSource, extensionSources: extensionSources)
    }
}
