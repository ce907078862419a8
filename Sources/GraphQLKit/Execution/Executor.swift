/// One step of the response path as the executor tracks it: the field plan (whose response key
/// is read only when a path is needed) or a list index. No reference counting on the hot path:
/// the plans outlive the execution.
enum PathEntry {
    case field(Unmanaged<FieldPlan>)
    case index(Int)

    var component: PathComponent {
        switch self {
        case .field(let plan): return .key(plan.takeUnretainedValue().responseKey)
        case .index(let index): return .index(index)
        }
    }
}

/// Executes one operation: walks the plan depth first, resolving fields and writing the JSON
/// response straight into bytes, in selection order.
///
/// Synchronous resolvers run inline. An asynchronous resolver leaves a *hole*: its position in
/// the bytes is remembered, and after the pass all holes of the pass are awaited concurrently,
/// then completed (which may leave new holes), until none is left. Non-null violations truncate
/// the bytes back to the nearest nullable position and write `null` there; across holes they
/// null out the recorded region instead. Errors are recorded at the nullable position that
/// absorbs them, which is graphql-js's order.
struct Executor {
    let request: RequestState
    let compiler: PlanCompiler
    /// The bytes of the buffer being written (the response's `data`, or a hole's value).
    var output = ByteBuffer(capacity: 512)
    var errors: [GraphQLError] = []
    var path: [PathEntry] = []
    /// Whether async resolvers exist at all: only then are nullable positions tracked.
    let tracksHoles: Bool
    var holes = HoleState()

    init(request: RequestState, compiler: PlanCompiler) {
        self.request = request
        self.compiler = compiler
        self.tracksHoles = request.engine.hasAsyncResolvers
        if tracksHoles { holes.buffers = [HoleState.Buffer()] }
        path.reserveCapacity(16)
    }

    /// The current response path.
    var currentPath: [PathComponent] { path.map(\.component) }

    // MARK: Selection sets and fields

    /// Writes `{…}` for the fields of `plan` on `source`. Returns the failure of a non-null
    /// field (the caller nulls out the nearest nullable position); sibling fields after it
    /// are not executed, as in graphql-js.
    mutating func executeSelection(_ plan: SelectionPlan, source: ResolvedValue) -> FieldFailure? {
        output.append(0x7B)
        let fields = plan.fields
        for index in fields.indices {
            // The plan keeps its fields alive for the whole execution: no retain per field.
            unowned(unsafe) let field = fields[index]
            if index > 0 { output.append(0x2C) }
            output.append(field.keyBytes)
            path.append(.field(Unmanaged.passUnretained(field)))
            let failure = executeField(field, source: source)
            path.removeLast()
            if let failure { return failure }
        }
        output.append(0x7D)
        return nil
    }

    /// Resolves and completes one field at the current position. A failure of a nullable field
    /// is recorded and the field becomes `null`; a non-null field's failure is returned.
    mutating func executeField(_ field: FieldPlan, source: ResolvedValue) -> FieldFailure? {
        let start = output.count
        if tracksHoles && !field.isNonNull { holes.enterNullable(at: start) }
        var failure = resolveAndComplete(field, source: source)
        if let current = failure, !field.isNonNull {
            recordAndNull(current, from: start)
            failure = nil
        }
        if tracksHoles && !field.isNonNull { holes.leaveNullable(at: output.count) }
        return failure
    }

    /// Records the failure's error and replaces everything written since `start` with `null`.
    mutating func recordAndNull(_ failure: FieldFailure, from start: Int) {
        errors.append(failure.error)
        truncate(to: start)
        output.append(nullBytes)
    }

    /// Drops the bytes written since `start` (and the holes they contained).
    mutating func truncate(to start: Int) {
        output.truncate(to: start)
        if tracksHoles { holes.discard(from: start) }
    }

