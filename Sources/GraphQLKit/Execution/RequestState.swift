/// What one request's execution shares with its resolvers (immutable).
@usableFromInline
final class RequestState: Sendable {
    let engine: ExecutionEngine
    /// The operation's plan (holds the operation: no copy of it per request).
    let plan: OperationPlan
    var operation: OperationDefinition { plan.operation }
    let variables: JSONObject
    let fragments: [String: FragmentDefinition]
    /// The document's text (node locations are offsets into it).
    let source: Source?
    @usableFromInline let contextBox: any AnyObject & Sendable

    init(engine: ExecutionEngine, plan: OperationPlan, variables: JSONObject, fragments: [String: FragmentDefinition],
         source: Source?, contextBox: any AnyObject & Sendable) {
        self.source = source
        self.engine = engine
        self.plan = plan
        self.variables = variables
        self.fragments = fragments
        self.contextBox = contextBox
    }

    var schema: GraphQLSchema { engine.schema }

    /// The request's context: the executable schema boxed it as a `ContextBox<Context>` for the
    /// `Context` its resolvers were registered with.
    @inlinable
    func context<Context: Sendable>(as type: Context.Type) -> Context {
        unsafeDowncast(contextBox, to: ContextBox<Context>.self).value
    }
}
