/// Everything one call of a field resolver gets: the parent value, the arguments, the request's
/// context and, on demand, the ``ResolveInfo``. The typed resolvers registered through
/// ``Resolvers`` unpack it for you; raw resolvers (``ObjectResolvers/rawField(_:_:)``) read it directly.
public struct FieldCall: Sendable {
    /// The value of the parent object (the root value for root fields).
    public let source: ResolvedValue
    public let arguments: FieldArguments
    @usableFromInline let plan: FieldPlan
    @usableFromInline let request: RequestState
    /// The response path (captured for async resolvers; for synchronous ones the current path).
    let capturedPath: [PathComponent]?

    @usableFromInline
    init(source: ResolvedValue, arguments: FieldArguments, plan: FieldPlan, request: RequestState, capturedPath: [PathComponent]? = nil) {
        self.source = source
        self.arguments = arguments
        self.plan = plan
        self.request = request
        self.capturedPath = capturedPath
    }

    /// The request's context, known to be a `Context` (the executable schema created its box).
    @inlinable
    public func context<Context: Sendable>(as type: Context.Type) -> Context {
        request.context(as: type)
    }

    /// The source as a `Source` value: a Swift object of that type, JSON when `Source` is
    /// ``JSONValue``, or anything when `Source` is ``ResolvedValue``.
    @inlinable
    public func source<Source: Sendable>(as type: Source.Type) -> Source? {
        switch source {
        case .object(let object):
            if let value = object.value(as: Source.self) { return value }
        case .json(let json):
            if let value = json as? Source { return value }
        default:
            break
        }
        return source as? Source
    }

    /// The error for a source that is not the Swift type a resolver was registered for.
    public func sourceMismatch<Source>(_ expected: Source.Type) -> GraphQLError {
        sourceMismatchError(source, expected, plan)
    }

    /// Details about the field being resolved.
    public var info: ResolveInfo {
        ResolveInfo(fieldName: plan.fieldName, parentTypeName: plan.parentTypeName, returnType: plan.definition.type,
                    path: capturedPath ?? [], fieldNodes: plan.fieldNodes, operation: request.operation,
                    variables: request.variables, schema: request.schema, fragments: request.fragments)
    }
}

/// Details about the field being resolved (graphql-js `GraphQLResolveInfo`).
public struct ResolveInfo: Sendable {
    public let fieldName: String
    public let parentTypeName: String
    public let returnType: GraphQLType
    /// The response path of the field (`["users", 0, "posts"]`).
    public let path: [PathComponent]
    /// The field's nodes in the document (several when merged under one response key).
    public let fieldNodes: [Field]
    public let operation: OperationDefinition
    /// The coerced variable values.
    public let variables: JSONObject
    public let schema: GraphQLSchema
    public let fragments: [String: FragmentDefinition]
}

/// The request context, in a box created once per request so resolvers get it back without a
/// dynamic cast.
public final class ContextBox<Context: Sendable>: Sendable {
    public let value: Context

    public init(_ value: Context) {
        self.value = value
    }
}
