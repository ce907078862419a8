// Subscriptions (GraphQL specification 6.2.3, graphql-js `subscribe`): the subscription
// field's resolver creates a source stream; each event is executed as the root value of the
// operation, giving one response per event.

/// A type-erased stream of subscription events, already wrapped as root values.
public struct AnyEventStream: AsyncSequence, Sendable {
    public typealias Element = ResolvedValue
    private let makeIterator: @Sendable () -> Iterator

    /// Wraps `events`; `transform` turns each event into the root value of an execution.
    public init<Events: AsyncSequence & Sendable>(_ events: Events, transform: @escaping @Sendable (Events.Element) -> ResolvedValue)
        where Events.Element: Sendable {
        makeIterator = { Iterator(events.makeAsyncIterator(), transform) }
    }

    /// Wraps a stream of events as Swift objects.
    @usableFromInline
    init<Events: AsyncSequence & Sendable>(_ events: Events, wrap: @escaping @Sendable (Events.Element) -> ObjectSource) where Events.Element: Sendable {
        self.init(events) { .object(wrap($0)) }
    }

    public func makeAsyncIterator() -> Iterator { makeIterator() }

    /// Iterates the wrapped events.
    public struct Iterator: AsyncIteratorProtocol {
        private let source: IteratorBox

        init<Base: AsyncIteratorProtocol>(_ base: Base, _ transform: @escaping @Sendable (Base.Element) -> ResolvedValue) {
            source = IteratorBox(base, transform)
        }

        public mutating func next() async throws -> ResolvedValue? {
            try await source.next()
        }
    }

    /// Holds the underlying iterator, which is mutated only by the one task iterating.
    private final class IteratorBox {
        private let nextElement: () async throws -> ResolvedValue?

        init<Base: AsyncIteratorProtocol>(_ base: Base, _ transform: @escaping @Sendable (Base.Element) -> ResolvedValue) {
            var iterator = base
            nextElement = { try await iterator.next().map(transform) }
        }

        func next() async throws -> ResolvedValue? {
            try await nextElement()
        }
    }
}

/// The responses of a subscription, one per source event (graphql-js `mapAsyncIterator` over
/// `execute`). Ends when the source ends; rethrows the source's error.
public struct GraphQLResponseStream: AsyncSequence, Sendable {
    public typealias Element = GraphQLResponse
    let events: AnyEventStream
    let run: @Sendable (ResolvedValue) async -> GraphQLResponse

    public func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator(), run: run)
    }

    /// Executes each event as it arrives.
    public struct Iterator: AsyncIteratorProtocol {
        var events: AnyEventStream.Iterator
        let run: @Sendable (ResolvedValue) async -> GraphQLResponse

        public mutating func next() async throws -> GraphQLResponse? {
            guard let event = try await events.next() else { return nil }
            return await run(event)
        }
    }
}

extension ExecutionEngine {
    /// graphql-js `createSourceEventStream`, then the mapped stream.
    func subscribe(_ prepared: PreparedDocument, operationName: String?, variables: JSONObject,
                   contextBox: any AnyObject & Sendable, rootValue: ResolvedValue) async -> SubscriptionResult {
        let plan: OperationPlan
        let coerced: JSONObject
        switch start(prepared, operationName: operationName, variables: variables) {
        case .ready(let ready, let values):
            plan = ready
            coerced = values
        case .failed(let errors):
            return .failure(GraphQLResponse(data: nil, errors: errors))
        case .noRootType(let operation):
            return .failure(GraphQLResponse(data: nil, errors: [GraphQLError(
                message: "Schema is not configured to execute subscription operation.", nodes: [operation.location], source: prepared.document.source)]))
        }
        guard plan.operation.operation == .subscription else {
            return .failure(GraphQLResponse(data: nil, errors: [GraphQLError(
                message: "Expected a subscription operation, got a \(plan.operation.operation.rawValue).", nodes: [plan.operation.location],
                source: prepared.document.source)]))
        }
        let root: SelectionPlan
        switch plan.root {
        case .plan(let selection): root = selection
        case .failure(let error): return .failure(GraphQLResponse(data: nil, errors: [error]))
        }
        guard let field = root.fields.first else {
            return .failure(GraphQLResponse(data: nil, errors: [GraphQLError(message: "The subscription selects no field.")]))
        }
        let request = RequestState(engine: self, plan: plan, variables: coerced, fragments: prepared.fragments,
                                   source: prepared.document.source, contextBox: contextBox)
        let executor = Executor(request: request, compiler: plan.compiler)
        var located = executor
        located.path = [.field(Unmanaged.passUnretained(field))]
        let arguments: FieldArguments
        switch located.argumentValues(field) {
        case .success(let values): arguments = values
        case .failure(let failure): return .failure(GraphQLResponse(data: nil, errors: [failure.error]))
        }
        guard let subscription = objectTypes[root.typeName]?.subscriptions[field.fieldName] else {
            return .failure(GraphQLResponse(data: nil, errors: [located.fieldFailure(
                "The subscription field \"\(field.fieldName)\" has no subscribe resolver.", field).error]))
        }
        let events: AnyEventStream
        do {
            events = try await subscription.subscribe(FieldCall(source: rootValue, arguments: arguments, plan: field, request: request,
                                                                capturedPath: [.key(field.responseKey)]))
        } catch {
            return .failure(GraphQLResponse(data: nil, errors: [located.located(error, field)]))
        }
        return .stream(GraphQLResponseStream(events: events) { [self] event in
            await execute(prepared, operationName: operationName, variables: variables, contextBox: contextBox, rootValue: event)
        })
    }
}