    private mutating func resolveAndComplete(_ field: FieldPlan, source: ResolvedValue) -> FieldFailure? {
        let value: ResolvedValue
        switch field.kind {
        case .leaf:
            if field.leafWriter(source, &output) { return nil }
            // Declined (a value the general path must judge): resolve as usual.
            do {
                value = try field.syncResolver(source, FieldArguments(), field, request, nil)
            } catch {
                return FieldFailure(located(error, field))
            }
        case .sync:
            let arguments: FieldArguments
            if field.hasNoArguments {
                arguments = FieldArguments()
            } else {
                switch argumentValues(field) {
                case .success(let values): arguments = values
                case .failure(let failure): return failure
                }
            }
            do {
                value = try field.syncResolver(source, arguments, field, request, field.wantsInfo ? currentPath : nil)
            } catch {
                return FieldFailure(located(error, field))
            }
        case .typename:
            output.appendJSONString(field.parentTypeName)
            return nil
        case .async:
            let arguments: FieldArguments
            switch argumentValues(field) {
            case .success(let values): arguments = values
            case .failure(let failure): return failure
            }
            addHole(field, call: FieldCall(source: source, arguments: arguments, plan: field, request: request, capturedPath: currentPath),
                    resolve: field.asyncResolver)
            return nil
        case .byName:
            let arguments: FieldArguments
            switch argumentValues(field) {
            case .success(let values): arguments = values
            case .failure(let failure): return failure
            }
            do {
                value = try request.engine.defaultResolver.resolve(source, field, arguments)
            } catch {
                return FieldFailure(located(error, field))
            }
        case .introspection:
            let introspection = field.introspection.unsafelyUnwrapped
            if let json = introspection.leafJSON(source) {
                output.append(json)
                return nil
            }
            do {
                if introspection != .typeMeta, let includeDeprecated = field.constantIncludeDeprecated {
                    value = try introspection.resolve(source, FieldArguments(), request, includeDeprecated: includeDeprecated)
                } else {
                    let arguments: FieldArguments
                    switch argumentValues(field) {
                    case .success(let values): arguments = values
                    case .failure(let failure): return failure
                    }
                    value = try introspection.resolve(source, arguments, request)
                }
            } catch {
                return FieldFailure(located(error, field))
            }
        }
        return complete(field.completion, value, field)
    }

    /// The field's arguments: planned once, or coerced now when they use variables.
    func argumentValues(_ field: FieldPlan) -> Result<FieldArguments, FieldFailure> {
        switch field.arguments {
        case .none: return .success(FieldArguments())
        case .constant(let arguments): return .success(arguments)
        case .failure(let error): return .failure(FieldFailure(located(error, field)))
        case .perRequest:
            do {
                let node = field.fieldNodes[0]
                return .success(FieldArguments(try coerceArgumentValues(field.definition.arguments, node.arguments, nodeLocation: node.location, source: request.source,
                                                                        variables: request.variables, lookup: request.schema)))
            } catch {
                return .failure(FieldFailure(located(error, field)))
            }
        }
    }

    // MARK: Errors

    /// An error raised at the current position, as graphql-js's `locatedError` makes it: a
    /// ``GraphQLError`` that already has a path is kept; otherwise the field's nodes (unless
    /// the error has its own locations) and the current path are added.
    func located(_ error: any Error, _ field: FieldPlan) -> GraphQLError {
        if var graphQLError = error as? GraphQLError {
            if graphQLError.path != nil { return graphQLError }
            if graphQLError.locations == nil {
                let withNodes = GraphQLError.about(graphQLError.message, nodes: field.nodeLocations, source: request.source)
                graphQLError.locations = withNodes.locations
                graphQLError.source = withNodes.source
                graphQLError.positions = withNodes.positions
                graphQLError.nodeLocations = withNodes.nodeLocations
            }
            graphQLError.path = currentPath
            return graphQLError
        }
        return GraphQLError.about(errorMessage(error), nodes: field.nodeLocations, source: request.source, path: currentPath)
    }

    /// A failure at the current position, about the field's nodes.
    func fieldFailure(_ message: String, _ field: FieldPlan) -> FieldFailure {
        FieldFailure(GraphQLError.about(message, nodes: field.nodeLocations, source: request.source, path: currentPath))
    }
}

/// A failed position's error on its way to the nearest nullable position: one reference, so
/// the hot path returns a single word (nil when the value completed).
final class FieldFailure: Error {
    let error: GraphQLError

    init(_ error: GraphQLError) {
        self.error = error
    }
}

let nullBytes: [UInt8] = [0x6E, 0x75, 0x6C, 0x6C]
